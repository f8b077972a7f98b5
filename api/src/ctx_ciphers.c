/* Cipher suites: the IANA-named lists of unitls_ctx_set_ciphers() and
 * unitls_ctx_set_tls13_suites(), parsed and checked here once, so that every
 * provider receives the same validated ids and bad input gets the same
 * answer everywhere. */
#include <stdlib.h>

#include "api_checks.h"
#include "cipher_registry.h"
#include "name_list.h"
#include "provider.h"
#include "tls_defaults.h"

const int *ut_ctx_tls12_suites(const unitls_ctx *ctx, size_t *n)
{
    if (ctx->tls12_suites == NULL && ut_ctx_has_psk(ctx)) {
        *n = ut_default_psk_tls12_suite_count;
        return ut_default_psk_tls12_suites;
    }
    if (ctx->tls12_suites == NULL) {
        *n = ut_default_tls12_suite_count;
        return ut_default_tls12_suites;
    }
    *n = ctx->tls12_suite_count;
    return ctx->tls12_suites;
}

const int *ut_ctx_tls13_suites(const unitls_ctx *ctx, size_t *n)
{
    if (ctx->tls13_suites == NULL) {
        *n = ut_default_tls13_suite_count;
        return ut_default_tls13_suites;
    }
    *n = ctx->tls13_suite_count;
    return ctx->tls13_suites;
}

static const char *version_name(int tls13)
{
    return tls13 ? "TLS 1.3" : "TLS 1.2";
}

/* Checks one name of a list of the version `*(int *)tls13` and returns its
 * id, or records why it is refused and returns -1. */
static int parse_name(unitls_ctx *ctx, const char *name, void *tls13_flag)
{
    int tls13 = *(const int *)tls13_flag;
    int id = ut_cipher_id_by_name(name);
    if (id < 0)
        return ut_ctx_fail(ctx, -1,
                           "unknown cipher suite \"%s\" (not an IANA "
                           "cipher-suite name)",
                           name);
    if (ut_cipher_is_tls13(id) != tls13)
        return ut_ctx_fail(ctx, -1,
                           "\"%s\" is not a %s cipher suite; set it with "
                           "%s",
                           name, version_name(tls13),
                           tls13 ? "unitls_ctx_set_ciphers()"
                                 : "unitls_ctx_set_tls13_suites()");
    return id;
}

/* Checks, hands the ids to the provider, and keeps them once it took them:
 * a failing call leaves the context's suites as they were. */
static int set_suites(unitls_ctx *ctx, int tls13, const char *list)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    int *ids;
    size_t n;
    rc = ut_parse_name_list(ctx, list,
                            tls13 ? "TLS 1.3 cipher suite"
                                  : "TLS 1.2 cipher suite",
                            parse_name, &tls13, &ids, &n);
    if (rc != UNITLS_OK)
        return rc;
    if (tls13 && !unitls_provider_has(UNITLS_CAP_TLS13_SUITES)) {
        free(ids);
        return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                           "the %s provider cannot configure TLS 1.3 cipher "
                           "suites (its order is fixed)",
                           ut_provider.name);
    }
    rc = tls13 ? ut_provider.ctx_apply_tls13_suites(ctx, ids, n)
               : ut_provider.ctx_apply_tls12_suites(ctx, ids, n);
    if (rc != UNITLS_OK) {
        free(ids);
        return rc;
    }
    int **slot = tls13 ? &ctx->tls13_suites : &ctx->tls12_suites;
    free(*slot);
    *slot = ids;
    *(tls13 ? &ctx->tls13_suite_count : &ctx->tls12_suite_count) = n;
    return UNITLS_OK;
}

int unitls_ctx_set_ciphers(unitls_ctx *ctx, const char *tls12_suites)
{
    return set_suites(ctx, 0, tls12_suites);
}

int unitls_ctx_set_tls13_suites(unitls_ctx *ctx, const char *tls13_suites)
{
    return set_suites(ctx, 1, tls13_suites);
}
