/* Contexts: creation, reference counting, settings. */
#include <stdlib.h>

#include "library.h"
#include "provider.h"
#include "api_checks.h"
#include "session_internal.h"

unitls_ctx *unitls_ctx_new(unitls_role role)
{
    if (role != UNITLS_ROLE_CLIENT && role != UNITLS_ROLE_SERVER)
        return NULL;
    if (ut_library_init() != UNITLS_OK)
        return NULL;
    unitls_ctx *ctx = calloc(1, sizeof(*ctx));
    if (ctx == NULL)
        return NULL;
    atomic_init(&ctx->refs, 1);
    atomic_init(&ctx->in_use, 0);
    ctx->role = role;
    ctx->verify_mode = role == UNITLS_ROLE_CLIENT ? UNITLS_VERIFY_REQUIRED
                                                  : UNITLS_VERIFY_NONE;
    ctx->check_hostname = role == UNITLS_ROLE_CLIENT;
    ctx->min_version = UNITLS_TLS1_2;
    ctx->max_version = UNITLS_TLS1_3;
    ctx->verify_depth = UNITLS_VERIFY_DEPTH_MAX;
    ctx->cn_fallback = 1;
    ctx->keylog_fd = -1;
    ctx->session_tickets = role == UNITLS_ROLE_SERVER;
    ctx->session_lifetime = UNITLS_SESSION_LIFETIME_DEFAULT;
    if (role == UNITLS_ROLE_SERVER && ut_ticket_keys_new(ctx) != UNITLS_OK) {
        free(ctx);
        return NULL;
    }
    if (ut_provider.ctx_new(ctx) != UNITLS_OK) {
        ut_ticket_keys_free(ctx);
        free(ctx);
        return NULL;
    }
    if ((ut_provider.caps & UNITLS_CAP_SESSIONS) &&
        ut_provider.ctx_apply_sessions(ctx) != UNITLS_OK) {
        ut_ctx_release(ctx);
        return NULL;
    }
    return ctx;
}

void ut_ctx_release(unitls_ctx *ctx)
{
    if (ctx == NULL || atomic_fetch_sub(&ctx->refs, 1) != 1)
        return;
    ut_provider.ctx_free(ctx);
    free(ctx->tls12_suites);
    free(ctx->tls13_suites);
    free(ctx->groups);
    free(ctx->alpn_wire);
    free(ctx->ocsp_response);
    ut_ctx_keylog_close(ctx);
    free(ctx->psk_hint);
    ut_ticket_keys_free(ctx);
    free(ctx);
}

void unitls_ctx_free(unitls_ctx *ctx)
{
    ut_ctx_release(ctx);
}

unitls_role unitls_ctx_role(const unitls_ctx *ctx)
{
    return ctx ? ctx->role : UNITLS_ROLE_CLIENT;
}

const char *unitls_ctx_error(const unitls_ctx *ctx)
{
    return ctx ? ctx->error : "";
}

int ut_ctx_check_mutable(unitls_ctx *ctx)
{
    if (ctx == NULL)
        return UNITLS_E_INVALID_ARG;
    ctx->error[0] = '\0';
    if (atomic_load(&ctx->in_use))
        return ut_ctx_fail(ctx, UNITLS_E_STATE,
                           "the context is in use by a connection and can "
                           "no longer be changed");
    return UNITLS_OK;
}

int unitls_ctx_set_verify_mode(unitls_ctx *ctx, unitls_verify_mode mode)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (mode != UNITLS_VERIFY_NONE && mode != UNITLS_VERIFY_OPTIONAL &&
        mode != UNITLS_VERIFY_REQUIRED)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "unknown verify mode %d", (int)mode);
    unitls_verify_mode old = ctx->verify_mode;
    ctx->verify_mode = mode;
    rc = ut_provider.ctx_apply_verify_mode(ctx);
    /* a server that asks for client certificates issues no tickets */
    if (rc == UNITLS_OK && (ut_provider.caps & UNITLS_CAP_SESSIONS))
        rc = ut_provider.ctx_apply_sessions(ctx);
    if (rc != UNITLS_OK) {
        ctx->verify_mode = old;
        (void)ut_provider.ctx_apply_verify_mode(ctx);
    }
    return rc;
}

enum ut_peer_cert_policy ut_ctx_peer_cert_policy(const unitls_ctx *ctx)
{
    if (ctx->verify_mode == UNITLS_VERIFY_NONE)
        return UT_PEER_CERT_IGNORED;
    if (ctx->role == UNITLS_ROLE_SERVER &&
        ctx->verify_mode == UNITLS_VERIFY_OPTIONAL)
        return UT_PEER_CERT_REQUESTED;
    return UT_PEER_CERT_REQUIRED;
}

unitls_verify_mode unitls_ctx_verify_mode(const unitls_ctx *ctx)
{
    return ctx ? ctx->verify_mode : UNITLS_VERIFY_REQUIRED;
}

int unitls_ctx_set_check_hostname(unitls_ctx *ctx, int on)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc == UNITLS_OK)
        ctx->check_hostname = on != 0;
    return rc;
}

static int valid_version(int v)
{
    return v == UNITLS_TLS1_2 || v == UNITLS_TLS1_3;
}

int unitls_ctx_set_versions(unitls_ctx *ctx, int min_version,
                            int max_version)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    int min = min_version ? min_version : ctx->min_version;
    int max = max_version ? max_version : ctx->max_version;
    if (!valid_version(min) || !valid_version(max))
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "protocol version 0x%04x is not one of "
                           "UNITLS_TLS1_2, UNITLS_TLS1_3",
                           valid_version(min) ? max : min);
    if (min > max)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "minimum version 0x%04x is above maximum 0x%04x",
                           min, max);
    if ((min_version == UNITLS_TLS1_3 || max_version == UNITLS_TLS1_3) &&
        !unitls_provider_has(UNITLS_CAP_TLS13))
        return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                           "TLS 1.3 is not supported by the %s provider",
                           ut_provider.name);
    if ((rc = ut_psk_check_max_version(ctx, max)) != UNITLS_OK)
        return rc;
    int old_min = ctx->min_version, old_max = ctx->max_version;
    ctx->min_version = min;
    ctx->max_version = max;
    rc = ut_provider.ctx_apply_versions(ctx);
    if (rc != UNITLS_OK) {
        ctx->min_version = old_min;
        ctx->max_version = old_max;
    }
    return rc;
}
