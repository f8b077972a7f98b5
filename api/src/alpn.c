/* ALPN (RFC 7301): the context's list, a server's choice, the protocol a
 * connection agreed on. The choice is made here for every provider; the
 * providers only carry the bytes. */
#include <stdlib.h>
#include <string.h>

#include "api_checks.h"
#include "provider.h"

enum { ALPN_NAME_MAX = 255, ALPN_LIST_MAX = 65535 };

/* Is the name at wire[0..len) already among the first `upto` bytes? */
static int wire_has(const unsigned char *wire, size_t upto, const char *name,
                    size_t len)
{
    for (size_t at = 0; at < upto; at += 1u + wire[at])
        if (wire[at] == len && memcmp(wire + at + 1, name, len) == 0)
            return 1;
    return 0;
}

static int build_wire(unitls_ctx *ctx, const char *const *protocols,
                      size_t count, unsigned char **out, size_t *out_len)
{
    size_t total = 0;
    for (size_t i = 0; i < count; i++) {
        size_t len = protocols[i] ? strlen(protocols[i]) : 0;
        if (len == 0 || len > ALPN_NAME_MAX)
            return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                               "ALPN protocol %zu is NULL, empty or longer "
                               "than 255 bytes", i + 1);
        total += 1 + len;
    }
    if (total > ALPN_LIST_MAX)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "the ALPN list is longer than 65535 bytes");
    unsigned char *wire = malloc(total);
    if (wire == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    size_t at = 0;
    for (size_t i = 0; i < count; i++) {
        size_t len = strlen(protocols[i]);
        if (wire_has(wire, at, protocols[i], len)) {
            free(wire);
            return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                               "ALPN protocol \"%s\" is listed twice",
                               protocols[i]);
        }
        wire[at] = (unsigned char)len;
        memcpy(wire + at + 1, protocols[i], len);
        at += 1 + len;
    }
    *out = wire;
    *out_len = total;
    return UNITLS_OK;
}

int unitls_ctx_set_alpn(unitls_ctx *ctx, const char *const *protocols,
                        size_t count)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (protocols == NULL && count > 0)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "protocols is NULL");
    unsigned char *wire = NULL;
    size_t len = 0;
    if (count > 0 && (rc = build_wire(ctx, protocols, count, &wire, &len)) !=
                         UNITLS_OK)
        return rc;
    unsigned char *old = ctx->alpn_wire;
    size_t old_len = ctx->alpn_wire_len;
    ctx->alpn_wire = wire;
    ctx->alpn_wire_len = len;
    /* A server's list is read by ut_alpn_select; only clients offer. */
    if (ctx->role == UNITLS_ROLE_CLIENT)
        rc = ut_provider.ctx_apply_alpn(ctx);
    if (rc != UNITLS_OK) {
        ctx->alpn_wire = old;
        ctx->alpn_wire_len = old_len;
        free(wire);
        return rc;
    }
    free(old);
    return UNITLS_OK;
}

static int check_server(unitls_ctx *ctx)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc == UNITLS_OK && ctx->role != UNITLS_ROLE_SERVER)
        rc = ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                         "only a server selects the ALPN protocol");
    return rc;
}

int unitls_ctx_set_alpn_callback(unitls_ctx *ctx, unitls_alpn_select_fn fn,
                                 void *user)
{
    int rc = check_server(ctx);
    if (rc == UNITLS_OK) {
        ctx->alpn_cb = fn;
        ctx->alpn_cb_user = fn ? user : NULL;
    }
    return rc;
}

int unitls_ctx_set_alpn_mismatch(unitls_ctx *ctx, unitls_alpn_mismatch mode)
{
    int rc = check_server(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (mode != UNITLS_ALPN_MISMATCH_FAIL &&
        mode != UNITLS_ALPN_MISMATCH_CONTINUE)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "unknown ALPN mismatch mode %d", (int)mode);
    ctx->alpn_mismatch = mode;
    return UNITLS_OK;
}

/* The server's own preference: the first of its names the client offers. */
static int select_by_list(const unitls_ctx *ctx, const unsigned char *offered,
                          size_t len, size_t *at)
{
    const unsigned char *own = ctx->alpn_wire;
    for (size_t i = 0; i < ctx->alpn_wire_len; i += 1u + own[i])
        for (size_t j = 0; j < len; j += 1u + offered[j])
            if (offered[j] == own[i] &&
                memcmp(offered + j + 1, own + i + 1, own[i]) == 0) {
                *at = j;
                return 1;
            }
    return 0;
}

/* The client's names as C strings for the callback: names[k] points into
 * `text`; offsets[k] is where name k starts in the wire list. */
struct offered_names {
    char *text;
    const char **names;
    size_t *offsets;
    size_t count;
};

static int split_offered(const unsigned char *offered, size_t len,
                         struct offered_names *out)
{
    size_t n = 0;
    for (size_t at = 0; at < len; at += 1u + offered[at])
        n++;
    out->text = malloc(len + 1);
    out->names = calloc(n ? n : 1, sizeof(*out->names));
    out->offsets = calloc(n ? n : 1, sizeof(*out->offsets));
    if (out->text == NULL || out->names == NULL || out->offsets == NULL)
        return UNITLS_E_NOMEM;
    for (size_t at = 0, k = 0; at < len; at += 1u + offered[at], k++) {
        /* Name k's bytes, then a NUL where the next length byte was. */
        memcpy(out->text + at, offered + at + 1, offered[at]);
        out->text[at + offered[at]] = '\0';
        out->names[k] = out->text + at;
        out->offsets[k] = at;
    }
    out->count = n;
    return UNITLS_OK;
}

static void free_offered(struct offered_names *o)
{
    free(o->text);
    free(o->names);
    free(o->offsets);
}

static int select_by_callback(unitls_conn *conn, const unsigned char *offered,
                              size_t len, size_t *at)
{
    struct offered_names o = {0};
    int found = 0;
    if (split_offered(offered, len, &o) == UNITLS_OK) {
        int k = conn->ctx->alpn_cb(conn->ctx->alpn_cb_user, conn, o.names,
                                   o.count);
        if (k >= 0 && (size_t)k < o.count) {
            *at = o.offsets[k];
            found = 1;
        }
    }
    free_offered(&o);
    return found;
}

/* The wire list must be well formed: the backends have parsed it, but a
 * length byte running past the end would be read past the buffer. */
static int wire_ok(const unsigned char *wire, size_t len)
{
    size_t at = 0;
    while (at < len) {
        if (wire[at] == 0 || wire[at] > len - at - 1)
            return 0;
        at += 1u + wire[at];
    }
    return len > 0;
}

enum ut_alpn_result ut_alpn_select(unitls_conn *conn,
                                   const unsigned char *offered, size_t len,
                                   const unsigned char **out,
                                   unsigned char *out_len)
{
    const unitls_ctx *ctx = conn->ctx;
    if (ctx->alpn_cb == NULL && ctx->alpn_wire == NULL)
        return UT_ALPN_IGNORE;
    size_t at = 0;
    int found = wire_ok(offered, len) &&
                (ctx->alpn_cb ? select_by_callback(conn, offered, len, &at)
                              : select_by_list(ctx, offered, len, &at));
    if (found) {
        *out = offered + at + 1;
        *out_len = offered[at];
        return UT_ALPN_SELECTED;
    }
    return ctx->alpn_mismatch == UNITLS_ALPN_MISMATCH_CONTINUE
               ? UT_ALPN_NONE_CONTINUE
               : UT_ALPN_NONE_FAIL;
}

const char *unitls_conn_alpn(const unitls_conn *conn)
{
    if (conn == NULL || !conn->handshake_done)
        return NULL;
    unitls_conn *c = (unitls_conn *)conn; /* a cache, filled once */
    if (!c->alpn_loaded) {
        const unsigned char *proto = NULL;
        size_t len = 0;
        ut_provider.conn_alpn(conn, &proto, &len);
        if (len > 0 && (c->alpn = malloc(len + 1)) != NULL) {
            memcpy(c->alpn, proto, len);
            c->alpn[len] = '\0';
        }
        c->alpn_loaded = 1;
    }
    return c->alpn;
}
