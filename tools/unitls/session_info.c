/* What a completed handshake negotiated, for people to read on stderr. */
#include "session_info.h"

#include "dn.h"

static const char *or_unknown(const char *text)
{
    return text != NULL ? text : "(unknown)";
}

void session_print_summary(FILE *out, const unitls_conn *conn)
{
    const unitls_cert *peer = unitls_conn_peer_cert(conn);
    fprintf(out, "version: %s\n", or_unknown(unitls_conn_version(conn)));
    fprintf(out, "cipher: %s\n", or_unknown(unitls_conn_cipher(conn)));
    const char *group = unitls_conn_group(conn);
    fprintf(out, "group: %s\n", group != NULL ? group : "(none)");
    fprintf(out, "bits: %d\n", unitls_conn_cipher_bits(conn));
    const char *alpn = unitls_conn_alpn(conn);
    fprintf(out, "alpn: %s\n", alpn != NULL ? alpn : "(none)");
    const char *psk = unitls_conn_psk_identity(conn);
    if (psk != NULL)
        fprintf(out, "psk identity: %s\n", psk);
    fputs("subject: ", out);
    if (peer != NULL)
        dn_print(out, peer, UNITLS_CERT_SUBJECT);
    else
        fputs("(none)", out);
    fputc('\n', out);
}

void session_print_brief(FILE *out, const unitls_conn *conn)
{
    const unitls_cert *peer = unitls_conn_peer_cert(conn);
    fprintf(out, "%s, %s", or_unknown(unitls_conn_version(conn)),
            or_unknown(unitls_conn_cipher(conn)));
    if (unitls_conn_group(conn) != NULL)
        fprintf(out, ", group: %s", unitls_conn_group(conn));
    if (unitls_conn_alpn(conn) != NULL)
        fprintf(out, ", alpn: %s", unitls_conn_alpn(conn));
    if (unitls_conn_psk_identity(conn) != NULL)
        fprintf(out, ", psk identity: %s", unitls_conn_psk_identity(conn));
    if (peer != NULL) {
        fputs(", peer: ", out);
        dn_print(out, peer, UNITLS_CERT_SUBJECT);
    }
    if (unitls_conn_session_reused(conn))
        fputs(", session reused", out);
}
