/* Handshake, read, write, pending, shutdown. */
#include "wolf.h"

#include <limits.h>
#include <stdio.h>

static int is_want(int rc)
{
    return rc == UNITLS_WANT_READ || rc == UNITLS_WANT_WRITE;
}

/* Sends what wolf_out.c queued: UNITLS_OK once all of it has gone,
 * UNITLS_WANT_WRITE, or the transport's failure recorded for `op`. */
static int flush(unitls_conn *conn, const char *op)
{
    struct wolf_conn *wc = wolf_conn(conn);
    int rc = wolf_out_flush(wc);
    if (rc != UNITLS_E_IO)
        return rc;
    char text[64];
    snprintf(text, sizeof(text), "%s: sending queued records",
             ut_provider.name);
    return ut_conn_fail_transport(conn, wc->io_errno, op, text);
}

/* A wolfSSL call with its output queued (wolf_out.c): 1 on success, else
 * its failure as a status in *rc. A WANT while records are queued is a
 * WANT_WRITE: the peer needs them first. On an error the queue (wolfSSL's
 * alert) goes out as far as the transport takes it. */
static int queued_call(unitls_conn *conn, int (*call)(WOLFSSL *),
                       const char *op, int *rc)
{
    struct wolf_conn *wc = wolf_conn(conn);
    wc->out.active = 1;
    int ret = call(wc->ssl);
    wc->out.active = 0;
    if (ret == WOLFSSL_SUCCESS || (call == wolfSSL_shutdown && ret >= 0))
        return 1;
    *rc = wolf_status(conn, ret, op);
    if (!is_want(*rc))
        (void)wolf_out_flush(wc);
    else if (wolf_out_pending(wc))
        *rc = flush(conn, op) == UNITLS_OK ? *rc : UNITLS_WANT_WRITE;
    return 0;
}

/* The handshake's records are queued rather than left half sent to
 * wolfSSL (wolf_out.c); the handshake completes once they have all gone. */
int wolf_conn_handshake(unitls_conn *conn)
{
    struct wolf_conn *wc = wolf_conn(conn);
    wolf_io_begin(wc);
    int rc = flush(conn, "handshake");
    if (rc != UNITLS_OK || wc->hs_finished)
        return rc;
    wolf_thread_enter();
    int client = conn->ctx->role == UNITLS_ROLE_CLIENT;
    if (!queued_call(conn, client ? wolfSSL_connect : wolfSSL_accept,
                     "handshake", &rc))
        return rc;
    wc->hs_finished = 1;
    /* from now on the tracker refuses renegotiation (wolf_io.c) */
    ut_records_established(&wc->records, wolfSSL_version(wc->ssl));
    return flush(conn, "handshake");
}

static int clamp_int(size_t len)
{
    return len > INT_MAX ? INT_MAX : (int)len;
}

int wolf_conn_read(unitls_conn *conn, void *buf, size_t len, size_t *n)
{
    WOLFSSL *ssl = wolf_conn(conn)->ssl;
    wolf_io_begin(wolf_conn(conn));
    int ret = wolfSSL_read(ssl, buf, clamp_int(len));
    if (ret > 0) {
        *n = (size_t)ret;
        return UNITLS_OK;
    }
    *n = 0;
    /* The transport's refusal of a renegotiation (wolf_io.c) looks to
     * wolfSSL like the peer closing. */
    if (wolfSSL_get_error(ssl, ret) == WOLFSSL_ERROR_ZERO_RETURN &&
        !ut_records_renegotiation(&wolf_conn(conn)->records))
        return UNITLS_OK; /* the peer's close_notify */
    return wolf_status(conn, ret, "read");
}

/* wolfSSL takes an int length: larger writes go in chunks. A chunk that
 * would block after earlier chunks went out ends the call with what was
 * taken; the caller's next write starts at that chunk again, which is what
 * wolfSSL needs to finish it. */
int wolf_conn_write(unitls_conn *conn, const void *buf, size_t len,
                    size_t *n)
{
    WOLFSSL *ssl = wolf_conn(conn)->ssl;
    const unsigned char *bytes = buf;
    size_t done = 0;
    wolf_io_begin(wolf_conn(conn));
    while (done < len) {
        int ret = wolfSSL_write(ssl, bytes + done, clamp_int(len - done));
        if (ret <= 0) {
            int rc = wolf_status(conn, ret, "write");
            if (done > 0 && is_want(rc))
                break;
            *n = done;
            return rc;
        }
        done += (size_t)ret;
    }
    *n = done;
    return UNITLS_OK;
}

size_t wolf_conn_pending(const unitls_conn *conn)
{
    int n = wolfSSL_pending(wolf_conn(conn)->ssl);
    return n > 0 ? (size_t)n : 0;
}

/* One wolfSSL_shutdown(): it sends close_notify and returns without waiting
 * for the peer's (0, or 1 when the peer's had already arrived). Its record
 * is queued if the transport cannot take it (wolf_out.c); a retry only
 * sends the rest. */
int wolf_conn_shutdown(unitls_conn *conn)
{
    struct wolf_conn *wc = wolf_conn(conn);
    wolf_io_begin(wc);
    int rc = flush(conn, "shutdown");
    if (rc != UNITLS_OK || wc->close_sent)
        return rc;
    if (!queued_call(conn, wolfSSL_shutdown, "shutdown", &rc))
        return rc;
    wc->close_sent = 1;
    wolf_session_note_close(wc);
    return flush(conn, "shutdown");
}
