/* Cipher suites: the IANA-named lists of unitls_ctx_set_ciphers() and
 * unitls_ctx_set_tls13_suites(), parsed and checked here once, so that every
 * provider receives the same validated ids and bad input gets the same
 * answer everywhere. */
#include <stdlib.h>
#include <string.h>

#include "api_checks.h"
#include "cipher_registry.h"
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

/* Checks one name of the list and returns its id, or records why it is
 * refused and returns -1. `ids[0..n)` are the names accepted before it. */
static int parse_name(unitls_ctx *ctx, int tls13, const char *name,
                      const int *ids, size_t n)
{
    if (name[0] == '\0')
        return ut_ctx_fail(ctx, -1, "empty cipher-suite name in the list");
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
    for (size_t i = 0; i < n; i++)
        if (ids[i] == id)
            return ut_ctx_fail(ctx, -1,
                               "cipher suite \"%s\" is listed twice", name);
    return id;
}

/* Parses the ':'-separated `list` into a new array *ids (freed by the
 * caller) of *n ids. Returns UNITLS_OK, UNITLS_E_INVALID_ARG (message on
 * ctx) or UNITLS_E_NOMEM. */
static int parse_list(unitls_ctx *ctx, int tls13, const char *list,
                      int **ids, size_t *n)
{
    *ids = NULL;
    *n = 0;
    if (list == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "the %s cipher-suite list is NULL",
                           version_name(tls13));
    if (list[0] == '\0')
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "the %s cipher-suite list is empty",
                           version_name(tls13));
    size_t max = 1;
    for (const char *p = list; *p; p++)
        max += *p == ':';
    char *copy = strdup(list);
    int *out = malloc(max * sizeof(*out));
    if (copy == NULL || out == NULL) {
        free(copy);
        free(out);
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    }
    int rc = UNITLS_OK;
    char *name = copy;
    for (;;) {
        char *end = strchr(name, ':');
        if (end != NULL)
            *end = '\0';
        int id = parse_name(ctx, tls13, name, out, *n);
        if (id < 0) {
            rc = UNITLS_E_INVALID_ARG;
            break;
        }
        out[(*n)++] = id;
        if (end == NULL)
            break;
        name = end + 1;
    }
    free(copy);
    if (rc != UNITLS_OK) {
        free(out);
        *n = 0;
        return rc;
    }
    *ids = out;
    return UNITLS_OK;
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
    rc = parse_list(ctx, tls13, list, &ids, &n);
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
