/* callback_io: TLS over a pair of pipes through callback I/O.
 *
 *   callback_io PKI_DIR [MESSAGE]
 *
 * unitls_conn_set_io() lets a connection read and write its TLS records
 * through two callbacks instead of a socket: here each direction is a
 * non-blocking pipe, and a client and a server live in one process, driven
 * by one loop. The callbacks translate the pipe's answers into the callback
 * contract of <unitls/conn.h>: bytes moved -> UNITLS_OK with the count;
 * EAGAIN -> UNITLS_WANT_READ / UNITLS_WANT_WRITE; end of stream ->
 * UNITLS_E_EOF; anything else -> a transport error.
 *
 * Each side is a small state machine that runs until it has to wait; when
 * both wait, poll() watches the pipe ends they named. The client sends a
 * message, the server echoes it, and both close with close_notify. Prints the
 * negotiated version and cipher and the echoed text. */
#include <signal.h>
#include <stdlib.h>

#include "example_util.h"

/* The transport of one side: where its TLS bytes come from and go to. */
struct pipe_io {
    int rfd, wfd;
};

static int pipe_read(void *user, void *buf, size_t len, size_t *nread)
{
    struct pipe_io *io = user;
    ssize_t n = read(io->rfd, buf, len);
    *nread = 0;
    if (n > 0) {
        *nread = (size_t)n;
        return UNITLS_OK;
    }
    if (n == 0)
        return UNITLS_E_EOF; /* the other side closed its end */
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
        return UNITLS_WANT_READ;
    return UNITLS_E_IO;
}

static int pipe_write(void *user, const void *buf, size_t len,
                      size_t *nwritten)
{
    struct pipe_io *io = user;
    ssize_t n = write(io->wfd, buf, len);
    *nwritten = 0;
    if (n > 0) {
        *nwritten = (size_t)n;
        return UNITLS_OK;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return UNITLS_WANT_WRITE;
    return UNITLS_E_IO;
}

enum phase { HANDSHAKE, SEND, RECEIVE, SHUTDOWN, DRAIN, DONE };

/* One end. The client goes HANDSHAKE, SEND, RECEIVE (the echo), SHUTDOWN,
 * DRAIN (until the server's close_notify). The server goes HANDSHAKE,
 * RECEIVE (one line), SEND (it back), SHUTDOWN, DRAIN. */
struct side {
    const char *name;
    unitls_conn *conn;
    struct pipe_io io;
    enum phase phase;
    int status; /* the last WANT, telling which pipe end to watch */
    char buf[1024];
    size_t len, off;
};

/* Runs one side until it waits (returns 0), finishes (1) or fails (-1). */
static int step(struct side *s)
{
    while (s->phase != DONE) {
        size_t n = 0;
        int st = UNITLS_OK;
        switch (s->phase) {
        case HANDSHAKE:
            st = unitls_conn_handshake(s->conn);
            if (st == UNITLS_OK)
                s->phase = s->len > 0 ? SEND : RECEIVE;
            break;
        case SEND:
            st = unitls_conn_write(s->conn, s->buf + s->off, s->len - s->off,
                                   &n);
            if (st == UNITLS_OK && (s->off += n) == s->len) {
                /* The client now waits for the echo; the server is done. */
                s->off = s->len = 0;
                s->phase = strcmp(s->name, "server") == 0 ? SHUTDOWN : RECEIVE;
            }
            break;
        case RECEIVE:
            st = unitls_conn_read(s->conn, s->buf + s->len,
                                  sizeof s->buf - 1 - s->len, &n);
            if (st == UNITLS_OK && n == 0) {
                fprintf(stderr, "%s: closed early\n", s->name);
                return -1;
            }
            if (st == UNITLS_OK) {
                s->len += n;
                s->buf[s->len] = '\0';
                if (strchr(s->buf, '\n') != NULL)
                    /* The server echoes the line; the client has it back. */
                    s->phase = strcmp(s->name, "server") == 0 ? SEND : SHUTDOWN;
            }
            break;
        case SHUTDOWN:
            st = unitls_conn_shutdown(s->conn);
            if (st == UNITLS_OK)
                s->phase = DRAIN;
            break;
        case DRAIN: {
            char tmp[256];
            st = unitls_conn_read(s->conn, tmp, sizeof tmp, &n);
            if (st == UNITLS_OK && n == 0)
                s->phase = DONE; /* the peer's close_notify */
            break;
        }
        case DONE:
            break;
        }
        if (st == UNITLS_WANT_READ || st == UNITLS_WANT_WRITE) {
            s->status = st;
            return 0;
        }
        if (st < 0) {
            fprintf(stderr, "%s: %s: %s\n", s->name, unitls_status_name(st),
                    unitls_conn_error(s->conn));
            return -1;
        }
    }
    return 1;
}

/* The pipe end a waiting side needs: its read end for WANT_READ, its write
 * end for WANT_WRITE. */
static struct pollfd wait_for(const struct side *s)
{
    struct pollfd p;
    p.fd = s->status == UNITLS_WANT_WRITE ? s->io.wfd : s->io.rfd;
    p.events = example_events_for(s->status);
    p.revents = 0;
    return p;
}

static int run(struct side *client, struct side *server)
{
    int cdone = 0, sdone = 0;
    while (!cdone || !sdone) {
        struct pollfd p[2];
        int np = 0, n;
        if (!cdone && (cdone = step(client)) < 0)
            return -1;
        if (!sdone && (sdone = step(server)) < 0)
            return -1;
        if (cdone && sdone)
            break;
        /* Both are waiting (or finished): sleep until a pipe is ready. */
        if (!cdone)
            p[np++] = wait_for(client);
        if (!sdone)
            p[np++] = wait_for(server);
        do
            n = poll(p, (nfds_t)np, EXAMPLE_TIMEOUT_MS);
        while (n < 0 && errno == EINTR);
        if (n <= 0) {
            fprintf(stderr, "callback_io: %s\n", n == 0 ? "timed out" : "poll failed");
            return -1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *message = argc == 3 ? argv[2] : "hello, callbacks";
    int c2s[2] = {-1, -1}, s2c[2] = {-1, -1}; /* [0] read end, [1] write end */
    unitls_ctx *cctx, *sctx;
    struct side client, server;
    int rc = 1, i;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: callback_io PKI_DIR [MESSAGE]\n");
        return 2;
    }
    /* A write to a pipe whose reader has gone raises SIGPIPE; the callback
     * should see EPIPE instead (unitls does this itself for descriptors). */
    signal(SIGPIPE, SIG_IGN);
    cctx = example_client_ctx(argv[1]);
    sctx = example_server_ctx(argv[1]);
    memset(&client, 0, sizeof client);
    memset(&server, 0, sizeof server);
    client.name = "client";
    server.name = "server";
    if (cctx == NULL || sctx == NULL || pipe(c2s) != 0 || pipe(s2c) != 0)
        goto out;
    for (i = 0; i < 2; i++)
        if (example_set_nonblocking(c2s[i]) != 0 ||
            example_set_nonblocking(s2c[i]) != 0)
            goto out;
    client.io = (struct pipe_io){s2c[0], c2s[1]};
    server.io = (struct pipe_io){c2s[0], s2c[1]};
    snprintf(client.buf, sizeof client.buf, "%s\n", message);
    client.len = strlen(client.buf);
    client.conn = unitls_conn_new(cctx);
    server.conn = unitls_conn_new(sctx);
    if (client.conn == NULL || server.conn == NULL ||
        unitls_conn_set_io(client.conn, pipe_read, pipe_write, &client.io) ||
        unitls_conn_set_io(server.conn, pipe_read, pipe_write, &server.io) ||
        unitls_conn_set_server_name(client.conn, "localhost"))
        goto out;
    if (run(&client, &server) != 0)
        goto out;
    if (strcmp(client.buf, server.buf) != 0 ||
        strncmp(client.buf, message, strlen(message)) != 0) {
        fprintf(stderr, "callback_io: echo differs\n");
        goto out;
    }
    printf("callback_io: ok: %s %s, echoed \"%s\"\n",
           unitls_conn_version(client.conn), unitls_conn_cipher(client.conn),
           message);
    rc = 0;
out:
    if (rc != 0)
        fprintf(stderr, "callback_io: failed\n");
    unitls_conn_free(client.conn);
    unitls_conn_free(server.conn);
    unitls_ctx_free(cctx);
    unitls_ctx_free(sctx);
    for (i = 0; i < 2; i++) {
        if (c2s[i] >= 0)
            close(c2s[i]);
        if (s2c[i] >= 0)
            close(s2c[i]);
    }
    return rc;
}
