/* OCSP stapling through the status callback both libraries have: servers
 * staple the context's response for a client that asks, clients hand the
 * API layer what was stapled (ut_ocsp_accept); a 0 from the callback makes
 * either library send bad_certificate_status_response (113). BoringSSL
 * keeps this callback for OpenSSL compatibility and would rather have the
 * response set ahead (SSL_CTX_set_ocsp_response); the callback lets both
 * copy it only for the clients that ask, with one code path. */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/ssl.h>

#include "ossl_compat.h"
#include "ossl_conn.h"
#include "ossl_hooks.h"
#include "ossl_provider.h"

/* The library frees what it is given with OPENSSL_free. */
static int staple(SSL *ssl, const unitls_ctx *ctx)
{
    if (ctx->ocsp_response == NULL)
        return SSL_TLSEXT_ERR_NOACK;
    unsigned char *copy = OPENSSL_malloc(ctx->ocsp_response_len);
    if (copy == NULL)
        return SSL_TLSEXT_ERR_ALERT_FATAL;
    memcpy(copy, ctx->ocsp_response, ctx->ocsp_response_len);
    if (!SSL_set_tlsext_status_ocsp_resp(ssl, copy,
                                         ctx->ocsp_response_len)) {
        OPENSSL_free(copy);
        return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    return SSL_TLSEXT_ERR_OK;
}

static int on_status(SSL *ssl, void *arg)
{
    (void)arg;
    unitls_conn *conn = ossl_link_conn(ssl);
    if (conn == NULL)
        return SSL_is_server(ssl) ? SSL_TLSEXT_ERR_NOACK : 1;
    if (conn->ctx->role == UNITLS_ROLE_SERVER)
        return staple(ssl, conn->ctx);
    const unsigned char *der = NULL;
    return ut_ocsp_accept(conn, ossl_compat_ocsp_response(ssl, &der));
}

void ossl_ocsp_install(SSL_CTX *ctx)
{
    SSL_CTX_set_tlsext_status_cb(ctx, on_status);
}

int ossl_ocsp_request(const unitls_ctx *ctx, SSL *ssl)
{
    if (ctx->role != UNITLS_ROLE_CLIENT || ctx->ocsp_mode == UNITLS_OCSP_OFF)
        return 1;
    return SSL_set_tlsext_status_type(ssl, TLSEXT_STATUSTYPE_ocsp) == 1;
}

void ossl_conn_ocsp_response(const unitls_conn *conn,
                             const unsigned char **der, size_t *len)
{
    *len = ossl_compat_ocsp_response(ossl_conn_ssl(conn), der);
}
