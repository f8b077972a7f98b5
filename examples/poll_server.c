/* poll_server: many non-blocking TLS connections in one poll() loop.
 *
 *   poll_server PKI_DIR MAX_CONNECTIONS
 *
 * Listens on 127.0.0.1 at a port the kernel picks and prints it as the first
 * line on stdout ("port N"). Each connection has its own small state machine
 * (handshake, echo, shutdown); one poll() waits for all of them, each on the
 * event its last WANT status named. Every connection's data is echoed until
 * the client's close_notify, then the server sends its own. After
 * MAX_CONNECTIONS connections have been served it prints one line and exits:
 * 0 if each of them finished cleanly, 1 otherwise (also when nothing happens
 * for EXAMPLE_TIMEOUT_MS). */
#include <stdlib.h>

#include "example_util.h"

#define MAX_SLOTS 64

enum phase { FREE, HANDSHAKE, ECHO, SHUTDOWN };

struct slot {
    enum phase phase;
    int fd;
    unitls_conn *conn;
    short events;   /* what the last WANT asked for */
    char buf[4096]; /* data read and not yet echoed */
    size_t len, off;
};

/* Advances one connection as far as it can go without waiting. Returns 0
 * while it waits (slot->events set), 1 when it finished cleanly, -1 on
 * failure. */
static int step(struct slot *s)
{
    for (;;) {
        size_t n = 0;
        int st;
        switch (s->phase) {
        case HANDSHAKE:
            st = unitls_conn_handshake(s->conn);
            if (st == UNITLS_OK)
                s->phase = ECHO;
            break;
        case ECHO:
            if (s->off < s->len) {
                /* After a WANT this repeats the same bytes and length. */
                st = unitls_conn_write(s->conn, s->buf + s->off,
                                       s->len - s->off, &n);
                if (st == UNITLS_OK)
                    s->off += n;
            } else {
                /* Reading until WANT also drains unitls_conn_pending(). */
                st = unitls_conn_read(s->conn, s->buf, sizeof s->buf, &n);
                if (st == UNITLS_OK && n == 0)
                    s->phase = SHUTDOWN; /* the client's close_notify */
                else if (st == UNITLS_OK) {
                    s->len = n;
                    s->off = 0;
                }
            }
            break;
        case SHUTDOWN:
            st = unitls_conn_shutdown(s->conn);
            if (st == UNITLS_OK)
                return 1;
            break;
        default:
            return -1;
        }
        if (st == UNITLS_WANT_READ || st == UNITLS_WANT_WRITE) {
            s->events = example_events_for(st);
            return 0;
        }
        if (st < 0) {
            fprintf(stderr, "poll_server: connection failed: %s: %s\n",
                    unitls_status_name(st), unitls_conn_error(s->conn));
            return -1;
        }
    }
}

static void release(struct slot *s)
{
    unitls_conn_free(s->conn);
    close(s->fd);
    s->conn = NULL;
    s->fd = -1;
    s->phase = FREE;
}

/* Accepts every connection waiting on the listener, up to `budget`. */
static int accept_some(int lfd, unitls_ctx *ctx, struct slot *slots,
                       int budget, int *failed)
{
    int accepted = 0;
    while (accepted < budget) {
        struct slot *s = NULL;
        int fd, i;
        for (i = 0; i < MAX_SLOTS && s == NULL; i++)
            if (slots[i].phase == FREE)
                s = &slots[i];
        if (s == NULL)
            break; /* all slots busy: leave the rest in the backlog */
        fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            break; /* EAGAIN: nobody else is waiting */
        accepted++;
        s->fd = fd;
        s->len = s->off = 0;
        s->conn = unitls_conn_new(ctx);
        if (example_set_nonblocking(fd) != 0 || s->conn == NULL ||
            unitls_conn_set_fd(s->conn, fd) != UNITLS_OK) {
            ++*failed;
            release(s);
            continue;
        }
        s->phase = HANDSHAKE;
        s->events = POLLIN;
    }
    return accepted;
}

int main(int argc, char **argv)
{
    static struct slot slots[MAX_SLOTS];
    struct pollfd pfds[MAX_SLOTS + 1];
    int owner[MAX_SLOTS + 1];
    unsigned short port;
    unitls_ctx *ctx;
    int lfd, max, accepted = 0, done = 0, failed = 0, active = 0, i;

    if (argc != 3 || (max = atoi(argv[2])) < 1) {
        fprintf(stderr, "usage: poll_server PKI_DIR MAX_CONNECTIONS\n");
        return 2;
    }
    ctx = example_server_ctx(argv[1]);
    if (ctx == NULL)
        return 1;
    lfd = example_listen(&port);
    if (lfd < 0 || example_set_nonblocking(lfd) != 0) {
        perror("listen");
        unitls_ctx_free(ctx);
        return 1;
    }
    for (i = 0; i < MAX_SLOTS; i++)
        slots[i].phase = FREE;
    printf("port %u\n", (unsigned)port);
    fflush(stdout);

    while (done < max) {
        int n, np = 0;
        /* The listener, while connections remain to be accepted and a slot
         * is free (else the backlog keeps them until one is)... */
        if (accepted < max && active < MAX_SLOTS) {
            pfds[np] = (struct pollfd){lfd, POLLIN, 0};
            owner[np++] = -1;
        }
        /* ...and each connection, on the event its last WANT named. */
        for (i = 0; i < MAX_SLOTS; i++)
            if (slots[i].phase != FREE) {
                pfds[np] = (struct pollfd){slots[i].fd, slots[i].events, 0};
                owner[np++] = i;
            }
        do
            n = poll(pfds, (nfds_t)np, EXAMPLE_TIMEOUT_MS);
        while (n < 0 && errno == EINTR);
        if (n <= 0) {
            fprintf(stderr, "poll_server: %s\n", n == 0 ? "timed out" : "poll failed");
            break;
        }
        for (i = 0; i < np; i++) {
            struct slot *s;
            int r, k;
            if (pfds[i].revents == 0)
                continue;
            if (owner[i] < 0) {
                k = accept_some(lfd, ctx, slots, max - accepted, &failed);
                accepted += k;
                active += k;
                continue;
            }
            /* POLLHUP/POLLERR: the next call reports what happened. */
            s = &slots[owner[i]];
            if (s->phase == FREE)
                continue;
            r = step(s);
            if (r == 0)
                continue;
            if (r < 0)
                failed++;
            active--;
            release(s);
        }
        /* Connections that failed during accept_some() are done too. */
        done = accepted - active;
    }

    for (i = 0; i < MAX_SLOTS; i++)
        if (slots[i].phase != FREE)
            release(&slots[i]);
    close(lfd);
    unitls_ctx_free(ctx);
    if (done < max || failed > 0) {
        fprintf(stderr, "poll_server: served %d of %d, %d failed\n", done, max,
                failed);
        return 1;
    }
    printf("poll_server: ok: served %d connections\n", done);
    return 0;
}
