/* Contexts: one SSL_CTX per unitls_ctx, configured to unitls' defaults. */
#include <stdlib.h>

#include <openssl/err.h>

#include "ossl_compat.h"
#include "ossl_ctx.h"
#include "ossl_error.h"
#include "ossl_hooks.h"
#include "ossl_provider.h"

/* No compression, no renegotiation, no session tickets or session cache
 * (resumption is not part of unitls yet), the server's suite order. */
static int configure(SSL_CTX *c)
{
    SSL_CTX_set_options(c, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION |
                               SSL_OP_NO_TICKET |
                               SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_mode(c, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_set_session_cache_mode(c, SSL_SESS_CACHE_OFF);
    if (!SSL_CTX_set_num_tickets(c, 0))
        return 0;
    ossl_alerts_install(c);
    ossl_verify_install(c);
    return ossl_defaults_apply(c);
}

int ossl_ctx_new(unitls_ctx *ctx)
{
    ERR_clear_error();
    struct ossl_ctx *octx = calloc(1, sizeof(*octx));
    if (octx == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    ctx->impl = octx;
    octx->ssl_ctx = SSL_CTX_new(ctx->role == UNITLS_ROLE_CLIENT
                                    ? TLS_client_method()
                                    : TLS_server_method());
    int rc = UNITLS_OK;
    if (octx->ssl_ctx == NULL)
        rc = ossl_ctx_fail(ctx, UNITLS_E_NOMEM, "cannot create a context");
    else if (!configure(octx->ssl_ctx))
        rc = ossl_ctx_fail(ctx, UNITLS_E_INTERNAL,
                           "cannot apply the default settings");
    if (rc == UNITLS_OK)
        rc = ossl_ctx_apply_versions(ctx);
    if (rc == UNITLS_OK)
        rc = ossl_ctx_apply_verify_mode(ctx);
    if (rc != UNITLS_OK)
        ossl_ctx_free(ctx);
    return rc;
}

void ossl_ctx_free(unitls_ctx *ctx)
{
    struct ossl_ctx *octx = ossl_ctx_impl(ctx);
    if (octx == NULL)
        return;
    SSL_CTX_free(octx->ssl_ctx);
    ossl_ctx_identity_free(octx);
    free(octx);
    ctx->impl = NULL;
}

int ossl_ctx_apply_versions(unitls_ctx *ctx)
{
    ERR_clear_error();
    SSL_CTX *c = ossl_ctx_ssl_ctx(ctx);
    if (!SSL_CTX_set_min_proto_version(c, ctx->min_version) ||
        !SSL_CTX_set_max_proto_version(c, ctx->max_version))
        return ossl_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                             "cannot set the protocol versions");
    return UNITLS_OK;
}

/* The policy is the API layer's. With SSL_VERIFY_NONE a client still sees
 * the server's certificate (ossl_verify.c decides nothing then). A client
 * never uses FAIL_IF_NO_PEER_CERT: a server always sends one, and when it
 * does not, the handshake fails on its own. */
static int library_verify_mode(const unitls_ctx *ctx)
{
    switch (ut_ctx_peer_cert_policy(ctx)) {
    case UT_PEER_CERT_IGNORED:
        return SSL_VERIFY_NONE;
    case UT_PEER_CERT_REQUESTED:
        return SSL_VERIFY_PEER;
    case UT_PEER_CERT_REQUIRED:
    default:
        return ctx->role == UNITLS_ROLE_CLIENT
                   ? SSL_VERIFY_PEER
                   : SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    }
}

int ossl_ctx_apply_verify_mode(unitls_ctx *ctx)
{
    SSL_CTX_set_verify(ossl_ctx_ssl_ctx(ctx), library_verify_mode(ctx), NULL);
    return UNITLS_OK;
}
