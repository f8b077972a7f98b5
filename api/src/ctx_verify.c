/* A context's verification settings (unitls/verify.h): depth, time,
 * purpose, partial chains, the application's callback, the commonName
 * fallback. Untrusted intermediates and CRLs are in ctx_verify_inputs.c. */
#include "api_checks.h"
#include "provider.h"

/* The settings the provider applies, kept to undo a refused change. */
struct params {
    int has_verify_time;
    int64_t verify_time;
    unitls_verify_purpose purpose;
    int partial_chain;
    unitls_crl_check crl_check;
};

static struct params params_of(const unitls_ctx *ctx)
{
    return (struct params){ctx->has_verify_time, ctx->verify_time,
                           ctx->purpose, ctx->partial_chain, ctx->crl_check};
}

/* Hands the changed settings to the provider; if it refuses them, the old
 * ones come back. */
static int apply_params(unitls_ctx *ctx, const struct params *old)
{
    int rc = ut_provider.ctx_apply_verify_params(ctx);
    if (rc != UNITLS_OK) {
        ctx->has_verify_time = old->has_verify_time;
        ctx->verify_time = old->verify_time;
        ctx->purpose = old->purpose;
        ctx->partial_chain = old->partial_chain;
        ctx->crl_check = old->crl_check;
    }
    return rc;
}

static int need_cap(unitls_ctx *ctx, uint32_t cap, const char *what)
{
    if (unitls_provider_has(cap))
        return UNITLS_OK;
    return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                       "%s is not supported by the %s provider", what,
                       ut_provider.name);
}

int unitls_ctx_set_verify_depth(unitls_ctx *ctx, int depth)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (depth < 0 || depth > UNITLS_VERIFY_DEPTH_MAX)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "verify depth %d is outside 0..%d", depth,
                           UNITLS_VERIFY_DEPTH_MAX);
    ctx->verify_depth = depth;
    return UNITLS_OK;
}

int unitls_ctx_verify_depth(const unitls_ctx *ctx)
{
    return ctx ? ctx->verify_depth : UNITLS_VERIFY_DEPTH_MAX;
}

int unitls_ctx_set_verify_time(unitls_ctx *ctx, int64_t when)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (when != UNITLS_VERIFY_TIME_NOW &&
        (rc = need_cap(ctx, UNITLS_CAP_VERIFY_TIME,
                       "a verification time")) != UNITLS_OK)
        return rc;
    struct params old = params_of(ctx);
    ctx->has_verify_time = when != UNITLS_VERIFY_TIME_NOW;
    ctx->verify_time = ctx->has_verify_time ? when : 0;
    return apply_params(ctx, &old);
}

int unitls_ctx_set_verify_purpose(unitls_ctx *ctx,
                                  unitls_verify_purpose purpose)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (purpose != UNITLS_PURPOSE_DEFAULT &&
        purpose != UNITLS_PURPOSE_SERVER && purpose != UNITLS_PURPOSE_CLIENT)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "unknown verify purpose %d", (int)purpose);
    if (purpose != UNITLS_PURPOSE_DEFAULT &&
        (rc = need_cap(ctx, UNITLS_CAP_VERIFY_PURPOSE,
                       "choosing the verify purpose")) != UNITLS_OK)
        return rc;
    struct params old = params_of(ctx);
    ctx->purpose = purpose;
    return apply_params(ctx, &old);
}

unitls_verify_purpose ut_ctx_purpose(const unitls_ctx *ctx)
{
    if (ctx->purpose != UNITLS_PURPOSE_DEFAULT)
        return ctx->purpose;
    return ctx->role == UNITLS_ROLE_CLIENT ? UNITLS_PURPOSE_SERVER
                                           : UNITLS_PURPOSE_CLIENT;
}

int unitls_ctx_set_partial_chain(unitls_ctx *ctx, int on)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (on && (rc = need_cap(ctx, UNITLS_CAP_PARTIAL_CHAIN,
                             "partial chain verification")) != UNITLS_OK)
        return rc;
    struct params old = params_of(ctx);
    ctx->partial_chain = on != 0;
    return apply_params(ctx, &old);
}

int unitls_ctx_set_crl_check(unitls_ctx *ctx, unitls_crl_check mode)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (mode != UNITLS_CRL_NONE && mode != UNITLS_CRL_LEAF &&
        mode != UNITLS_CRL_CHAIN)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "unknown CRL check mode %d", (int)mode);
    if (mode != UNITLS_CRL_NONE &&
        (rc = need_cap(ctx, UNITLS_CAP_CRL, "CRL checking")) != UNITLS_OK)
        return rc;
    struct params old = params_of(ctx);
    ctx->crl_check = mode;
    return apply_params(ctx, &old);
}

int unitls_ctx_set_hostname_cn_fallback(unitls_ctx *ctx, int on)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc == UNITLS_OK)
        ctx->cn_fallback = on != 0;
    return rc;
}

int unitls_ctx_set_verify_callback(unitls_ctx *ctx, unitls_verify_fn fn,
                                   void *user)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    ctx->verify_cb = fn;
    ctx->verify_cb_user = fn ? user : NULL;
    return UNITLS_OK;
}
