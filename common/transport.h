/* The byte stream under a TLS connection: a connected stream socket, or the
 * application's read and write callbacks (unitls_conn_set_io). Every
 * provider moves its bytes through here, so that a socket and a pair of
 * callbacks look alike to it, and alike on every provider:
 *  - a socket is read with recv() and written with send(MSG_NOSIGNAL)
 *    (never SIGPIPE), straight from and into the caller's buffer; EINTR is
 *    retried, EAGAIN/EWOULDBLOCK is UT_IO_WANT;
 *  - a callback's answer is checked and mapped the same way: data, WANT,
 *    end of stream, failure.
 * The fd path costs one branch over calling recv()/send() directly. */
#ifndef UT_TRANSPORT_H
#define UT_TRANSPORT_H

#include <stddef.h>

#include <unitls/conn.h>

enum ut_io {
    UT_IO_DONE,  /* *n > 0 bytes moved */
    UT_IO_WANT,  /* nothing can move now: try again later */
    UT_IO_EOF,   /* reads: the stream has ended */
    UT_IO_ERROR  /* the transport failed: see last_errno */
};

struct ut_transport {
    int fd;                   /* the socket, or -1 */
    int last_errno; /* after UT_IO_ERROR: the errno of recv()/send(), EIO
                       for a callback that failed or broke its contract */
    unitls_io_read_fn read;   /* the callbacks when fd < 0 */
    unitls_io_write_fn write;
    void *user;
};

/* No transport yet. */
void ut_transport_init(struct ut_transport *t);
void ut_transport_set_fd(struct ut_transport *t, int fd);
void ut_transport_set_io(struct ut_transport *t, unitls_io_read_fn rd,
                         unitls_io_write_fn wr, void *user);

/* Reads up to len (> 0) bytes into buf; *n receives the count (0 unless
 * UT_IO_DONE). */
enum ut_io ut_transport_recv(struct ut_transport *t, void *buf, size_t len,
                             size_t *n);

/* Writes up to len (> 0) bytes of buf; *n receives how many were taken (0
 * unless UT_IO_DONE). */
enum ut_io ut_transport_send(struct ut_transport *t, const void *buf,
                             size_t len, size_t *n);

#endif
