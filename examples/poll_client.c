/* poll_client: a non-blocking TLS client driven by poll().
 *
 *   poll_client PORT PKI_DIR [MESSAGE]
 *
 * Connects to 127.0.0.1:PORT, switches the socket to O_NONBLOCK, and then
 * follows the non-blocking contract of <unitls/conn.h>:
 *  - every call that returns UNITLS_WANT_READ / UNITLS_WANT_WRITE is retried,
 *    unchanged, once poll() says the socket is readable / writable (whatever
 *    the call: a read may want to write, a write may want to read);
 *  - a write that returned WANT is retried with the same bytes and length;
 *  - a write may take fewer bytes than offered: the rest is offered next;
 *  - decrypted bytes already buffered (unitls_conn_pending()) are read before
 *    waiting, since poll() cannot see them.
 * It sends one line, reads until the echoed line is back, closes both ways
 * (close_notify sent, then the server's close_notify read) and prints one
 * success line. Any failure or a wait longer than EXAMPLE_TIMEOUT_MS exits
 * non-zero. */
#include <stdlib.h>

#include "example_util.h"

/* Sends all of buf. */
static int send_all(unitls_conn *conn, int fd, const char *buf, size_t len)
{
    size_t off = 0;
    while (off < len) {
        size_t n = 0;
        /* Retried with the same (buf + off, len - off) after a WANT. */
        int st = unitls_conn_write(conn, buf + off, len - off, &n);
        if (st == UNITLS_OK)
            off += n;
        else if (st == UNITLS_WANT_READ || st == UNITLS_WANT_WRITE) {
            if (example_wait(fd, st) != 0)
                return -1;
        } else {
            fprintf(stderr, "write: %s: %s\n", unitls_status_name(st),
                    unitls_conn_error(conn));
            return -1;
        }
    }
    return 0;
}

/* Reads until a '\n' has arrived (or the buffer is full). Returns the length
 * read, or -1. */
static long read_line(unitls_conn *conn, int fd, char *buf, size_t cap)
{
    size_t len = 0;
    while (len < cap && memchr(buf, '\n', len) == NULL) {
        size_t n = 0;
        int st = unitls_conn_read(conn, buf + len, cap - len, &n);
        if (st == UNITLS_OK && n > 0) {
            len += n;
            /* Rule 4: the loop condition reads again without poll(); an
             * explicit check makes the point for bytes already decrypted. */
            if (unitls_conn_pending(conn) > 0)
                continue;
        } else if (st == UNITLS_OK) {
            fprintf(stderr, "read: server closed before the echo\n");
            return -1;
        } else if (st == UNITLS_WANT_READ || st == UNITLS_WANT_WRITE) {
            if (example_wait(fd, st) != 0)
                return -1;
        } else {
            fprintf(stderr, "read: %s: %s\n", unitls_status_name(st),
                    unitls_conn_error(conn));
            return -1;
        }
    }
    return (long)len;
}

/* Sends close_notify, then reads until the server's close_notify. */
static int close_both_ways(unitls_conn *conn, int fd)
{
    char buf[256];
    int st;
    while ((st = unitls_conn_shutdown(conn)) != UNITLS_OK) {
        if (st < 0 || example_wait(fd, st) != 0) {
            fprintf(stderr, "shutdown: %s: %s\n", unitls_status_name(st),
                    unitls_conn_error(conn));
            return -1;
        }
    }
    for (;;) {
        size_t n = 0;
        st = unitls_conn_read(conn, buf, sizeof buf, &n);
        if (st == UNITLS_OK && n == 0)
            return 0; /* the server's close_notify */
        if (st == UNITLS_OK)
            continue; /* unexpected extra data: ignore it */
        if (st < 0 || example_wait(fd, st) != 0) {
            fprintf(stderr, "closing read: %s: %s\n", unitls_status_name(st),
                    unitls_conn_error(conn));
            return -1;
        }
    }
}

static int run(unitls_conn *conn, int fd, const char *message)
{
    char line[1024], echo[1024];
    long got;
    int st;

    /* The handshake: call again after each WANT, once poll() agrees. */
    while ((st = unitls_conn_handshake(conn)) != UNITLS_OK) {
        if (st < 0) {
            fprintf(stderr, "handshake: %s: %s\n", unitls_status_name(st),
                    unitls_conn_error(conn));
            return -1;
        }
        if (example_wait(fd, st) != 0)
            return -1;
    }

    snprintf(line, sizeof line, "%s\n", message);
    if (send_all(conn, fd, line, strlen(line)) != 0)
        return -1;
    got = read_line(conn, fd, echo, sizeof echo);
    if (got < 0)
        return -1;
    if ((size_t)got != strlen(line) || memcmp(echo, line, (size_t)got) != 0) {
        fprintf(stderr, "echo differs: sent %zu bytes, got %ld\n",
                strlen(line), got);
        return -1;
    }
    if (close_both_ways(conn, fd) != 0)
        return -1;
    printf("poll_client: ok: %s %s, echoed \"%s\"\n", unitls_conn_version(conn),
           unitls_conn_cipher(conn), message);
    return 0;
}

int main(int argc, char **argv)
{
    unitls_ctx *ctx;
    unitls_conn *conn = NULL;
    int fd, rc = 1;

    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: poll_client PORT PKI_DIR [MESSAGE]\n");
        return 2;
    }
    ctx = example_client_ctx(argv[2]);
    if (ctx == NULL)
        return 1;
    fd = example_connect((unsigned short)atoi(argv[1]));
    if (fd >= 0 && example_set_nonblocking(fd) == 0 &&
        (conn = unitls_conn_new(ctx)) != NULL &&
        unitls_conn_set_fd(conn, fd) == UNITLS_OK &&
        /* The certificate is for localhost (and 127.0.0.1). */
        unitls_conn_set_server_name(conn, "localhost") == UNITLS_OK)
        rc = run(conn, fd, argc == 4 ? argv[3] : "hello, poll") == 0 ? 0 : 1;
    else
        fprintf(stderr, "poll_client: setup failed\n");
    unitls_conn_free(conn);
    unitls_ctx_free(ctx);
    if (fd >= 0)
        close(fd);
    return rc;
}
