/* Pre-shared keys: the callbacks of a context, the rules their output must
 * follow, and the identity a connection used. Decided here for every
 * provider; the providers only carry the bytes between their backend's PSK
 * callbacks and ut_psk_client / ut_psk_server. */
#include <stdlib.h>
#include <string.h>

#include "api_checks.h"
#include "cipher_registry.h"
#include "provider.h"
#include "tls_defaults.h"
#include "wipe.h"

int ut_ctx_has_psk(const unitls_ctx *ctx)
{
    return ctx->psk_client_cb != NULL || ctx->psk_server_cb != NULL;
}

/* UNITLS_E_UNSUPPORTED (message on ctx) when PSK callbacks cannot go with
 * `max_version` on this provider. */
static int check_tls13(unitls_ctx *ctx, int max_version)
{
    if (max_version < UNITLS_TLS1_3 ||
        unitls_provider_has(UNITLS_CAP_PSK_TLS13))
        return UNITLS_OK;
    return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                       "the %s provider has no TLS 1.3 pre-shared keys: with "
                       "a PSK callback the maximum version must be TLS 1.2",
                       ut_provider.name);
}

int ut_psk_check_max_version(unitls_ctx *ctx, int max_version)
{
    return ut_ctx_has_psk(ctx) ? check_tls13(ctx, max_version) : UNITLS_OK;
}

/* The checks every PSK setter makes, for a context of `role`. */
static int check_setter(unitls_ctx *ctx, unitls_role role, const char *what)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (ctx->role != role)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "%s is for %s contexts",
                           what, role == UNITLS_ROLE_CLIENT ? "client"
                                                            : "server");
    if (!unitls_provider_has(UNITLS_CAP_PSK))
        return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                           "the %s provider has no pre-shared keys",
                           ut_provider.name);
    return UNITLS_OK;
}

/* Gives the backend the TLS 1.2 suites in force with (psk 1) or without
 * (psk 0) a PSK callback, when no list was set. */
static int apply_default_suites(unitls_ctx *ctx, int psk)
{
    if (ctx->tls12_suites != NULL)
        return UNITLS_OK;
    return psk ? ut_provider.ctx_apply_tls12_suites(
                     ctx, ut_default_psk_tls12_suites,
                     ut_default_psk_tls12_suite_count)
               : ut_provider.ctx_apply_tls12_suites(
                     ctx, ut_default_tls12_suites,
                     ut_default_tls12_suite_count);
}

/* Installs the callbacks (one of them NULL by role), suites first; a
 * failure leaves the context as it was. */
static int set_callbacks(unitls_ctx *ctx, unitls_psk_client_fn client,
                         unitls_psk_server_fn server, void *user)
{
    int has_psk = client != NULL || server != NULL;
    int was_psk = ut_ctx_has_psk(ctx);
    int rc = has_psk ? check_tls13(ctx, ctx->max_version) : UNITLS_OK;
    if (rc == UNITLS_OK && has_psk != was_psk)
        rc = apply_default_suites(ctx, has_psk);
    if (rc != UNITLS_OK)
        return rc;
    unitls_psk_client_fn old_client = ctx->psk_client_cb;
    unitls_psk_server_fn old_server = ctx->psk_server_cb;
    void *old_user = ctx->psk_cb_user;
    ctx->psk_client_cb = client;
    ctx->psk_server_cb = server;
    ctx->psk_cb_user = has_psk ? user : NULL;
    rc = ut_provider.ctx_apply_psk(ctx);
    if (rc != UNITLS_OK) {
        ctx->psk_client_cb = old_client;
        ctx->psk_server_cb = old_server;
        ctx->psk_cb_user = old_user;
        if (has_psk != was_psk)
            (void)apply_default_suites(ctx, was_psk);
        (void)ut_provider.ctx_apply_psk(ctx);
    }
    return rc;
}

int unitls_ctx_set_psk_client_callback(unitls_ctx *ctx,
                                       unitls_psk_client_fn fn, void *user)
{
    int rc = check_setter(ctx, UNITLS_ROLE_CLIENT,
                          "unitls_ctx_set_psk_client_callback()");
    return rc == UNITLS_OK ? set_callbacks(ctx, fn, NULL, user) : rc;
}

int unitls_ctx_set_psk_server_callback(unitls_ctx *ctx,
                                       unitls_psk_server_fn fn, void *user)
{
    int rc = check_setter(ctx, UNITLS_ROLE_SERVER,
                          "unitls_ctx_set_psk_server_callback()");
    return rc == UNITLS_OK ? set_callbacks(ctx, NULL, fn, user) : rc;
}

int unitls_ctx_set_psk_identity_hint(unitls_ctx *ctx, const char *hint)
{
    int rc = check_setter(ctx, UNITLS_ROLE_SERVER,
                          "unitls_ctx_set_psk_identity_hint()");
    if (rc != UNITLS_OK)
        return rc;
    if (hint != NULL &&
        (hint[0] == '\0' || strlen(hint) > UNITLS_PSK_IDENTITY_MAX))
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "a PSK identity hint is 1 to %d bytes",
                           UNITLS_PSK_IDENTITY_MAX);
    char *copy = hint ? strdup(hint) : NULL;
    if (hint != NULL && copy == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    char *old = ctx->psk_hint;
    ctx->psk_hint = copy;
    rc = ut_provider.ctx_apply_psk(ctx);
    if (rc != UNITLS_OK) {
        ctx->psk_hint = old;
        free(copy);
        (void)ut_provider.ctx_apply_psk(ctx);
        return rc;
    }
    free(old);
    return UNITLS_OK;
}

/* Records why no key is given; the first reason is kept. Returns 0, the
 * length the backends read as "no key". */
static unsigned refuse(unitls_conn *conn, int status, const char *problem)
{
    if (conn->psk_failure == 0) {
        conn->psk_failure = status;
        conn->psk_problem = problem;
    }
    return 0;
}

/* A server that knows no key for the identity: in TLS 1.3 the handshake
 * may go on without the PSK (RFC 8446 section 4.2.11), so this is the
 * handshake's failure only if it fails. */
static unsigned unknown_identity(unitls_conn *conn)
{
    if (conn->psk_failure == 0)
        conn->psk_unknown_identity = 1;
    return refuse(conn, UNITLS_E_HANDSHAKE,
                  "the PSK server callback knows no key for the client's "
                  "identity (unknown_psk_identity)");
}

/* Keeps the identity used, for unitls_conn_psk_identity(). */
static int keep_identity(unitls_conn *conn, const char *identity)
{
    char *copy = strdup(identity);
    if (copy == NULL)
        return 0;
    free(conn->psk_identity);
    conn->psk_identity = copy;
    return 1;
}

/* The key length a callback reported, checked against the rules; 0 if it
 * breaks them (recorded). */
static unsigned checked_key_length(unitls_conn *conn, size_t len,
                                   size_t backend_max)
{
    if (len == 0 || len > UNITLS_PSK_KEY_MAX)
        return refuse(conn, UNITLS_E_INVALID_ARG,
                      conn->ctx->role == UNITLS_ROLE_CLIENT
                          ? "the PSK client callback gave a key of 0 bytes "
                            "or more than UNITLS_PSK_KEY_MAX"
                          : "the PSK server callback gave a key of 0 bytes "
                            "or more than UNITLS_PSK_KEY_MAX");
    if (len > backend_max)
        return refuse(conn, UNITLS_E_INTERNAL,
                      "the backend's PSK key buffer is too small");
    return (unsigned)len;
}

/* The client callback's identity, checked: 1 to UNITLS_PSK_IDENTITY_MAX
 * bytes and NUL-terminated within the buffer of `cap` bytes. Returns 1, or
 * 0 with the reason recorded. */
static int identity_ok(unitls_conn *conn, const char *identity, size_t cap,
                       size_t backend_max)
{
    size_t len = strnlen(identity, cap);
    if (len == 0 || len == cap)
        return refuse(conn, UNITLS_E_INVALID_ARG,
                      "the PSK client callback gave an identity that is "
                      "empty, longer than UNITLS_PSK_IDENTITY_MAX or not "
                      "NUL-terminated");
    if (len > backend_max)
        return refuse(conn, UNITLS_E_INTERNAL,
                      "the backend's PSK identity buffer is too small");
    return 1;
}

/* Asks the client callback, in buffers of unitls' own size that are wiped
 * afterwards, and hands the backend what passed the checks. */
static unsigned client_key(unitls_conn *conn, const char *hint,
                           char *identity, size_t identity_max,
                           unsigned char *psk, size_t psk_max)
{
    const unitls_ctx *ctx = conn->ctx;
    char id[UNITLS_PSK_IDENTITY_MAX + 1] = {0};
    unsigned char key[UNITLS_PSK_KEY_MAX];
    size_t key_len = 0;
    unsigned len = 0;
    if (ctx->psk_client_cb(ctx->psk_cb_user, conn, hint, id, sizeof(id), key,
                           sizeof(key), &key_len) != UNITLS_OK)
        refuse(conn, UNITLS_E_HANDSHAKE,
               "the PSK client callback offered no key");
    else if (identity_ok(conn, id, sizeof(id), identity_max) &&
             (len = checked_key_length(conn, key_len, psk_max)) > 0 &&
             !keep_identity(conn, id))
        len = refuse(conn, UNITLS_E_NOMEM, "out of memory");
    if (len > 0) {
        memcpy(identity, id, strlen(id) + 1);
        memcpy(psk, key, len);
    }
    ut_wipe(key, sizeof(key));
    ut_wipe(id, sizeof(id));
    return len;
}

unsigned ut_psk_client(unitls_conn *conn, const char *hint, char *identity,
                       size_t identity_max, unsigned char *psk,
                       size_t psk_max)
{
    if (conn == NULL || conn->ctx->psk_client_cb == NULL)
        return 0;
    return client_key(conn, hint && hint[0] ? hint : NULL, identity,
                      identity_max, psk, psk_max);
}

unsigned ut_psk_server(unitls_conn *conn, const char *identity,
                       unsigned char *psk, size_t psk_max)
{
    if (conn == NULL || conn->ctx->psk_server_cb == NULL)
        return 0;
    const unitls_ctx *ctx = conn->ctx;
    if (identity == NULL || identity[0] == '\0' ||
        strlen(identity) > UNITLS_PSK_IDENTITY_MAX)
        return unknown_identity(conn); /* unitls' callbacks never see it */
    unsigned char key[UNITLS_PSK_KEY_MAX];
    size_t key_len = 0;
    unsigned len = 0;
    if (ctx->psk_server_cb(ctx->psk_cb_user, conn, identity, key, sizeof(key),
                           &key_len) != UNITLS_OK)
        len = unknown_identity(conn);
    else if ((len = checked_key_length(conn, key_len, psk_max)) > 0 &&
             !keep_identity(conn, identity))
        len = refuse(conn, UNITLS_E_NOMEM, "out of memory");
    if (len > 0)
        memcpy(psk, key, len);
    ut_wipe(key, sizeof(key));
    return len;
}

int ut_psk_key_given(const unitls_conn *conn)
{
    return conn->psk_identity != NULL;
}

int ut_psk_settle(unitls_conn *conn, int rc)
{
    if (conn->psk_failure == 0 || (conn->psk_unknown_identity && rc >= 0))
        return rc;
    return ut_conn_fail(conn, conn->psk_failure, "handshake failed: %s",
                        conn->psk_problem);
}

/* Whether the handshake just completed used the PSK: a TLS 1.2 PSK suite;
 * in TLS 1.3 a key the server accepted (a wrong one fails the handshake:
 * the binder), or on a client a key it offered and no certificate from the
 * server, which a TLS 1.3 server sends unless the PSK was accepted. */
static int psk_used(const unitls_conn *conn)
{
    if (ut_provider.conn_version(conn) != UNITLS_TLS1_3) {
        int id = ut_provider.conn_cipher_id(conn);
        const char *name = ut_cipher_iana_name(id);
        return name != NULL && strstr(name, "PSK") != NULL;
    }
    if (conn->ctx->role == UNITLS_ROLE_SERVER)
        return 1;
    return unitls_conn_peer_chain_count(conn) == 0;
}

const char *unitls_conn_psk_identity(const unitls_conn *conn)
{
    if (conn == NULL || !conn->handshake_done || conn->psk_identity == NULL)
        return NULL;
    return psk_used(conn) ? conn->psk_identity : NULL;
}
