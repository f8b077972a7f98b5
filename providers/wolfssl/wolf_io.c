/* The transport: wolfSSL's I/O callbacks over the connection's transport
 * (common/transport.h: the descriptor, with recv()/send(MSG_NOSIGNAL) so
 * that a write to a closed peer gives EPIPE instead of SIGPIPE, or the
 * application's callbacks). A WANT becomes wolfSSL's WANT. The callbacks
 * remember why the transport stopped (end of stream, or errno) so that
 * wolf_status() can tell a ragged EOF from an I/O error without depending
 * on which code wolfSSL chose for it. */
#include "wolf.h"

/* What the peer sent may be refused before wolfSSL reads it (wolf.h,
 * common/tls_records.h). Left to itself, a wolfSSL server answers a
 * renegotiation attempt with a fatal unexpected_message, a client with a
 * warning no_renegotiation, carrying on. */
int wolf_io_recv_raw(struct wolf_conn *wc, unsigned char *buf, size_t len)
{
    if (ut_records_refused(&wc->records))
        return WOLF_IO_REFUSED;
    size_t n;
    switch (ut_transport_recv(&wc->io, buf, len, &n)) {
    case UT_IO_DONE:
        /* WOLF_IO_REFUSED if wolfSSL must not see the bytes */
        ut_records_feed(&wc->records, buf, n);
        return ut_records_refused(&wc->records) ? WOLF_IO_REFUSED : (int)n;
    case UT_IO_EOF:
        wc->io_eof = 1;
        wc->peer_gone = 1;
        return WOLFSSL_CBIO_ERR_CONN_CLOSE;
    case UT_IO_WANT:
        return WOLFSSL_CBIO_ERR_WANT_READ;
    default:
        wc->io_errno = wc->io.last_errno;
        return WOLFSSL_CBIO_ERR_GENERAL;
    }
}

static int wolf_recv(WOLFSSL *ssl, char *buf, int sz, void *io_ctx)
{
    (void)ssl;
    struct wolf_conn *wc = io_ctx;
    unsigned char *bytes = (unsigned char *)buf;
    if (wc->hello.refused || wc->alpn_refused)
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
    if (sz <= 0)
        return 0;
    if (wc->out.active)
        return wolf_out_send(wc, (const unsigned char *)buf, (size_t)sz);
    size_t n;
    switch (ut_transport_send(&wc->io, buf, (size_t)sz, &n)) {
    case UT_IO_DONE:
        return (int)n;
    case UT_IO_WANT:
        return WOLFSSL_CBIO_ERR_WANT_WRITE;
    default:
        wc->io_errno = wc->io.last_errno;
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
