/* SNI on a server: the library's servername callback, which both libraries
 * call for every ClientHello (with or without a name), hands the name to the
 * API layer (ut_sni_received), which decides. */
#include <openssl/ssl.h>

#include "ossl_conn.h"
#include "ossl_hooks.h"
#include "ossl_provider.h"

static int on_server_name(SSL *ssl, int *alert, void *arg)
{
    (void)arg;
    unitls_conn *conn = ossl_link_conn(ssl);
    if (conn == NULL || conn->ctx->role != UNITLS_ROLE_SERVER)
        return SSL_TLSEXT_ERR_OK;
    const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    if (ut_sni_received(conn, name) == UT_SNI_CONTINUE)
        return SSL_TLSEXT_ERR_OK;
    *alert = UT_ALERT_UNRECOGNIZED_NAME;
    return SSL_TLSEXT_ERR_ALERT_FATAL;
}

void ossl_sni_install(SSL_CTX *ctx)
{
    SSL_CTX_set_tlsext_servername_callback(ctx, on_server_name);
}
