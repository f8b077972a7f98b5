/* Pre-shared keys: the library's PSK callbacks hand over to the API layer
 * (ut_psk_client / ut_psk_server), which asks the application and checks
 * its answer. OpenSSL also calls these callbacks in TLS 1.3, with the key
 * bound to TLS_AES_128_GCM_SHA256 (UT_PSK_TLS13_SUITE); BoringSSL only in
 * TLS 1.2 (no UNITLS_CAP_PSK_TLS13). Both libraries pass the identity
 * buffer's size less the NUL. */
#include <openssl/ssl.h>

#include "ossl_conn.h"
#include "ossl_ctx.h"
#include "ossl_error.h"
#include "ossl_provider.h"

static unsigned int client_key(SSL *ssl, const char *hint, char *identity,
                               unsigned int max_identity_len,
                               unsigned char *psk, unsigned int max_psk_len)
{
    return ut_psk_client(ossl_link_conn(ssl), hint, identity,
                         max_identity_len, psk, max_psk_len);
}

static unsigned int server_key(SSL *ssl, const char *identity,
                               unsigned char *psk, unsigned int max_psk_len)
{
    return ut_psk_server(ossl_link_conn(ssl), identity, psk, max_psk_len);
}

int ossl_ctx_apply_psk(unitls_ctx *ctx)
{
    SSL_CTX *c = ossl_ctx_ssl_ctx(ctx);
    if (ctx->role == UNITLS_ROLE_CLIENT) {
        SSL_CTX_set_psk_client_callback(c, ctx->psk_client_cb ? client_key
                                                              : NULL);
        return UNITLS_OK;
    }
    SSL_CTX_set_psk_server_callback(c, ctx->psk_server_cb ? server_key : NULL);
    if (!SSL_CTX_use_psk_identity_hint(c, ctx->psk_hint))
        return ossl_ctx_fail(ctx, UNITLS_E_NOMEM,
                             "cannot set the PSK identity hint");
    return UNITLS_OK;
}
