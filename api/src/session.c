/* Client sessions: taken out of a connection, offered on another, turned
 * into bytes and back. The rules (unitls/session.h) are decided here for
 * every provider; the provider only holds its backend's session. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conn_internal.h"
#include "hostname.h"
#include "provider.h"
#include "session_codec.h"
#include "session_internal.h"

static int check_client(unitls_conn *conn, const void *arg, const char *what)
{
    if (conn == NULL)
        return UNITLS_E_INVALID_ARG;
    if (!(ut_provider.caps & UNITLS_CAP_SESSIONS))
        return ut_conn_fail(conn, UNITLS_E_UNSUPPORTED,
                            "the %s provider cannot resume sessions",
                            ut_provider.name);
    if (arg == NULL)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG, "%s is NULL", what);
    if (conn->ctx->role != UNITLS_ROLE_CLIENT)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "only client connections take or offer "
                            "sessions");
    return UNITLS_OK;
}

/* The identity a client connection authenticates its server as. */
static const char *conn_identity(const unitls_conn *conn)
{
    if (conn->verify_name != NULL)
        return conn->verify_name;
    return conn->server_name != NULL ? conn->server_name : "";
}

static int same_identity(const char *a, const char *b)
{
    unsigned char addr_a[16], addr_b[16];
    enum ut_ref_kind ka = a[0] ? ut_ref_classify(a, addr_a) : UT_REF_INVALID;
    enum ut_ref_kind kb = b[0] ? ut_ref_classify(b, addr_b) : UT_REF_INVALID;
    if (ka != kb)
        return 0;
    switch (ka) {
    case UT_REF_IPV4:
        return memcmp(addr_a, addr_b, 4) == 0;
    case UT_REF_IPV6:
        return memcmp(addr_a, addr_b, 16) == 0;
    case UT_REF_DNS:
        return strcasecmp(a, b) == 0;
    default:
        return a[0] == '\0' && b[0] == '\0';
    }
}

/* The context verifies the server's certificate and its name. */
static int ctx_authenticates(const unitls_ctx *ctx)
{
    return ctx->verify_mode != UNITLS_VERIFY_NONE && ctx->check_hostname;
}

/* The completed handshake authenticated the server, with no error
 * accepted on the way (a resumed one: as the session it resumed). */
static int conn_authenticated(const unitls_conn *conn)
{
    if (!ctx_authenticates(conn->ctx))
        return 0;
    if (conn->resumed)
        return (conn->session->flags & UT_SESSION_VERIFIED) != 0;
    return conn->verify_error_count == 0;
}

static void session_unref(unitls_session *sess)
{
    if (sess == NULL || atomic_fetch_sub(&sess->refs, 1) != 1)
        return;
    if (sess->backend != NULL)
        ut_provider.session_free(sess->backend);
    free(sess->leaf);
    free(sess->foreign);
    free(sess);
}

void unitls_session_free(unitls_session *sess)
{
    session_unref(sess);
}

void ut_conn_session_release(unitls_conn *conn)
{
    session_unref(conn->session);
    conn->session = NULL;
}

/* A new session with no backend part, its strings and leaf copied. */
unitls_session *ut_session_new(const struct ut_session_fields *f)
{
    unitls_session *sess = calloc(1, sizeof(*sess));
    if (sess == NULL)
        return NULL;
    atomic_init(&sess->refs, 1);
    sess->flags = f->flags;
    sess->version = f->version;
    sess->lifetime = f->lifetime;
    memcpy(sess->provider, f->provider, f->provider_len);
    memcpy(sess->peer_name, f->peer_name, f->peer_name_len);
    if (f->leaf_len > 0) {
        sess->leaf = malloc(f->leaf_len);
        if (sess->leaf == NULL) {
            free(sess);
            return NULL;
        }
        memcpy(sess->leaf, f->leaf, f->leaf_len);
        sess->leaf_len = f->leaf_len;
    }
    return sess;
}

/* The server's leaf as the connection knows it. */
static void conn_leaf(unitls_conn *conn, struct ut_session_fields *f)
{
    if (conn->resumed) {
        f->leaf = conn->session->leaf;
        f->leaf_len = conn->session->leaf_len;
    } else if (ut_conn_load_peer_cert(conn) == UNITLS_OK &&
               conn->peer_cert != NULL) {
        f->leaf = unitls_cert_der(conn->peer_cert, &f->leaf_len);
    }
}

static int take_session(unitls_conn *conn, void *backend, uint32_t lifetime,
                        unitls_session **out)
{
    const char *name = conn_identity(conn);
    struct ut_session_fields f = {
        .flags = conn_authenticated(conn) ? UT_SESSION_VERIFIED : 0,
        .version = ut_provider.conn_version(conn),
        .lifetime = lifetime,
        .provider = ut_provider.name,
        .provider_len = strlen(ut_provider.name),
        .peer_name = name,
        .peer_name_len = strlen(name),
    };
    conn_leaf(conn, &f);
    unitls_session *sess = ut_session_new(&f);
    if (sess == NULL) {
        ut_provider.session_free(backend);
        return UNITLS_E_NOMEM;
    }
    sess->backend = backend;
    *out = sess;
    return UNITLS_OK;
}

/* The newest session, without the checks: UNITLS_OK with *out set, or
 * UNITLS_E_STATE (no message) when there is none. */
static int newest_session(unitls_conn *conn, unitls_session **out)
{
    void *backend = NULL;
    uint32_t lifetime = 0;
    if (ut_provider.conn_session(conn, &backend, &lifetime) == UNITLS_OK)
        return take_session(conn, backend, lifetime, out);
    if (conn->resumed) { /* no new ticket: the session resumed, once more */
        atomic_fetch_add(&conn->session->refs, 1);
        *out = conn->session;
        return UNITLS_OK;
    }
    return UNITLS_E_STATE;
}

int unitls_conn_session(unitls_conn *conn, unitls_session **out)
{
    if (out != NULL)
        *out = NULL;
    int rc = check_client(conn, out, "out");
    if (rc != UNITLS_OK)
        return rc;
    if (conn->error != NULL && conn->state != UT_CONN_FAILED)
        conn->error[0] = '\0';
    if (!conn->handshake_done)
        return ut_conn_fail(conn, UNITLS_E_STATE,
                            "no session before the handshake has completed");
    rc = newest_session(conn, out);
    if (rc == UNITLS_E_NOMEM)
        return ut_conn_fail(conn, rc, "out of memory");
    if (rc != UNITLS_OK && conn->shutdown_sent)
        return ut_conn_fail(conn, UNITLS_E_STATE,
                            "no resumable session had arrived when "
                            "unitls_conn_shutdown() was called (tickets "
                            "arriving after it are not kept)");
    if (rc != UNITLS_OK)
        return ut_conn_fail(conn, UNITLS_E_STATE,
                            "no resumable session yet: in TLS 1.3 the "
                            "server's ticket follows the handshake and "
                            "arrives with the first read of application "
                            "data (or the server issues no tickets)");
    return UNITLS_OK;
}

static int check_offer(unitls_conn *conn, const unitls_session *sess)
{
    const char *name = conn_identity(conn);
    if (sess->backend == NULL)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "the session was made by the %s provider; this "
                            "connection uses %s",
                            sess->provider, ut_provider.name);
    if (!same_identity(sess->peer_name, name))
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "the session belongs to \"%s\", not to \"%s\": "
                            "it is not offered to another server",
                            sess->peer_name, name);
    if (ctx_authenticates(conn->ctx) && !(sess->flags & UT_SESSION_VERIFIED))
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "the session was made without authenticating "
                            "\"%s\", which this context verifies: resuming "
                            "it would skip that check",
                            sess->peer_name);
    return UNITLS_OK;
}

int unitls_conn_set_session(unitls_conn *conn, const unitls_session *sess)
{
    int rc = check_client(conn, sess, "sess");
    if (rc != UNITLS_OK)
        return rc;
    if (conn->error != NULL)
        conn->error[0] = '\0';
    if (conn->state != UT_CONN_NEW)
        return ut_conn_fail(conn, UNITLS_E_STATE,
                            "a session is offered before the handshake "
                            "starts");
    if ((rc = check_offer(conn, sess)) != UNITLS_OK)
        return rc;
    if ((rc = ut_provider.conn_set_session(conn, sess->backend)) !=
        UNITLS_OK)
        return rc;
    unitls_session *ref = (unitls_session *)sess; /* the count is atomic */
    atomic_fetch_add(&ref->refs, 1);
    ut_conn_session_release(conn);
    conn->session = ref;
    return UNITLS_OK;
}

int ut_conn_session_check_rename(unitls_conn *conn, const char *name,
                                 int is_verify_name)
{
    if (conn->session == NULL)
        return UNITLS_OK;
    /* the verify name, when set, is the identity */
    const char *next = name;
    if (!is_verify_name && conn->verify_name != NULL)
        next = conn->verify_name;
    if (same_identity(conn->session->peer_name, next))
        return UNITLS_OK;
    return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                        "the session offered belongs to \"%s\", not to "
                        "\"%s\": set the names before the session",
                        conn->session->peer_name, next);
}

int unitls_conn_session_reused(const unitls_conn *conn)
{
    return conn != NULL && conn->handshake_done && conn->resumed;
}

void ut_conn_note_resumption(unitls_conn *conn)
{
    if (ut_provider.caps & UNITLS_CAP_SESSIONS)
        conn->resumed = ut_provider.conn_session_reused(conn) != 0;
    /* a client resumes only what it offered */
    if (conn->ctx->role == UNITLS_ROLE_CLIENT && conn->session == NULL)
        conn->resumed = 0;
}

const unsigned char *ut_conn_resumed_leaf(const unitls_conn *conn,
                                          size_t *len)
{
    *len = 0;
    if (!conn->resumed || conn->session == NULL ||
        conn->session->leaf == NULL)
        return NULL;
    *len = conn->session->leaf_len;
    return conn->session->leaf;
}
