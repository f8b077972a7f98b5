/* The I/O model: callback I/O (unitls_conn_set_io), the non-blocking
 * contract of conn.h and STARTTLS, on every provider alike.
 *
 * Most cases run both ends in this one thread, each end driven as an event
 * loop drives it: call, and on UNITLS_WANT_* call again later with the same
 * arguments. The transport is either an in-memory pipe pair behind the
 * callbacks, which returns WANT when empty or full (and can move one byte
 * per call), or a non-blocking socketpair waited on with poll(). Nothing
 * depends on timing: the pipes are deterministic, and a loop in which no end
 * can move is a failure ("stuck"), found at once for pipes and after
 * IO_TIMEOUT_SECONDS of poll() for sockets (a safety net only).
 *
 * Every case states its right answer; the keys recorded are the same on
 * every provider (WANT counts, which depend on how a backend cuts its
 * writes, are recorded only as "seen at least once" where the transport
 * forces one). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "conf.h"
#include "io.h"
#include "pair.h"
#include "pki.h"
#include "suites.h"

/* --- an in-memory pipe behind the callbacks ------------------------------- */

struct mpipe {
    unsigned char *buf; /* ring of cap bytes */
    size_t cap, head, len;
    size_t max_move;    /* at most this many bytes per callback call */
    int eof;            /* the writer is gone: reads get UNITLS_E_EOF */
    int fail;           /* callbacks on this pipe fail (UNITLS_E_IO) */
    size_t moved;       /* bytes written into it, ever */
    size_t taken;       /* bytes read out of it, ever */
    unsigned long reads; /* read callback calls */
};

/* One end's view: what it reads from and writes to. */
struct cb_io {
    struct mpipe *in, *out;
};

static int mpipe_init(struct mpipe *p, size_t cap, size_t max_move)
{
    memset(p, 0, sizeof(*p));
    p->buf = malloc(cap);
    p->cap = cap;
    p->max_move = max_move;
    return p->buf != NULL ? 0 : -1;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

static int cb_read(void *user, void *buf, size_t len, size_t *nread)
{
    struct mpipe *p = ((struct cb_io *)user)->in;
    unsigned char *dst = buf;
    size_t n, i;

    p->reads++;
    if (p->fail)
        return UNITLS_E_IO;
    if (p->len == 0)
        return p->eof ? UNITLS_E_EOF : UNITLS_WANT_READ;
    n = min3(len, p->len, p->max_move);
    for (i = 0; i < n; i++)
        dst[i] = p->buf[(p->head + i) % p->cap];
    p->head = (p->head + n) % p->cap;
    p->len -= n;
    p->taken += n;
    *nread = n;
    return UNITLS_OK;
}

static int cb_write(void *user, const void *buf, size_t len,
                    size_t *nwritten)
{
    struct mpipe *p = ((struct cb_io *)user)->out;
    const unsigned char *src = buf;
    size_t n, i;

    if (p->fail)
        return UNITLS_E_IO;
    n = min3(len, p->cap - p->len, p->max_move);
    if (n == 0)
        return UNITLS_WANT_WRITE;
    for (i = 0; i < n; i++)
        p->buf[(p->head + p->len + i) % p->cap] = src[i];
    p->len += n;
    p->moved += n;
    *nwritten = n;
    return UNITLS_OK;
}

/* --- one end, driven as an event loop drives it --------------------------- */

enum phase { PH_HANDSHAKE, PH_TRANSFER, PH_SHUTDOWN, PH_WAIT_CLOSE, PH_DONE };

/* The client sends `total` pattern bytes in writes of `chunk` bytes (in
 * `lockstep`: the next chunk only once the previous one came back); the
 * server echoes each chunk once it has all of it. Then the client sends
 * close_notify, the server reads it and sends its own, and the client
 * reads that: a bidirectional shutdown. */
struct ep {
    int is_server;
    unitls_ctx *ctx;
    unitls_conn *conn;
    int fd;          /* socket transports, else -1 */
    struct cb_io io; /* callback transports */
    struct outcome o;
    enum phase phase;
    int stop_after_handshake;
    int failed;
    int hs;
    int events;      /* POLLIN / POLLOUT wanted by the last calls */
    int want_read, want_write; /* seen at least once */
    unsigned char *out, *in;   /* client: sent, echoed; server: in only */
    size_t total, chunk, sent, received;
    int lockstep;
    size_t wpend;    /* length of a write that returned WANT: the retry
                        passes the same bytes and the same length */
};

static void note_want(struct ep *e, int rc)
{
    if (rc == UNITLS_WANT_READ) {
        e->want_read = 1;
        e->events |= POLLIN;
    } else {
        e->want_write = 1;
        e->events |= POLLOUT;
    }
}

static int is_want(int rc)
{
    return rc == UNITLS_WANT_READ || rc == UNITLS_WANT_WRITE;
}

/* An unexpected status ends this end's loop; it is recorded as "<what>". */
static int fail_on(struct ep *e, const char *what, int rc)
{
    oc_status(&e->o, what, rc, UNITLS_OK);
    e->failed = 1;
    e->phase = PH_DONE;
    return 1;
}

static int step_handshake(struct ep *e)
{
    int rc = unitls_conn_handshake(e->conn);

    e->hs = rc;
    if (is_want(rc)) {
        note_want(e, rc);
        return 0;
    }
    if (rc != UNITLS_OK) {
        e->failed = 1;
        e->phase = PH_DONE;
        return 1;
    }
    e->phase = e->stop_after_handshake ? PH_DONE : PH_TRANSFER;
    return 1;
}

static size_t next_write_len(const struct ep *e)
{
    size_t avail, left;

    if (e->wpend != 0)
        return e->wpend;
    if (!e->is_server) {
        if (e->sent == e->total || (e->lockstep && e->received < e->sent))
            return 0;
        left = e->total - e->sent;
        return left < e->chunk ? left : e->chunk;
    }
    avail = e->received - e->sent;
    left = e->total - e->sent;
    if (left == 0 || avail < (left < e->chunk ? left : e->chunk))
        return 0;
    return left < e->chunk ? left : e->chunk;
}

static int try_write(struct ep *e)
{
    size_t len = next_write_len(e), n = 0;
    const unsigned char *src = e->is_server ? e->in : e->out;
    int rc;

    if (len == 0)
        return 0;
    rc = unitls_conn_write(e->conn, src + e->sent, len, &n);
    if (is_want(rc)) {
        e->wpend = len;
        note_want(e, rc);
        return 0;
    }
    if (rc != UNITLS_OK || n == 0 || n > len)
        return fail_on(e, "write", rc);
    e->wpend = 0;
    e->sent += n;
    return 1;
}

static int try_read(struct ep *e)
{
    size_t n = 0;
    int rc;

    if (e->received == e->total)
        return 0;
    rc = unitls_conn_read(e->conn, e->in + e->received,
                          e->total - e->received, &n);
    if (is_want(rc)) {
        note_want(e, rc);
        return 0;
    }
    if (rc != UNITLS_OK || n == 0)
        return fail_on(e, "read", rc == UNITLS_OK ? UNITLS_E_EOF : rc);
    e->received += n;
    return 1;
}

static int step_transfer(struct ep *e)
{
    int progress = try_write(e);

    progress |= try_read(e);
    if (!e->failed && e->sent == e->total && e->received == e->total) {
        e->phase = e->is_server ? PH_WAIT_CLOSE : PH_SHUTDOWN;
        progress = 1;
    }
    return progress;
}

static int step_shutdown(struct ep *e)
{
    int rc = unitls_conn_shutdown(e->conn);

    if (is_want(rc)) {
        note_want(e, rc);
        return 0;
    }
    oc_status(&e->o, "shutdown", rc, UNITLS_OK);
    e->phase = e->is_server ? PH_DONE : PH_WAIT_CLOSE;
    return 1;
}

/* Reads the peer's close_notify: UNITLS_OK with 0 bytes. */
static int step_wait_close(struct ep *e)
{
    unsigned char b[16];
    size_t n = 0;
    int rc = unitls_conn_read(e->conn, b, sizeof(b), &n);

    if (is_want(rc)) {
        note_want(e, rc);
        return 0;
    }
    oc_put(&e->o, "close", "%s/%zu", oc_status_name(rc), n);
    if (rc != UNITLS_OK || n != 0)
        oc_fail(&e->o, "%sclose: got %s/%zu, want UNITLS_OK/0", e->o.prefix,
                oc_status_name(rc), n);
    oc_int(&e->o, "peer_closed", unitls_conn_peer_closed(e->conn), 1);
    e->phase = e->is_server ? PH_SHUTDOWN : PH_DONE;
    return 1;
}

/* One round for one end: every call it can make now. Returns 1 if it got
 * anything done (bytes or a phase), 0 if every call answered WANT. */
static int step(struct ep *e)
{
    e->events = 0;
    switch (e->phase) {
    case PH_HANDSHAKE:
        return step_handshake(e);
    case PH_TRANSFER:
        return step_transfer(e);
    case PH_SHUTDOWN:
        return step_shutdown(e);
    case PH_WAIT_CLOSE:
        return step_wait_close(e);
    default:
        return 0;
    }
}

/* --- setting ends up ------------------------------------------------------ */

enum io_transport { IO_PIPES, IO_SOCKETS };

struct io_case {
    const char *id;
    enum io_transport transport;
    size_t pipe_cap, pipe_move; /* IO_PIPES */
    int max_version;            /* 0: default */
    size_t total, chunk;
    int lockstep;
    int fd_first; /* IO_PIPES: unitls_conn_set_fd() on an idle socket
                     first, which unitls_conn_set_io() must replace */
    int starttls; /* IO_SOCKETS: a plain SMTP-like exchange comes first */
};

static int setup_end(struct ep *e, const struct io_case *c, int idle_fd)
{
    int st = UNITLS_OK;

    e->ctx = unitls_ctx_new(e->is_server ? UNITLS_ROLE_SERVER
                                         : UNITLS_ROLE_CLIENT);
    if (e->ctx == NULL)
        return UNITLS_E_NOMEM;
    if (e->is_server)
        st = unitls_ctx_use_certificate_file(
            e->ctx, pki_path("server-chain.pem").s,
            pki_path("server.key").s, NULL);
    else
        st = unitls_ctx_load_verify_file(e->ctx, pki_path("root-ca.crt").s);
    if (st == UNITLS_OK && c->max_version != 0)
        st = unitls_ctx_set_versions(e->ctx, 0, c->max_version);
    if (st != UNITLS_OK)
        return st;
    if ((e->conn = unitls_conn_new(e->ctx)) == NULL)
        return UNITLS_E_NOMEM;
    if (c->transport == IO_PIPES && c->fd_first)
        st = unitls_conn_set_fd(e->conn, idle_fd);
    if (st == UNITLS_OK)
        st = c->transport == IO_SOCKETS
                 ? unitls_conn_set_fd(e->conn, e->fd)
                 : unitls_conn_set_io(e->conn, cb_read, cb_write, &e->io);
    if (st == UNITLS_OK && !e->is_server)
        st = unitls_conn_set_server_name(e->conn, "localhost");
    return st;
}

static void release_end(struct ep *e)
{
    unitls_conn_free(e->conn);
    unitls_ctx_free(e->ctx);
    free(e->in);
    free(e->out);
}

/* Nothing moved in a round: wait for the sockets the ends want. Returns 0
 * if none became ready within IO_TIMEOUT_SECONDS. */
static int wait_sockets(struct ep *c, struct ep *s)
{
    struct pollfd fds[2] = {
        {c->phase == PH_DONE ? -1 : c->fd, (short)c->events, 0},
        {s->phase == PH_DONE ? -1 : s->fd, (short)s->events, 0}};
    int rc;

    do
        rc = poll(fds, 2, IO_TIMEOUT_SECONDS * 1000);
    while (rc < 0 && errno == EINTR);
    return rc > 0;
}

/* Bytes in and out of both pipes: an end that only drained a pipe (a
 * record it cannot finish yet, such as a TLS 1.3 server's session ticket
 * after the handshake) has made room for the other end's next write. */
static size_t pipes_moved(const struct ep *c, const struct ep *s)
{
    return c->io.out->moved + s->io.out->moved + c->io.out->taken +
           s->io.out->taken;
}

/* Drives both ends until both are done. Returns 0, or -1 if they got stuck
 * (recorded). */
static int drive(struct ep *c, struct ep *s, enum io_transport t,
                 struct outcome *o)
{
    while (c->phase != PH_DONE || s->phase != PH_DONE) {
        size_t before = t == IO_PIPES ? pipes_moved(c, s) : 0;
        int progress = step(c);

        progress |= step(s);
        if (t == IO_PIPES)
            progress |= pipes_moved(c, s) != before;
        if (progress)
            continue;
        if (t == IO_PIPES || !wait_sockets(c, s)) {
            oc_fail(o, "stuck: no end can move (client phase %d, server "
                       "phase %d)", (int)c->phase, (int)s->phase);
            return -1;
        }
    }
    return 0;
}

static void observe_end(struct ep *e, const char *peer_cn, const char *ver,
                        const char *cipher)
{
    char cn[256];

    oc_status(&e->o, "hs", e->hs, UNITLS_OK);
    if (e->hs != UNITLS_OK)
        return;
    oc_str(&e->o, "version", unitls_conn_version(e->conn), ver);
    oc_str(&e->o, "cipher", unitls_conn_cipher(e->conn), cipher);
    cert_cn(unitls_conn_peer_cert(e->conn), cn, sizeof(cn));
    oc_str(&e->o, "peer", cn, peer_cn);
}

struct duo {
    struct mpipe c2s, s2c;
    int fds[2];
    struct ep c, s;
};

static int make_socketpair(int fds[2])
{
    int i;

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return -1;
    for (i = 0; i < 2; i++)
        if (fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK) != 0)
            return -1;
    return 0;
}

/* Builds both ends over the case's transport. Returns 0 or -1 (recorded). */
static int duo_open(struct duo *d, const struct io_case *c, struct outcome *o)
{
    int st;

    memset(d, 0, sizeof(*d));
    d->fds[0] = d->fds[1] = -1;
    d->c.is_server = 0;
    d->s.is_server = 1;
    oc_init(&d->c.o, c->id, "c.");
    oc_init(&d->s.o, c->id, "s.");
    if (c->transport == IO_SOCKETS || c->fd_first) {
        if (make_socketpair(d->fds) != 0) {
            oc_fail(o, "cannot create the socketpair: %s", strerror(errno));
            return -1;
        }
    }
    if (c->transport == IO_PIPES &&
        (mpipe_init(&d->c2s, c->pipe_cap, c->pipe_move) != 0 ||
               mpipe_init(&d->s2c, c->pipe_cap, c->pipe_move) != 0)) {
        oc_fail(o, "out of memory");
        return -1;
    }
    d->c.fd = d->fds[0];
    d->s.fd = d->fds[1];
    d->c.io.in = d->s.io.out = &d->s2c;
    d->c.io.out = d->s.io.in = &d->c2s;
    /* fd_first: both ends get fds[0], whose peer nobody reads or writes */
    if ((st = setup_end(&d->c, c, d->fds[0])) != UNITLS_OK ||
        (st = setup_end(&d->s, c, d->fds[0])) != UNITLS_OK) {
        oc_status(o, "setup", st, UNITLS_OK);
        return -1;
    }
    return 0;
}

static void duo_close(struct duo *d, struct outcome *o)
{
    oc_merge(o, &d->c.o);
    oc_merge(o, &d->s.o);
    release_end(&d->c);
    release_end(&d->s);
    free(d->c2s.buf);
    free(d->s2c.buf);
    if (d->fds[0] >= 0)
        close(d->fds[0]);
    if (d->fds[1] >= 0)
        close(d->fds[1]);
}

static const char *case_version(const struct io_case *c)
{
    return c->max_version == UNITLS_TLS1_2 ? "TLSv1.2" : "TLSv1.3";
}

static const char *case_cipher(const struct io_case *c)
{
    return c->max_version == UNITLS_TLS1_2 ? CIPHER12_ECDSA : CIPHER13;
}

/* Reads one line, a byte at a time (as a reader must that hands the rest
 * of the stream to TLS), into buf without its CRLF. The peer has sent it
 * already (one thread), so a non-blocking recv() has it. Returns 0 or -1. */
static int read_line(int fd, char *buf, size_t size)
{
    size_t len = 0;
    char ch;

    while (len + 1 < size && recv(fd, &ch, 1, 0) == 1) {
        if (ch == '\n') {
            if (len > 0 && buf[len - 1] == '\r')
                len--;
            buf[len] = '\0';
            return 0;
        }
        buf[len++] = ch;
    }
    return -1;
}

static int send_text(int fd, const char *text)
{
    size_t len = strlen(text);
    return send(fd, text, len, MSG_NOSIGNAL) == (ssize_t)len ? 0 : -1;
}

/* STARTTLS, SMTP-like (RFC 3207), on the sockets the ends then use for
 * TLS: the client greets and asks, the server reads line by line, answers
 * 220, and starts its handshake at once; the client reads the 220 line and
 * starts its own. Every plain byte is read once, by the application; every
 * TLS byte by unitls. Returns 0 or -1 (recorded). */
static int starttls_prelude(struct duo *d, struct outcome *o)
{
    char ehlo[64], cmd[64], reply[64];
    int ok = send_text(d->c.fd, "EHLO client.example\r\nSTARTTLS\r\n") == 0 &&
             read_line(d->s.fd, ehlo, sizeof(ehlo)) == 0 &&
             read_line(d->s.fd, cmd, sizeof(cmd)) == 0 &&
             send_text(d->s.fd, "220 2.0.0 Ready to start TLS\r\n") == 0;

    if (ok)
        step(&d->s); /* the server's handshake starts before the client
                        has read the 220 line */
    ok = ok && read_line(d->c.fd, reply, sizeof(reply)) == 0;
    if (!ok) {
        oc_fail(o, "the plain exchange failed");
        return -1;
    }
    oc_str(&d->s.o, "plain1", ehlo, "EHLO client.example");
    oc_str(&d->s.o, "plain2", cmd, "STARTTLS");
    oc_str(&d->c.o, "plain", reply, "220 2.0.0 Ready to start TLS");
    return 0;
}

/* Handshake, echo of `total` bytes, bidirectional shutdown. Right answer:
 * both handshakes UNITLS_OK with the default version and suite, every byte
 * echoed once and in order, both ends read the other's close_notify. When
 * the transport cannot take a whole flight at once (one-byte pipes, a
 * write larger than a socket buffer), the ends must have seen WANT_READ and
 * WANT_WRITE and retried. */
static void run_echo(const struct io_case *c)
{
    struct outcome o;
    struct duo d;

    oc_init(&o, c->id, "");
    if (duo_open(&d, c, &o) == 0) {
        d.c.total = d.s.total = c->total;
        d.c.chunk = d.s.chunk = c->chunk;
        d.c.lockstep = c->lockstep;
        d.c.out = malloc(c->total + 1);
        d.c.in = malloc(c->total + 1);
        d.s.in = malloc(c->total + 1);
        if (d.c.out == NULL || d.c.in == NULL || d.s.in == NULL) {
            oc_fail(&o, "out of memory");
        } else {
            fill_pattern(d.c.out, c->total);
            if (!c->starttls || starttls_prelude(&d, &o) == 0)
                drive(&d.c, &d.s, c->transport, &o);
            observe_end(&d.c, CN_SERVER, case_version(c), case_cipher(c));
            observe_end(&d.s, "-", case_version(c), case_cipher(c));
            oc_int(&d.c.o, "received", (long long)d.c.received,
                   (long long)c->total);
            oc_int(&d.s.o, "received", (long long)d.s.received,
                   (long long)c->total);
            oc_true(&d.c.o, "equal",
                    d.c.received == c->total &&
                        memcmp(d.c.in, d.c.out, c->total) == 0);
            if (c->transport == IO_PIPES && c->pipe_cap == 1) {
                oc_true(&d.c.o, "want_read", d.c.want_read);
                oc_true(&d.c.o, "want_write", d.c.want_write);
                oc_true(&d.s.o, "want_read", d.s.want_read);
                oc_true(&d.s.o, "want_write", d.s.want_write);
            }
            if (c->transport == IO_SOCKETS && c->chunk >= 1024 * 1024)
                oc_true(&d.c.o, "want_write", d.c.want_write);
        }
    }
    duo_close(&d, &o);
    oc_finish(&o);
}

#define KIB 1024
#define MIB (1024 * 1024)

static const struct io_case echo_cases[] = {
    /* One byte per call and a one-byte pipe each way: every flight is
     * cut into single bytes, each write and read meets WANT. */
    {"io.one_byte_tls13", IO_PIPES, 1, 1, 0, 4 * KIB, 1000, 0, 0, 0},
    {"io.one_byte_tls12", IO_PIPES, 1, 1, UNITLS_TLS1_2, 4 * KIB, 1000, 0, 0,
     0},
    /* Interleaved: the client sends 100 bytes and reads them back before
     * it sends the next 100, over pipes that hold 7 bytes and move 3. */
    {"io.interleaved_lockstep", IO_PIPES, 7, 3, 0, 10 * KIB, 100, 1, 0, 0},
    /* Non-blocking socketpair and poll(): 1 MiB echoed in 16 KiB writes
     * while the echo comes back, reads and writes interleaved. */
    {"io.nonblocking_echo_1m", IO_SOCKETS, 0, 0, 0, MIB, 16 * KIB, 0, 0, 0},
    {"io.nonblocking_echo_1m_tls12", IO_SOCKETS, 0, 0, UNITLS_TLS1_2, MIB,
     16 * KIB, 0, 0, 0},
    /* One 1 MiB write, larger than the socket buffers: it returns
     * WANT_WRITE and is retried with the same buffer and length until it
     * has taken everything, exactly once. */
    {"io.write_want_retried", IO_SOCKETS, 0, 0, 0, MIB, MIB, 0, 0, 0},
    /* unitls_conn_set_io() after unitls_conn_set_fd() replaces the socket
     * (whose peer never answers: using it would leave the ends stuck). */
    {"io.set_io_replaces_fd", IO_PIPES, 64 * KIB, 64 * KIB, 0, 1000, 1000, 0,
     1, 0},
    /* STARTTLS on a socket that has carried plain lines both ways. */
    {"io.starttls_smtp", IO_SOCKETS, 0, 0, 0, 16 * KIB, 4 * KIB, 0, 0, 1},
    {"io.starttls_smtp_tls12", IO_SOCKETS, 0, 0, UNITLS_TLS1_2, 16 * KIB,
     4 * KIB, 0, 0, 1},
};

START_TEST(io_echo_case)
{
    run_echo(&echo_cases[_i]);
}
END_TEST

/* --- callback I/O after the handshake: direct sequences ------------------ */

/* Both ends over big pipes (64 KiB, any amount per call), handshake done:
 * afterwards every byte a write produces is in a pipe at once, so each
 * step below is one call with a known answer. */
static int open_established(struct duo *d, const char *id, struct outcome *o)
{
    static const struct io_case big = {NULL, IO_PIPES, 64 * KIB, 64 * KIB,
                                       0, 0, 0, 0, 0, 0};
    struct io_case c = big;

    c.id = id;
    oc_init(o, id, "");
    if (duo_open(d, &c, o) != 0)
        return -1;
    d->c.stop_after_handshake = d->s.stop_after_handshake = 1;
    if (drive(&d->c, &d->s, IO_PIPES, o) != 0)
        return -1;
    observe_end(&d->c, CN_SERVER, "TLSv1.3", CIPHER13);
    observe_end(&d->s, "-", "TLSv1.3", CIPHER13);
    return d->c.hs == UNITLS_OK && d->s.hs == UNITLS_OK ? 0 : -1;
}

static void expect_read(struct ep *e, const char *key, void *buf, size_t len,
                        int want, size_t want_n)
{
    size_t n = 12345;
    int st = unitls_conn_read(e->conn, buf, len, &n);

    oc_put(&e->o, key, "%s/%zu", oc_status_name(st), n);
    if (st != want || n != want_n)
        oc_fail(&e->o, "%s%s: got %s/%zu, want %s/%zu", e->o.prefix, key,
                oc_status_name(st), n, oc_status_name(want), want_n);
}

/* Zero-length writes succeed with 0 taken and put nothing on the wire (the
 * write callback is not even offered a byte), with a buffer or with NULL;
 * the stream goes on as before: the next byte written is read next. */
START_TEST(io_zero_length_writes)
{
    struct outcome o;
    struct duo d;
    unsigned char b[8];

    if (open_established(&d, "io.zero_length_writes", &o) == 0) {
        size_t before = d.c2s.moved, n = 99;
        oc_status(&d.c.o, "write0", unitls_conn_write(d.c.conn, "x", 0, &n),
                  UNITLS_OK);
        oc_int(&d.c.o, "written0", (long long)n, 0);
        n = 99;
        oc_status(&d.c.o, "write0_null",
                  unitls_conn_write(d.c.conn, NULL, 0, &n), UNITLS_OK);
        oc_int(&d.c.o, "written0_null", (long long)n, 0);
        oc_int(&d.c.o, "wire_bytes", (long long)(d.c2s.moved - before), 0);
        expect_read(&d.s, "read_nothing", b, sizeof(b), UNITLS_WANT_READ, 0);
        oc_status(&d.c.o, "write1", unitls_conn_write(d.c.conn, "y", 1, &n),
                  UNITLS_OK);
        oc_int(&d.c.o, "written1", (long long)n, 1);
        expect_read(&d.s, "read1", b, sizeof(b), UNITLS_OK, 1);
        oc_true(&d.s.o, "byte", b[0] == 'y');
    }
    duo_close(&d, &o);
    oc_finish(&o);
}
END_TEST

/* One 100-byte record; a read of 10 leaves 90 pending, which the next read
 * returns without asking the transport for anything (so a poll loop must
 * look at pending before it waits). */
START_TEST(io_pending_after_partial_read)
{
    struct outcome o;
    struct duo d;
    unsigned char out[100], in[100];
    size_t n = 0;

    fill_pattern(out, sizeof(out));
    if (open_established(&d, "io.pending_after_partial_read", &o) == 0) {
        unsigned long reads;
        oc_status(&d.s.o, "write", unitls_conn_write(d.s.conn, out, 100, &n),
                  UNITLS_OK);
        oc_int(&d.c.o, "pending_before",
               (long long)unitls_conn_pending(d.c.conn), 0);
        expect_read(&d.c, "read10", in, 10, UNITLS_OK, 10);
        oc_int(&d.c.o, "pending", (long long)unitls_conn_pending(d.c.conn),
               90);
        reads = d.s2c.reads;
        expect_read(&d.c, "read90", in + 10, 90, UNITLS_OK, 90);
        oc_int(&d.c.o, "read90_transport_reads",
               (long long)(d.s2c.reads - reads), 0);
        oc_int(&d.c.o, "pending_after",
               (long long)unitls_conn_pending(d.c.conn), 0);
        oc_true(&d.c.o, "equal", memcmp(in, out, sizeof(out)) == 0);
        expect_read(&d.c, "read_more", in, sizeof(in), UNITLS_WANT_READ, 0);
    }
    duo_close(&d, &o);
    oc_finish(&o);
}
END_TEST

/* The read callback reports the end of the stream with no close_notify
 * before it: the read fails with UNITLS_E_EOF (a ragged EOF), as over a
 * socket; the connection is then closed for good. */
START_TEST(io_callback_eof)
{
    struct outcome o;
    struct duo d;
    unsigned char b[8];

    if (open_established(&d, "io.callback_eof", &o) == 0) {
        d.c2s.eof = 1;
        expect_read(&d.s, "read", b, sizeof(b), UNITLS_E_EOF, 0);
        expect_read(&d.s, "read_again", b, sizeof(b), UNITLS_E_CLOSED, 0);
    }
    duo_close(&d, &o);
    oc_finish(&o);
}
END_TEST

/* A callback that fails (any status other than OK and WANT): the call
 * fails with UNITLS_E_IO, reads and writes alike. */
START_TEST(io_callback_failure)
{
    struct outcome o;
    struct duo d;
    unsigned char b[8];
    size_t n = 99;

    if (open_established(&d, "io.callback_failure", &o) == 0) {
        d.c2s.fail = 1;
        oc_status(&d.c.o, "write", unitls_conn_write(d.c.conn, "x", 1, &n),
                  UNITLS_E_IO);
        oc_int(&d.c.o, "written", (long long)n, 0);
        expect_read(&d.s, "read", b, sizeof(b), UNITLS_E_IO, 0);
    }
    duo_close(&d, &o);
    oc_finish(&o);
}
END_TEST

/* The arguments and the state rule of unitls_conn_set_io(), and the
 * handshake with no transport at all. */
START_TEST(io_set_io_rules)
{
    struct outcome o;
    struct duo d;
    struct cb_io none = {NULL, NULL};
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
    unitls_conn *conn = ctx != NULL ? unitls_conn_new(ctx) : NULL;

    if (open_established(&d, "io.set_io_rules", &o) == 0) {
        oc_status(&o, "after_hs", unitls_conn_set_io(d.c.conn, cb_read,
                                                     cb_write, &none),
                  UNITLS_E_STATE);
        oc_status(&o, "fd_after_hs", unitls_conn_set_fd(d.c.conn, 0),
                  UNITLS_E_STATE);
    }
    oc_status(&o, "null_conn", unitls_conn_set_io(NULL, cb_read, cb_write,
                                                  &none),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "null_read", unitls_conn_set_io(conn, NULL, cb_write, &none),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "null_write", unitls_conn_set_io(conn, cb_read, NULL, &none),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "no_transport_hs", unitls_conn_handshake(conn),
              UNITLS_E_STATE);
    unitls_conn_free(conn);
    unitls_ctx_free(ctx);
    duo_close(&d, &o);
    oc_finish(&o);
}
END_TEST

/* --- 64 MiB over a socketpair, two threads (the pair harness) ------------- */

#define BIG_TOTAL ((size_t)64 * MIB)
#define BIG_CHUNK ((size_t)MIB)

/* The byte at stream offset `off`: splitmix64 of its 8-byte block, so that
 * a lost, repeated or reordered piece anywhere shows. */
static void fill_at(unsigned char *buf, size_t len, size_t off)
{
    uint64_t z = 0;
    size_t i;

    for (i = 0; i < len; i++) {
        size_t pos = off + i;
        if (i == 0 || pos % 8 == 0) {
            z = (uint64_t)(pos / 8) + 0x9E3779B97F4A7C15u;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
            z ^= z >> 31;
        }
        buf[i] = (unsigned char)(z >> (8 * (pos % 8)));
    }
}

static void after_send_64m(struct end *e)
{
    unsigned char *buf = malloc(BIG_CHUNK);
    size_t off;
    int st = UNITLS_OK;

    if (!end_ok(e) || buf == NULL) {
        free(buf);
        return;
    }
    for (off = 0; off < BIG_TOTAL && st == UNITLS_OK; off += BIG_CHUNK) {
        fill_at(buf, BIG_CHUNK, off);
        st = io_write_all(e->conn, buf, BIG_CHUNK);
    }
    oc_status(&e->o, "write", st, UNITLS_OK);
    io_expect_shutdown(e, "shutdown");
    free(buf);
}

/* Reads everything, checking each piece against the pattern at its
 * offset, then the close_notify. */
static void after_check_64m(struct end *e)
{
    unsigned char *buf = malloc(BIG_CHUNK), *want = malloc(BIG_CHUNK);
    size_t total = 0;
    long long mismatches = 0;
    int st = UNITLS_OK;

    if (end_ok(e) && buf != NULL && want != NULL) {
        while (total < BIG_TOTAL) {
            size_t n = 0;
            st = unitls_conn_read(e->conn, buf, BIG_CHUNK, &n);
            if (st != UNITLS_OK || n == 0)
                break;
            fill_at(want, n, total);
            mismatches += memcmp(buf, want, n) != 0;
            total += n;
        }
        oc_status(&e->o, "read_data", st, UNITLS_OK);
        oc_int(&e->o, "received", (long long)total, (long long)BIG_TOTAL);
        oc_int(&e->o, "mismatched_reads", mismatches, 0);
        io_expect_close_notify(e);
    }
    free(buf);
    free(want);
}

static const struct pair_case big_case = {
    "io.transfer_64m", TR_SOCKETPAIR,
    {CLI_STD, .after = after_send_64m, .x = EX_OK13(CN_SERVER)},
    {SRV_STD, .after = after_check_64m, .x = EX_OK13("-")}};

START_TEST(io_transfer_64m)
{
    pair_case_run(&big_case);
}
END_TEST

Suite *suite_io(void)
{
    Suite *s = suite_create("io");
    TCase *tc = conf_tcase("io");

    ADD_TABLE(tc, io_echo_case, echo_cases);
    tcase_add_test(tc, io_zero_length_writes);
    tcase_add_test(tc, io_pending_after_partial_read);
    tcase_add_test(tc, io_callback_eof);
    tcase_add_test(tc, io_callback_failure);
    tcase_add_test(tc, io_set_io_rules);
    tcase_add_test(tc, io_transfer_64m);
    suite_add_tcase(s, tc);
    return s;
}
