/* OCSP stapling: not on wolfSSL 5.5 as Debian builds it
 * (HAVE_CERTIFICATE_STATUS_REQUEST, OPENSSL_ALL and WOLFSSL_NGINX are on,
 * yet neither side does what unitls promises):
 *  - server (UNITLS_CAP_OCSP_STAPLE): with wolfSSL_CTX_EnableOCSPStapling()
 *    and the OpenSSL-style status callback handing over the response
 *    (wolfSSL_set_tlsext_status_ocsp_resp), the handshake fails with
 *    ASN_NO_SIGNER_E unless the server's own certificate manager trusts
 *    the issuer of its certificate, which would also make that CA trusted
 *    for client certificates; and in TLS 1.3 the callback is not called;
 *  - client (UNITLS_CAP_OCSP_CLIENT): wolfSSL checks a stapled response
 *    with its own OCSP engine (TLS 1.2 fails with OCSP_LOOKUP_FAIL when it
 *    cannot reach the responder itself) and does not hand the raw bytes
 *    back (wolfSSL_get_tlsext_status_ocsp_resp() gives nothing on a
 *    client).
 * Both bits are clear, so the API layer never calls this; it answers
 * "nothing stapled". */
#include "wolf.h"

void wolf_conn_ocsp_response(const unitls_conn *conn,
                             const unsigned char **der, size_t *len)
{
    (void)conn;
    *der = NULL;
    *len = 0;
}
