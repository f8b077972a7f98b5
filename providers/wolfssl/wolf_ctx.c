/* Contexts: creation, protocol versions, verify mode. */
#include "wolf.h"

static WOLFSSL_METHOD *method_for(unitls_role role)
{
    return role == UNITLS_ROLE_SERVER ? wolfSSLv23_server_method()
                                      : wolfSSLv23_client_method();
}

int wolf_ctx_new(unitls_ctx *ctx)
{
    WOLFSSL_METHOD *method = method_for(ctx->role);
    /* wolfSSL_CTX_new() takes the method, and frees it on failure. */
    WOLFSSL_CTX *ssl_ctx = method ? wolfSSL_CTX_new(method) : NULL;
    if (ssl_ctx == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM,
                           "wolfSSL could not create a context");
    ctx->impl = ssl_ctx;
    wolf_io_install(ssl_ctx);
    int rc = wolf_ctx_apply_defaults(ctx);
    if (rc == UNITLS_OK)
        rc = wolf_ctx_apply_versions(ctx);
    if (rc == UNITLS_OK)
        rc = wolf_ctx_apply_verify_mode(ctx);
    if (rc != UNITLS_OK) {
        wolfSSL_CTX_free(ssl_ctx);
        ctx->impl = NULL;
    }
    return rc;
}

void wolf_ctx_free(unitls_ctx *ctx)
{
    wolfSSL_CTX_free(wolf_ctx(ctx));
    ctx->impl = NULL;
}

/* The maximum is opened to TLS 1.3 first, so that raising the minimum never
 * meets a lower maximum left from an earlier call. */
int wolf_ctx_apply_versions(unitls_ctx *ctx)
{
    WOLFSSL_CTX *ssl_ctx = wolf_ctx(ctx);
    if (wolfSSL_CTX_set_max_proto_version(ssl_ctx, UNITLS_TLS1_3) !=
            WOLFSSL_SUCCESS ||
        wolfSSL_CTX_set_min_proto_version(ssl_ctx, ctx->min_version) !=
            WOLFSSL_SUCCESS ||
        wolfSSL_CTX_set_max_proto_version(ssl_ctx, ctx->max_version) !=
            WOLFSSL_SUCCESS)
        return ut_ctx_fail(ctx, UNITLS_E_INTERNAL,
                           "wolfssl rejected the protocol versions "
                           "0x%04x..0x%04x",
                           ctx->min_version, ctx->max_version);
    return UNITLS_OK;
}

/* The policy is the API layer's; this only spells it in wolfSSL's flags. */
static int wolf_verify_mode(const unitls_ctx *ctx)
{
    switch (ut_ctx_peer_cert_policy(ctx)) {
    case UT_PEER_CERT_IGNORED:
        return WOLFSSL_VERIFY_NONE;
    case UT_PEER_CERT_REQUESTED:
        return WOLFSSL_VERIFY_PEER;
    case UT_PEER_CERT_REQUIRED:
    default:
        return ctx->role == UNITLS_ROLE_CLIENT
                   ? WOLFSSL_VERIFY_PEER
                   : WOLFSSL_VERIFY_PEER | WOLFSSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    }
}

int wolf_ctx_apply_verify_mode(unitls_ctx *ctx)
{
    wolf_verify_install(wolf_ctx(ctx), wolf_verify_mode(ctx));
    return UNITLS_OK;
}
