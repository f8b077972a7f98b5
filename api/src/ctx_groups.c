/* Key-exchange groups: the list of unitls_ctx_set_groups(), checked here
 * once, and a server's choice among the groups a client offers, made here
 * for every provider. */
#include <stdlib.h>
#include <string.h>

#include "api_checks.h"
#include "cipher_registry.h"
#include "group_registry.h"
#include "name_list.h"
#include "provider.h"
#include "tls_defaults.h"

enum { TLS13_WIRE = 0x0304 };

const int *ut_ctx_groups(const unitls_ctx *ctx, size_t *n)
{
    if (ctx->groups == NULL) {
        *n = ut_default_group_count;
        return ut_default_groups;
    }
    *n = ctx->group_count;
    return ctx->groups;
}

static int parse_group(unitls_ctx *ctx, const char *name, void *unused)
{
    (void)unused;
    int id = ut_group_id_by_name(name);
    if (id < 0)
        return ut_ctx_fail(ctx, -1,
                           "unknown group \"%s\" (unitls knows X25519, X448, "
                           "P-256, P-384, P-521, ffdhe2048, ffdhe3072, "
                           "ffdhe4096)",
                           name);
    return id;
}

int unitls_ctx_set_groups(unitls_ctx *ctx, const char *groups)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    int *ids;
    size_t n;
    rc = ut_parse_name_list(ctx, groups, "group", parse_group, NULL, &ids,
                            &n);
    if (rc != UNITLS_OK)
        return rc;
    rc = ut_provider.ctx_apply_groups(ctx, ids, n);
    if (rc != UNITLS_OK) {
        free(ids);
        return rc;
    }
    free(ctx->groups);
    ctx->groups = ids;
    ctx->group_count = n;
    return UNITLS_OK;
}

/* A big-endian 16-bit number at p. */
static int u16(const unsigned char *p)
{
    return p[0] << 8 | p[1];
}

/* 1 if `list` (len bytes) is a vector of 16-bit values with a length
 * prefix of `prefix` bytes that covers exactly the rest. */
static int well_formed(const unsigned char *list, size_t len, size_t prefix)
{
    if (list == NULL || len < prefix)
        return 0;
    size_t body = prefix == 2 ? (size_t)u16(list) : list[0];
    return body == len - prefix && body % 2 == 0 && body > 0;
}

/* 1 if the well-formed vector `list` holds `value`. */
static int vector_has(const unsigned char *list, size_t len, size_t prefix,
                      int value)
{
    for (size_t at = prefix; at < len; at += 2)
        if (u16(list + at) == value)
            return 1;
    return 0;
}

/* 1 if every TLS 1.2 suite of ctx needs an ECDHE group. */
static int tls12_needs_group(const unitls_ctx *ctx)
{
    size_t n;
    const int *suites = ut_ctx_tls12_suites(ctx, &n);
    for (size_t i = 0; i < n; i++)
        if (strncmp(ut_cipher_iana_name(suites[i]), "TLS_ECDHE_", 10) != 0)
            return 0;
    return 1;
}

/* 1 if the server's list `own` (n ids) has `id`. */
static int own_has(const int *own, size_t n, int id)
{
    for (size_t i = 0; i < n; i++)
        if (own[i] == id)
            return 1;
    return 0;
}

int ut_groups_choose(const unitls_ctx *ctx, const unsigned char *groups_ext,
                     size_t groups_len, const unsigned char *versions_ext,
                     size_t versions_len, int *tls13_out)
{
    int tls13 = ctx->max_version >= UNITLS_TLS1_3 &&
                well_formed(versions_ext, versions_len, 1) &&
                vector_has(versions_ext, versions_len, 1, TLS13_WIRE);
    *tls13_out = tls13;
    if (!well_formed(groups_ext, groups_len, 2))
        return -1;
    size_t n;
    const int *own = ut_ctx_groups(ctx, &n);
    for (size_t at = 2; at < groups_len; at += 2) {
        int id = u16(groups_ext + at);
        if ((tls13 || !ut_group_is_ffdhe(id)) && own_has(own, n, id))
            return id;
    }
    return tls13 || tls12_needs_group(ctx) ? UT_GROUPS_NONE_SHARED : -1;
}
