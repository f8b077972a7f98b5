/* SNI on a server: wolfSSL's servername callback (called for every
 * ClientHello, with or without a name; wolfSSL keeps the name a client sent
 * even when the server configured none) hands the name to the API layer
 * (ut_sni_received), which decides. A switch to another context's
 * certificate loads that context's chain and key into the WOLFSSL: not
 * wolfSSL_set_SSL_CTX(), which would also move the connection's
 * verification to the other context. The suites are set again after it,
 * since wolfSSL keeps those it derived from the key type it had (an ECDSA
 * server switched to an RSA key would offer no TLS 1.2 suite it can use). */
#include "wolf.h"

#include <limits.h>

static int on_server_name(WOLFSSL *ssl, int *alert, void *arg)
{
    (void)arg;
    unitls_conn *conn = wolfSSL_get_ex_data(ssl, wolf_conn_ex_index());
    if (conn == NULL || conn->ctx->role != UNITLS_ROLE_SERVER)
        return 0;
    const char *name = wolfSSL_get_servername(ssl, WOLFSSL_SNI_HOST_NAME);
    if (ut_sni_received(conn, name) == UT_SNI_CONTINUE)
        return 0;
    *alert = UT_ALERT_UNRECOGNIZED_NAME;
    return fatal_return;
}

void wolf_sni_install(WOLFSSL_CTX *ssl_ctx)
{
    wolfSSL_CTX_set_servername_callback(ssl_ctx, on_server_name);
}

int wolf_conn_use_identity_of(unitls_conn *conn, const unitls_ctx *from)
{
    const struct wolf_ctx_impl *impl = wolf_ctx_impl(from);
    WOLFSSL *ssl = wolf_conn(conn)->ssl;
    int ok = impl->identity_chain.len <= LONG_MAX &&
             impl->identity_key.len <= LONG_MAX &&
             wolfSSL_use_certificate_chain_buffer_format(
                 ssl, impl->identity_chain.data,
                 (long)impl->identity_chain.len,
                 WOLFSSL_FILETYPE_ASN1) == WOLFSSL_SUCCESS &&
             wolfSSL_use_PrivateKey_buffer(ssl, impl->identity_key.data,
                                           (long)impl->identity_key.len,
                                           WOLFSSL_FILETYPE_ASN1) ==
                 WOLFSSL_SUCCESS &&
             wolf_ssl_reapply_suites(conn->ctx, ssl, impl->identity_kind);
    wolfSSL_ERR_clear_error();
    if (!ok)
        return ut_conn_fail(conn, UNITLS_E_NOMEM,
                            "wolfssl cannot install the other context's "
                            "certificate and key");
    return UNITLS_OK;
}
