/* Connections: creation, transport, names, and what the handshake produced. */
#include <stdlib.h>
#include <string.h>

#include "api_checks.h"
#include "cipher_registry.h"
#include "conn_internal.h"
#include "group_registry.h"
#include "hostname.h"
#include "provider.h"
#include "session_internal.h"

unitls_conn *unitls_conn_new(unitls_ctx *ctx)
{
    if (ctx == NULL)
        return NULL;
    unitls_conn *conn = calloc(1, sizeof(*conn));
    if (conn == NULL)
        return NULL;
    atomic_fetch_add(&ctx->refs, 1);
    atomic_store(&ctx->in_use, 1);
    conn->ctx = ctx;
    conn->state = UT_CONN_NEW;
    conn->fd = -1;
    conn->alert_sent = -1;
    conn->alert_received = -1;
    if (ut_provider.conn_new(conn) != UNITLS_OK) {
        ut_ctx_release(ctx);
        free(conn);
        return NULL;
    }
    return conn;
}

void unitls_conn_free(unitls_conn *conn)
{
    if (conn == NULL)
        return;
    ut_provider.conn_free(conn);
    ut_verify_clear(conn);
    free(conn->verify_errors);
    ut_ignores_free(conn);
    unitls_cert_free(conn->peer_cert);
    free(conn->alpn);
    free(conn->psk_identity);
    ut_conn_session_release(conn);
    ut_cert_chains_free(conn);
    ut_ctx_release(conn->sni_ctx);
    free(conn->server_name);
    free(conn->verify_name);
    free(conn->error);
    ut_ctx_release(conn->ctx);
    free(conn);
}

int unitls_conn_set_fd(unitls_conn *conn, int fd)
{
    if (conn == NULL)
        return UNITLS_E_INVALID_ARG;
    if (fd < 0)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "invalid file descriptor %d", fd);
    if (conn->state != UT_CONN_NEW)
        return ut_conn_fail(conn, UNITLS_E_STATE,
                            "the transport cannot change once the "
                            "handshake has started");
    int rc = ut_provider.conn_set_fd(conn, fd);
    if (rc == UNITLS_OK) {
        conn->fd = fd;
        conn->has_transport = 1;
    }
    return rc;
}

int unitls_conn_set_io(unitls_conn *conn, unitls_io_read_fn rd,
                       unitls_io_write_fn wr, void *user)
{
    if (conn == NULL)
        return UNITLS_E_INVALID_ARG;
    if (rd == NULL || wr == NULL)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "callback I/O needs a read and a write callback");
    if (conn->state != UT_CONN_NEW)
        return ut_conn_fail(conn, UNITLS_E_STATE,
                            "the transport cannot change once the "
                            "handshake has started");
    int rc = ut_provider.conn_set_io(conn, rd, wr, user);
    if (rc == UNITLS_OK) {
        conn->fd = -1;
        conn->has_transport = 1;
    }
    return rc;
}

/* Validates and stores a client-side name in *slot. */
static int set_client_name(unitls_conn *conn, const char *name, char **slot,
                           int is_verify_name)
{
    if (conn == NULL)
        return UNITLS_E_INVALID_ARG;
    if (conn->ctx->role != UNITLS_ROLE_CLIENT)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "only client connections have a server name");
    if (conn->state != UT_CONN_NEW)
        return ut_conn_fail(conn, UNITLS_E_STATE,
                            "the name cannot change once the handshake "
                            "has started");
    unsigned char addr[16];
    if (name == NULL || ut_ref_classify(name, addr) == UT_REF_INVALID)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "not a valid host name or IP address "
                            "(internationalised names must be given as "
                            "A-labels, xn--...)");
    int rc = ut_conn_session_check_rename(conn, name, is_verify_name);
    if (rc != UNITLS_OK)
        return rc;
    char *copy = strdup(name);
    if (copy == NULL)
        return UNITLS_E_NOMEM;
    free(*slot);
    *slot = copy;
    return UNITLS_OK;
}

int unitls_conn_set_server_name(unitls_conn *conn, const char *name)
{
    return set_client_name(conn, name, conn ? &conn->server_name : NULL, 0);
}

int unitls_conn_set_verify_name(unitls_conn *conn, const char *name)
{
    return set_client_name(conn, name, conn ? &conn->verify_name : NULL, 1);
}

/* What the handshake negotiated stays readable after a later failure. */
static int established(const unitls_conn *conn)
{
    return conn != NULL && conn->handshake_done;
}

const char *unitls_conn_version(const unitls_conn *conn)
{
    if (!established(conn))
        return NULL;
    switch (ut_provider.conn_version(conn)) {
    case UNITLS_TLS1_2:
        return "TLSv1.2";
    case UNITLS_TLS1_3:
        return "TLSv1.3";
    default:
        return "unknown";
    }
}

const char *unitls_conn_cipher(const unitls_conn *conn)
{
    if (!established(conn))
        return NULL;
    return ut_cipher_name_or_unknown(ut_provider.conn_cipher_id(conn));
}

const char *unitls_conn_group(const unitls_conn *conn)
{
    if (!established(conn))
        return NULL;
    int id = ut_provider.conn_group_id(conn);
    if (id <= 0)
        return NULL;
    const char *name = ut_group_name(id);
    return name != NULL ? name : "unknown";
}

int unitls_conn_cipher_bits(const unitls_conn *conn)
{
    return established(conn) ? ut_cipher_bits(ut_provider.conn_cipher_id(conn))
                             : 0;
}

const unitls_cert *unitls_conn_peer_cert(const unitls_conn *conn)
{
    if (conn != NULL && conn->in_verify_callback)
        return conn->peer_cert;
    /* Built on first use, as most connections never ask; the connection
     * owns it from then on (the const is the caller's view only: a
     * connection is used by one thread at a time). */
    if (!established(conn) ||
        ut_conn_load_peer_cert((unitls_conn *)conn) != UNITLS_OK)
        return NULL;
    return conn->peer_cert;
}

int unitls_conn_alert_received(const unitls_conn *conn)
{
    return conn ? conn->alert_received : -1;
}

int unitls_conn_alert_sent(const unitls_conn *conn)
{
    return conn ? conn->alert_sent : -1;
}

const char *unitls_conn_error(const unitls_conn *conn)
{
    if (conn == NULL)
        return "";
    if (conn->error != NULL)
        return conn->error;
    /* No message recorded, or no memory to record it in. */
    return conn->state == UT_CONN_FAILED ? unitls_strerror(conn->failure)
                                         : "";
}

int unitls_conn_peer_closed(const unitls_conn *conn)
{
    return conn ? conn->peer_closed : 0;
}
