/*
 * The handshake's and the shutdown's output, queued by the provider when
 * the transport cannot take it at once.
 *
 * wolfSSL 5.5 loses a WANT_WRITE from the send callback in places: a TLS
 * 1.3 server's handshake then fails with no error at all (fixed upstream in
 * wolfSSL PR 7001, November 2023), and a retried wolfSSL_shutdown() builds
 * a second close_notify while the first is still half sent, which the peer
 * reads as a bad record MAC. OpenSSL and BoringSSL keep the record and
 * resume.
 *
 * So while wolfSSL runs the handshake or sends close_notify, its send
 * callback never answers WANT_WRITE: it sends what the transport takes at
 * once (no copy) and keeps the rest here (a copy of the ciphertext, only of
 * the part that would have blocked; a flight is a few KiB). The provider
 * flushes the queue before anything else and answers UNITLS_WANT_WRITE
 * while it is not empty, so that the application sees the same WANTs as on
 * the other providers. Application data writes are not queued: wolfSSL
 * handles WANT_WRITE there, and the caller's retry with the same data
 * resumes its record.
 */
#include "wolf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int wolf_out_pending(const struct wolf_conn *wc)
{
    return wc->out.off < wc->out.len;
}

static int append(struct wolf_out *q, const unsigned char *buf, size_t len)
{
    if (q->off == q->len)
        q->off = q->len = 0;
    if (len > q->cap - q->len) {
        size_t cap = q->cap == 0 ? 4096 : q->cap;
        while (cap - q->len < len)
            cap *= 2;
        unsigned char *grown = realloc(q->buf, cap);
        if (grown == NULL)
            return 0;
        q->buf = grown;
        q->cap = cap;
    }
    memcpy(q->buf + q->len, buf, len);
    q->len += len;
    return 1;
}

int wolf_out_send(struct wolf_conn *wc, const unsigned char *buf, size_t len)
{
    size_t done = 0, n;
    while (!wolf_out_pending(wc) && done < len) {
        enum ut_io r = ut_transport_send(&wc->io, buf + done, len - done, &n);
        if (r == UT_IO_WANT)
            break;
        if (r != UT_IO_DONE) {
            wc->io_errno = wc->io.last_errno;
            return WOLFSSL_CBIO_ERR_GENERAL;
        }
        done += n;
    }
    if (done < len && !append(&wc->out, buf + done, len - done)) {
        wc->io_errno = ENOMEM;
        return WOLFSSL_CBIO_ERR_GENERAL;
    }
    return (int)len;
}

int wolf_out_flush(struct wolf_conn *wc)
{
    struct wolf_out *q = &wc->out;
    size_t n;
    while (wolf_out_pending(wc)) {
        enum ut_io r = ut_transport_send(&wc->io, q->buf + q->off,
                                         q->len - q->off, &n);
        if (r == UT_IO_WANT)
            return UNITLS_WANT_WRITE;
        if (r != UT_IO_DONE) {
            wc->io_errno = wc->io.last_errno;
            return UNITLS_E_IO;
        }
        q->off += n;
    }
    return UNITLS_OK;
}

void wolf_out_free(struct wolf_conn *wc)
{
    free(wc->out.buf);
    memset(&wc->out, 0, sizeof(wc->out));
}
