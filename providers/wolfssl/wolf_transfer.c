/* Handshake, read, write, pending, shutdown. */
#include "wolf.h"

#include <limits.h>

int wolf_conn_handshake(unitls_conn *conn)
{
    WOLFSSL *ssl = wolf_conn(conn)->ssl;
    wolf_io_begin(wolf_conn(conn));
    wolf_thread_enter();
    int ret = conn->ctx->role == UNITLS_ROLE_CLIENT ? wolfSSL_connect(ssl)
                                                    : wolfSSL_accept(ssl);
    if (ret == WOLFSSL_SUCCESS)
        return UNITLS_OK;
    return wolf_status(conn, ret, "handshake");
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
    if (wolfSSL_get_error(ssl, ret) == WOLFSSL_ERROR_ZERO_RETURN)
        return UNITLS_OK; /* the peer's close_notify */
    return wolf_status(conn, ret, "read");
}

static int is_want(int rc)
{
    return rc == UNITLS_WANT_READ || rc == UNITLS_WANT_WRITE;
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
 * for the peer's (0, or 1 when the peer's had already arrived). */
int wolf_conn_shutdown(unitls_conn *conn)
{
    wolf_io_begin(wolf_conn(conn));
    int ret = wolfSSL_shutdown(wolf_conn(conn)->ssl);
    if (ret >= 0)
        return UNITLS_OK;
    return wolf_status(conn, ret, "shutdown");
}
