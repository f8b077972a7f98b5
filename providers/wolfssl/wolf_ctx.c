/* Contexts: creation, protocol versions, verify mode. */
#include "wolf.h"

#include <stdlib.h>

static WOLFSSL_METHOD *method_for(unitls_role role)
{
    return role == UNITLS_ROLE_SERVER ? wolfSSLv23_server_method()
                                      : wolfSSLv23_client_method();
}

static struct wolf_ctx_impl *impl_new(void)
{
    struct wolf_ctx_impl *impl = calloc(1, sizeof(*impl));
    if (impl != NULL && pthread_mutex_init(&impl->freeze_lock, NULL) != 0) {
        free(impl);
        impl = NULL;
    }
    return impl;
}

int wolf_ctx_new(unitls_ctx *ctx)
{
    struct wolf_ctx_impl *impl = impl_new();
    WOLFSSL_METHOD *method = impl ? method_for(ctx->role) : NULL;
    /* wolfSSL_CTX_new() takes the method, and frees it on failure. */
    WOLFSSL_CTX *ssl_ctx = method ? wolfSSL_CTX_new(method) : NULL;
    if (ssl_ctx == NULL) {
        if (impl != NULL)
            pthread_mutex_destroy(&impl->freeze_lock);
        free(impl);
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM,
                           "wolfSSL could not create a context");
    }
    impl->ssl_ctx = ssl_ctx;
    ctx->impl = impl;
    wolf_io_install(ssl_ctx);
    wolf_alpn_install(ssl_ctx);
    wolf_sni_install(ssl_ctx);
    int rc = wolf_ctx_apply_defaults(ctx);
    if (rc == UNITLS_OK)
        rc = wolf_ctx_apply_versions(ctx);
    if (rc == UNITLS_OK)
        rc = wolf_ctx_apply_verify_mode(ctx);
    if (rc != UNITLS_OK)
        wolf_ctx_free(ctx);
    return rc;
}

void wolf_ctx_free(unitls_ctx *ctx)
{
    struct wolf_ctx_impl *impl = wolf_ctx_impl(ctx);
    if (impl == NULL)
        return;
    wolfSSL_CTX_free(impl->ssl_ctx);
    ut_blob_list_free(&impl->untrusted);
    ut_blob_list_free(&impl->crls);
    wolf_anchors_free(impl);
    wolf_identity_free(impl);
    pthread_mutex_destroy(&impl->freeze_lock);
    free(impl);
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
