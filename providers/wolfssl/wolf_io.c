/* The transport: wolfSSL's I/O callbacks on the connection's descriptor.
 * recv()/send() with MSG_NOSIGNAL so that a write to a closed peer gives
 * EPIPE instead of SIGPIPE; EINTR is retried; EAGAIN becomes WANT. The
 * callbacks remember why the transport stopped (end of stream, or errno) so
 * that wolf_status() can tell a ragged EOF from an I/O error without
 * depending on which wolfSSL code wolfSSL chose for it. */
#include "wolf.h"

#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>

static int would_block(int err)
{
    return err == EAGAIN || err == EWOULDBLOCK;
}

static int wolf_recv(WOLFSSL *ssl, char *buf, int sz, void *io_ctx)
{
    (void)ssl;
    struct wolf_conn *wc = io_ctx;
    for (;;) {
        ssize_t n = recv(wc->fd, buf, (size_t)sz, 0);
        if (n > 0)
            return (int)n;
        if (n == 0) {
            wc->io_eof = 1;
            return WOLFSSL_CBIO_ERR_CONN_CLOSE;
        }
        if (errno == EINTR)
            continue;
        if (would_block(errno))
            return WOLFSSL_CBIO_ERR_WANT_READ;
        wc->io_errno = errno;
        return WOLFSSL_CBIO_ERR_GENERAL;
    }
}

static int wolf_send(WOLFSSL *ssl, char *buf, int sz, void *io_ctx)
{
    (void)ssl;
    struct wolf_conn *wc = io_ctx;
    for (;;) {
        ssize_t n = send(wc->fd, buf, (size_t)sz, MSG_NOSIGNAL);
        if (n >= 0)
            return (int)n;
        if (errno == EINTR)
            continue;
        if (would_block(errno))
            return WOLFSSL_CBIO_ERR_WANT_WRITE;
        wc->io_errno = errno;
        return WOLFSSL_CBIO_ERR_GENERAL;
    }
}

void wolf_io_install(WOLFSSL_CTX *ssl_ctx)
{
    wolfSSL_CTX_SetIORecv(ssl_ctx, wolf_recv);
    wolfSSL_CTX_SetIOSend(ssl_ctx, wolf_send);
}
