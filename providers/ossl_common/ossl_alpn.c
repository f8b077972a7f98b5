/* ALPN: a client's offer, and a server's choice made by the API layer
 * (ut_alpn_select) inside the library's selection callback. */
#include <openssl/ssl.h>

#include "ossl_conn.h"
#include "ossl_ctx.h"
#include "ossl_error.h"
#include "ossl_hooks.h"
#include "ossl_provider.h"

static int select_protocol(SSL *ssl, const unsigned char **out,
                           unsigned char *out_len, const unsigned char *in,
                           unsigned int in_len, void *arg)
{
    (void)arg;
    unitls_conn *conn = ossl_link_conn(ssl);
    if (conn == NULL)
        return SSL_TLSEXT_ERR_NOACK;
    switch (ut_alpn_select(conn, in, in_len, out, out_len)) {
    case UT_ALPN_SELECTED:
        return SSL_TLSEXT_ERR_OK;
    case UT_ALPN_NONE_FAIL:
        return SSL_TLSEXT_ERR_ALERT_FATAL; /* no_application_protocol */
    default:
        return SSL_TLSEXT_ERR_NOACK;
    }
}

void ossl_alpn_install(SSL_CTX *ctx)
{
    SSL_CTX_set_alpn_select_cb(ctx, select_protocol, NULL);
}

int ossl_ctx_apply_alpn(unitls_ctx *ctx)
{
    /* Both libraries return 0 on success here. */
    if (SSL_CTX_set_alpn_protos(ossl_ctx_ssl_ctx(ctx), ctx->alpn_wire,
                                (unsigned)ctx->alpn_wire_len) != 0)
        return ossl_ctx_fail(ctx, UNITLS_E_NOMEM,
                             "cannot set the ALPN protocols");
    return UNITLS_OK;
}

void ossl_conn_alpn(const unitls_conn *conn, const unsigned char **proto,
                    size_t *len)
{
    unsigned int n = 0;
    SSL_get0_alpn_selected(ossl_conn_ssl(conn), proto, &n);
    *len = n;
}
