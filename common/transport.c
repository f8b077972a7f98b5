#include "transport.h"

#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>

void ut_transport_init(struct ut_transport *t)
{
    t->fd = -1;
    t->read = NULL;
    t->write = NULL;
    t->user = NULL;
    t->last_errno = 0;
}

void ut_transport_set_fd(struct ut_transport *t, int fd)
{
    ut_transport_init(t);
    t->fd = fd;
}

void ut_transport_set_io(struct ut_transport *t, unitls_io_read_fn rd,
                         unitls_io_write_fn wr, void *user)
{
    ut_transport_init(t);
    t->read = rd;
    t->write = wr;
    t->user = user;
}

static int would_block(int err)
{
    return err == EAGAIN || err == EWOULDBLOCK;
}

static enum ut_io failed(struct ut_transport *t, int err)
{
    t->last_errno = err;
    return UT_IO_ERROR;
}

/* A callback's answer, as the header of unitls_conn_set_io() defines it:
 * UNITLS_OK with 1..len bytes, a WANT, or a failure. For reads, UNITLS_OK
 * with 0 bytes and UNITLS_E_EOF end the stream; for writes, UNITLS_OK with
 * 0 bytes is a WANT. A count larger than len is a broken callback. */
static enum ut_io from_callback(struct ut_transport *t, int rc, size_t len,
                                size_t *n, int reading)
{
    if (rc == UNITLS_OK && *n > 0 && *n <= len)
        return UT_IO_DONE;
    size_t got = *n;
    *n = 0;
    if (rc == UNITLS_OK && got == 0)
        return reading ? UT_IO_EOF : UT_IO_WANT;
    if (rc == UNITLS_WANT_READ || rc == UNITLS_WANT_WRITE)
        return UT_IO_WANT;
    if (rc == UNITLS_E_EOF && reading)
        return UT_IO_EOF;
    return failed(t, EIO);
}

enum ut_io ut_transport_recv(struct ut_transport *t, void *buf, size_t len,
                             size_t *n)
{
    *n = 0;
    if (t->fd < 0) {
        if (t->read == NULL)
            return failed(t, EBADF);
        return from_callback(t, t->read(t->user, buf, len, n), len, n, 1);
    }
    for (;;) {
        ssize_t got = recv(t->fd, buf, len, 0);
        if (got > 0) {
            *n = (size_t)got;
            return UT_IO_DONE;
        }
        if (got == 0)
            return UT_IO_EOF;
        if (errno == EINTR)
            continue;
        return would_block(errno) ? UT_IO_WANT : failed(t, errno);
    }
}

enum ut_io ut_transport_send(struct ut_transport *t, const void *buf,
                             size_t len, size_t *n)
{
    *n = 0;
    if (t->fd < 0) {
        if (t->write == NULL)
            return failed(t, EBADF);
        return from_callback(t, t->write(t->user, buf, len, n), len, n, 0);
    }
    for (;;) {
        ssize_t sent = send(t->fd, buf, len, MSG_NOSIGNAL);
        if (sent > 0) {
            *n = (size_t)sent;
            return UT_IO_DONE;
        }
        if (sent == 0)
            return UT_IO_WANT; /* a stream socket takes 0 bytes only for
                                  len 0, which is never asked */
        if (errno == EINTR)
            continue;
        return would_block(errno) ? UT_IO_WANT : failed(t, errno);
    }
}
