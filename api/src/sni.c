/* SNI (RFC 6066) on a server: the name a client asked for, the
 * application's callback, and the switch to another context's certificate.
 * Decided here for every provider; the providers carry the name in and the
 * certificate out. */
#include <stdlib.h>
#include <string.h>

#include "api_checks.h"
#include "conn_internal.h"
#include "provider.h"

int unitls_ctx_set_sni_callback(unitls_ctx *ctx, unitls_sni_fn fn, void *user)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc == UNITLS_OK && ctx->role != UNITLS_ROLE_SERVER)
        rc = ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                         "only a server has an SNI callback");
    if (rc == UNITLS_OK) {
        ctx->sni_cb = fn;
        ctx->sni_cb_user = fn ? user : NULL;
    }
    return rc;
}

const char *unitls_conn_server_name(const unitls_conn *conn)
{
    return conn ? conn->server_name : NULL;
}

static int check_switch(unitls_conn *conn, const unitls_ctx *ctx)
{
    if (!(ut_provider.caps & UNITLS_CAP_SNI_SWITCH))
        return ut_conn_fail(conn, UNITLS_E_UNSUPPORTED,
                            "the %s provider cannot switch a connection's "
                            "certificate",
                            ut_provider.name);
    if (!conn->in_sni_callback)
        return ut_conn_fail(conn, UNITLS_E_STATE,
                            "a connection's context can only be switched "
                            "from inside the SNI callback");
    if (ctx->role != UNITLS_ROLE_SERVER)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "the context to switch to is not a server "
                            "context");
    if (!ctx->has_identity)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "the context to switch to has no certificate");
    return UNITLS_OK;
}

int unitls_conn_set_ctx(unitls_conn *conn, unitls_ctx *ctx)
{
    if (conn == NULL)
        return UNITLS_E_INVALID_ARG;
    if (ctx == NULL)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG, "ctx is NULL");
    int rc = check_switch(conn, ctx);
    if (rc != UNITLS_OK)
        return rc;
    /* Immutable from here: its identity cannot change under us. */
    atomic_store(&ctx->in_use, 1);
    rc = ut_provider.conn_use_identity_of(conn, ctx);
    if (rc != UNITLS_OK)
        return rc;
    atomic_fetch_add(&ctx->refs, 1);
    ut_ctx_release(conn->sni_ctx);
    conn->sni_ctx = ctx;
    return UNITLS_OK;
}

static int record_name(unitls_conn *conn, const char *name)
{
    char *copy = NULL;
    if (name != NULL && (copy = strdup(name)) == NULL)
        return UNITLS_E_NOMEM;
    free(conn->server_name); /* a second ClientHello may name another */
    conn->server_name = copy;
    return UNITLS_OK;
}

enum ut_sni_result ut_sni_received(unitls_conn *conn, const char *name)
{
    if (record_name(conn, name) != UNITLS_OK) {
        ut_conn_fail(conn, UNITLS_E_NOMEM, "out of memory");
        return UT_SNI_REFUSE;
    }
    const unitls_ctx *ctx = conn->ctx;
    if (ctx->sni_cb == NULL)
        return UT_SNI_CONTINUE;
    conn->in_sni_callback = 1;
    int rc = ctx->sni_cb(ctx->sni_cb_user, conn, name);
    conn->in_sni_callback = 0;
    return rc == UNITLS_OK ? UT_SNI_CONTINUE : UT_SNI_REFUSE;
}
