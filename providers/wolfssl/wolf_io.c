/* The transport: wolfSSL's I/O callbacks on the connection's descriptor.
 * recv()/send() with MSG_NOSIGNAL so that a write to a closed peer gives
 * EPIPE instead of SIGPIPE; EINTR is retried; EAGAIN becomes WANT. The
 * callbacks remember why the transport stopped (end of stream, or errno) so
 * that wolf_status() can tell a ragged EOF from an I/O error without
 * depending on which code wolfSSL chose for it. */
#include "wolf.h"

#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>

static int would_block(int err)
{
    return err == EAGAIN || err == EWOULDBLOCK;
}

/* n bytes arrived: WOLF_IO_REFUSED if they show that the peer does not
 * speak TLS, else n. */
static int arrived(struct wolf_conn *wc, const unsigned char *buf, ssize_t n)
{
    ut_records_feed(&wc->records, buf, (size_t)n);
    return ut_records_not_tls(&wc->records) ? WOLF_IO_REFUSED : (int)n;
}

int wolf_io_recv_raw(struct wolf_conn *wc, unsigned char *buf, size_t len)
{
    if (ut_records_not_tls(&wc->records))
        return WOLF_IO_REFUSED;
    for (;;) {
        ssize_t n = recv(wc->fd, buf, len, 0);
        if (n > 0)
            return arrived(wc, buf, n);
        if (n == 0) {
            wc->io_eof = 1;
            wc->peer_gone = 1;
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

static int wolf_recv(WOLFSSL *ssl, char *buf, int sz, void *io_ctx)
{
    (void)ssl;
    struct wolf_conn *wc = io_ctx;
    unsigned char *bytes = (unsigned char *)buf;
    if (wc->hello.refused)
        return WOLF_IO_REFUSED;
    if (wolf_hello_pending(wc))
        return wolf_hello_recv(wc, bytes, (size_t)sz);
    return wolf_io_recv_raw(wc, bytes, (size_t)sz);
}

/* wolfSSL's writes are dropped once the peer has ended the stream, once
 * the provider has sent the fatal alert itself (wolf_raw_alert.c), and
 * when wolfSSL stopped at a plaintext alert it cannot read
 * (wolf_records.c): they can only be its own alert, which OpenSSL would not
 * send, or which the provider has replaced. */
static int wolf_send(WOLFSSL *ssl, char *buf, int sz, void *io_ctx)
{
    (void)ssl;
    struct wolf_conn *wc = io_ctx;
    if (wc->peer_gone || wc->muted || wolf_records_at_alert(wc)) {
        wc->dropped_sends = 1;
        return sz;
    }
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

void wolf_io_begin(struct wolf_conn *wc)
{
    wc->io_eof = 0;
    wc->io_errno = 0;
}

void wolf_io_install(WOLFSSL_CTX *ssl_ctx)
{
    wolfSSL_CTX_SetIORecv(ssl_ctx, wolf_recv);
    wolfSSL_CTX_SetIOSend(ssl_ctx, wolf_send);
}
