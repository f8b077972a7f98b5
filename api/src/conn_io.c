/* The connection state machine: handshake, read, write, shutdown. The rules
 * here are the same for every provider; the provider only moves bytes. */
#include "api_checks.h"
#include "conn_internal.h"
#include "hostname.h"
#include "provider.h"
#include "session_internal.h"

static int is_want(int rc)
{
    return rc == UNITLS_WANT_READ || rc == UNITLS_WANT_WRITE;
}

/* Moves the connection to FAILED on a provider error. */
static int settle(unitls_conn *conn, int rc)
{
    if (rc < 0) {
        conn->state = UT_CONN_FAILED;
        conn->failure = rc;
        if (conn->error == NULL || conn->error[0] == '\0')
            ut_conn_fail(conn, rc, "%s", unitls_strerror(rc));
    }
    return rc;
}

/* Common entry checks: NULL, failed connection. Clears the last message
 * unless the connection has failed (whose message stays). */
static int enter(unitls_conn *conn)
{
    if (conn == NULL)
        return UNITLS_E_INVALID_ARG;
    if (conn->state == UT_CONN_FAILED)
        return UNITLS_E_CLOSED;
    if (conn->error != NULL)
        conn->error[0] = '\0';
    return UNITLS_OK;
}

static int require_established(unitls_conn *conn, const char *what)
{
    if (conn->state != UT_CONN_ESTABLISHED)
        return ut_conn_fail(conn, UNITLS_E_STATE,
                            "%s before the handshake has completed", what);
    return UNITLS_OK;
}

static int check_names(unitls_conn *conn)
{
    const unitls_ctx *ctx = conn->ctx;
    if (ctx->role != UNITLS_ROLE_CLIENT || !ctx->check_hostname ||
        ctx->verify_mode == UNITLS_VERIFY_NONE)
        return UNITLS_OK;
    if (conn->server_name == NULL && conn->verify_name == NULL)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "host name checking is on but no server name "
                            "is set: call unitls_conn_set_server_name() or "
                            "turn checking off");
    return UNITLS_OK;
}

static int start_handshake(unitls_conn *conn)
{
    if (!conn->has_transport)
        return ut_conn_fail(conn, UNITLS_E_STATE,
                            "no transport: call unitls_conn_set_fd() or "
                            "unitls_conn_set_io() first");
    int rc = check_names(conn);
    if (rc != UNITLS_OK)
        return rc;
    unsigned char addr[16];
    if (conn->server_name != NULL &&
        ut_ref_classify(conn->server_name, addr) == UT_REF_DNS) {
        rc = ut_provider.conn_set_sni(conn, conn->server_name);
        if (rc != UNITLS_OK)
            return settle(conn, rc);
    }
    conn->state = UT_CONN_HANDSHAKING;
    return UNITLS_OK;
}

int unitls_conn_handshake(unitls_conn *conn)
{
    int rc = enter(conn);
    if (rc != UNITLS_OK)
        return rc;
    if (conn->state == UT_CONN_ESTABLISHED)
        return UNITLS_OK;
    if (conn->state == UT_CONN_NEW && (rc = start_handshake(conn)) != UNITLS_OK)
        return rc;
    rc = ut_psk_settle(conn, ut_provider.conn_handshake(conn));
    if (rc == UNITLS_OK) {
        conn->state = UT_CONN_ESTABLISHED;
        conn->handshake_done = 1;
        ut_conn_note_resumption(conn);
    }
    return settle(conn, rc);
}

int unitls_conn_read(unitls_conn *conn, void *buf, size_t len, size_t *nread)
{
    if (nread != NULL)
        *nread = 0;
    int rc = enter(conn);
    if (rc != UNITLS_OK)
        return rc;
    if (buf == NULL || nread == NULL || len == 0)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "read needs a buffer, a length and nread");
    if ((rc = require_established(conn, "read")) != UNITLS_OK)
        return rc;
    if (conn->peer_closed)
        return UNITLS_OK;
    rc = ut_provider.conn_read(conn, buf, len, nread);
    if (rc == UNITLS_OK && *nread == 0)
        conn->peer_closed = 1;
    if (rc != UNITLS_OK)
        *nread = 0;
    return settle(conn, rc);
}

int unitls_conn_write(unitls_conn *conn, const void *buf, size_t len,
                      size_t *nwritten)
{
    if (nwritten != NULL)
        *nwritten = 0;
    int rc = enter(conn);
    if (rc != UNITLS_OK)
        return rc;
    if ((buf == NULL && len > 0) || nwritten == NULL)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "write needs a buffer and nwritten");
    if ((rc = require_established(conn, "write")) != UNITLS_OK)
        return rc;
    if (conn->shutdown_sent)
        return ut_conn_fail(conn, UNITLS_E_STATE,
                            "write after unitls_conn_shutdown()");
    if (len == 0)
        return UNITLS_OK;
    rc = ut_provider.conn_write(conn, buf, len, nwritten);
    if (rc != UNITLS_OK && !is_want(rc))
        *nwritten = 0;
    return settle(conn, rc);
}

size_t unitls_conn_pending(const unitls_conn *conn)
{
    if (conn == NULL || conn->state != UT_CONN_ESTABLISHED)
        return 0;
    return ut_provider.conn_pending(conn);
}

int unitls_conn_shutdown(unitls_conn *conn)
{
    int rc = enter(conn);
    if (rc != UNITLS_OK)
        return rc;
    if ((rc = require_established(conn, "shutdown")) != UNITLS_OK)
        return rc;
    if (conn->shutdown_sent)
        return UNITLS_OK;
    rc = ut_provider.conn_shutdown(conn);
    if (rc == UNITLS_OK)
        conn->shutdown_sent = 1;
    return settle(conn, rc);
}
