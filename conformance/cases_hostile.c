/* Shutdown and hostile peers (issue 7, items 4 and 5): shutdown in the
 * middle of a handshake, half-closed and crossed close_notify, truncated
 * and oversized records, an alert in the middle of a stream, 16 MiB in one
 * write, and a peer that stops mid-handshake.
 *
 * Most cases run both ends in this one thread over in-memory pipes behind
 * unitls_conn_set_io(), so the bytes a hostile peer sends are injected
 * exactly where the case wants them, and every step is one call with one
 * known answer. Nothing depends on timing: an empty pipe answers WANT_READ,
 * and a handshake that makes no progress fails the case as "stuck" at once.
 * Every case states its right answer. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "conf.h"
#include "io.h"
#include "net.h"
#include "pair.h"
#include "pki.h"
#include "suites.h"

#define KIB 1024
#define MIB (1024 * 1024)
#define ALERT_RECORD_OVERFLOW 22

/* --- an in-memory pipe behind the callbacks ------------------------------ */

struct hpipe {
    unsigned char buf[256 * KIB];
    size_t start, end;
    int eof; /* no byte will come any more: reads get UNITLS_E_EOF */
};

struct hend {
    int is_server;
    unitls_ctx *ctx;
    unitls_conn *conn;
    struct hpipe *in, *out;
    struct outcome o;
    int hs;
};

struct hduo {
    struct hpipe c2s, s2c;
    struct hend c, s;
};

static int hp_read(void *user, void *buf, size_t len, size_t *nread)
{
    struct hpipe *p = ((struct hend *)user)->in;
    size_t n = p->end - p->start;

    if (n == 0)
        return p->eof ? UNITLS_E_EOF : UNITLS_WANT_READ;
    if (n > len)
        n = len;
    memcpy(buf, p->buf + p->start, n);
    p->start += n;
    *nread = n;
    return UNITLS_OK;
}

static int hp_write(void *user, const void *buf, size_t len,
                    size_t *nwritten)
{
    struct hpipe *p = ((struct hend *)user)->out;
    size_t room;

    if (p->start > 0) { /* keep the waiting bytes at the front */
        memmove(p->buf, p->buf + p->start, p->end - p->start);
        p->end -= p->start;
        p->start = 0;
    }
    room = sizeof(p->buf) - p->end;
    if (room == 0)
        return UNITLS_WANT_WRITE;
    if (len > room)
        len = room;
    memcpy(p->buf + p->end, buf, len);
    p->end += len;
    *nwritten = len;
    return UNITLS_OK;
}

/* Bytes a hostile peer sends, as they would arrive on the wire. */
static void hp_inject(struct hpipe *p, const void *bytes, size_t len)
{
    if (len > sizeof(p->buf) - p->end)
        len = sizeof(p->buf) - p->end;
    memcpy(p->buf + p->end, bytes, len);
    p->end += len;
}

static int is_want(int rc)
{
    return rc == UNITLS_WANT_READ || rc == UNITLS_WANT_WRITE;
}

static int hend_setup(struct hend *e, int max_version)
{
    int st;

    e->ctx = unitls_ctx_new(e->is_server ? UNITLS_ROLE_SERVER
                                         : UNITLS_ROLE_CLIENT);
    if (e->ctx == NULL)
        return UNITLS_E_NOMEM;
    st = e->is_server ? unitls_ctx_use_certificate_file(
                            e->ctx, pki_path("server-chain.pem").s,
                            pki_path("server.key").s, NULL)
                      : unitls_ctx_load_verify_file(
                            e->ctx, pki_path("root-ca.crt").s);
    if (st == UNITLS_OK && max_version != 0)
        st = unitls_ctx_set_versions(e->ctx, 0, max_version);
    if (st != UNITLS_OK)
        return st;
    if ((e->conn = unitls_conn_new(e->ctx)) == NULL)
        return UNITLS_E_NOMEM;
    st = unitls_conn_set_io(e->conn, hp_read, hp_write, e);
    if (st == UNITLS_OK && !e->is_server)
        st = unitls_conn_set_server_name(e->conn, "localhost");
    return st;
}

/* Both ends over pipes, nothing sent yet. Returns 0 or -1 (recorded). */
static int hduo_open(struct hduo *d, const char *id, int max_version,
                     struct outcome *o)
{
    int st;

    memset(d, 0, sizeof(*d));
    oc_init(o, id, "");
    oc_init(&d->c.o, id, "c.");
    oc_init(&d->s.o, id, "s.");
    d->s.is_server = 1;
    d->c.in = d->s.out = &d->s2c;
    d->c.out = d->s.in = &d->c2s;
    if ((st = hend_setup(&d->c, max_version)) != UNITLS_OK ||
        (st = hend_setup(&d->s, max_version)) != UNITLS_OK) {
        oc_status(o, "setup", st, UNITLS_OK);
        return -1;
    }
    return 0;
}

static void hduo_close(struct hduo *d, struct outcome *o)
{
    oc_merge(o, &d->c.o);
    oc_merge(o, &d->s.o);
    unitls_conn_free(d->c.conn);
    unitls_conn_free(d->s.conn);
    unitls_ctx_free(d->c.ctx);
    unitls_ctx_free(d->s.ctx);
    oc_finish(o);
}

static const char *version_name(int max_version)
{
    return max_version == UNITLS_TLS1_2 ? "TLSv1.2" : "TLSv1.3";
}

/* Runs both handshakes to their end (the pipes never fill up, so a round
 * in which neither end finished and no byte moved is "stuck"). Right
 * answer: both UNITLS_OK at the expected version. Returns 0 or -1. */
static int hduo_handshake(struct hduo *d, int max_version, struct outcome *o)
{
    int round;

    d->c.hs = d->s.hs = UNITLS_WANT_READ;
    for (round = 0; round < 64 && (is_want(d->c.hs) || is_want(d->s.hs));
         round++) {
        if (is_want(d->c.hs))
            d->c.hs = unitls_conn_handshake(d->c.conn);
        if (is_want(d->s.hs))
            d->s.hs = unitls_conn_handshake(d->s.conn);
    }
    oc_status(&d->c.o, "hs", d->c.hs, UNITLS_OK);
    oc_status(&d->s.o, "hs", d->s.hs, UNITLS_OK);
    if (d->c.hs != UNITLS_OK || d->s.hs != UNITLS_OK) {
        if (is_want(d->c.hs) || is_want(d->s.hs))
            oc_fail(o, "stuck: the handshake made no progress");
        return -1;
    }
    oc_str(&d->c.o, "version", unitls_conn_version(d->c.conn),
           version_name(max_version));
    oc_str(&d->s.o, "version", unitls_conn_version(d->s.conn),
           version_name(max_version));
    return 0;
}

static int hduo_open_established(struct hduo *d, const char *id,
                                 int max_version, struct outcome *o)
{
    if (hduo_open(d, id, max_version, o) != 0)
        return -1;
    return hduo_handshake(d, max_version, o);
}

/* One read of up to `len` bytes, recorded as key=<status>/<n>. */
static void expect_read(struct hend *e, const char *key, void *buf,
                        size_t len, int want, size_t want_n)
{
    size_t n = 12345;
    int st = unitls_conn_read(e->conn, buf, len, &n);

    oc_put(&e->o, key, "%s/%zu", oc_status_name(st), n);
    if (st != want || n != want_n)
        oc_fail(&e->o, "%s%s: got %s/%zu, want %s/%zu", e->o.prefix, key,
                oc_status_name(st), n, oc_status_name(want), want_n);
}

static void expect_write(struct hend *e, const char *key, const char *text)
{
    size_t len = strlen(text), n = 0;

    oc_status(&e->o, key, unitls_conn_write(e->conn, text, len, &n),
              UNITLS_OK);
    if (n != len)
        oc_fail(&e->o, "%s%s: %zu of %zu bytes taken", e->o.prefix, key, n,
                len);
}

static void expect_alerts(struct hend *e, int sent, int recv)
{
    oc_int(&e->o, "alert_sent", unitls_conn_alert_sent(e->conn), sent);
    oc_int(&e->o, "alert_recv", unitls_conn_alert_received(e->conn), recv);
}

/* --- shutdown ------------------------------------------------------------ */

/* Shutdown on a connection whose handshake has started but not finished
 * (each end has answered WANT_READ once): UNITLS_E_STATE, as conn.h says
 * for "before the handshake completed", and nothing else changes: the
 * handshake then completes and the connection closes cleanly. */
static void shutdown_mid_handshake(const char *id, int max_version)
{
    struct outcome o;
    struct hduo d;

    if (hduo_open(&d, id, max_version, &o) == 0) {
        oc_status(&d.c.o, "hs_first", unitls_conn_handshake(d.c.conn),
                  UNITLS_WANT_READ);
        oc_status(&d.c.o, "shutdown_mid", unitls_conn_shutdown(d.c.conn),
                  UNITLS_E_STATE);
        oc_status(&d.s.o, "hs_first", unitls_conn_handshake(d.s.conn),
                  UNITLS_WANT_READ);
        oc_status(&d.s.o, "shutdown_mid", unitls_conn_shutdown(d.s.conn),
                  UNITLS_E_STATE);
        if (hduo_handshake(&d, max_version, &o) == 0) {
            unsigned char b[8];
            oc_status(&d.c.o, "shutdown", unitls_conn_shutdown(d.c.conn),
                      UNITLS_OK);
            expect_read(&d.s, "read_close", b, sizeof(b), UNITLS_OK, 0);
            oc_int(&d.s.o, "peer_closed", unitls_conn_peer_closed(d.s.conn),
                   1);
        }
    }
    hduo_close(&d, &o);
}

START_TEST(shutdown_mid_handshake_13)
{
    shutdown_mid_handshake("hostile.shutdown_mid_handshake", 0);
}
END_TEST

START_TEST(shutdown_mid_handshake_12)
{
    shutdown_mid_handshake("hostile.shutdown_mid_handshake_tls12",
                           UNITLS_TLS1_2);
}
END_TEST

/* Unidirectional shutdown (TLS 1.3 half-close, RFC 8446 section 6.1): the
 * client sends close_notify; the server reads it as end of data and keeps
 * writing; the client, which may no longer write, still reads every byte
 * the server sends, then the server's own close_notify. */
START_TEST(unidirectional_shutdown)
{
    struct outcome o;
    struct hduo d;
    char b[64];
    size_t n = 99;

    if (hduo_open_established(&d, "hostile.unidirectional_shutdown", 0,
                              &o) == 0) {
        oc_status(&d.c.o, "shutdown", unitls_conn_shutdown(d.c.conn),
                  UNITLS_OK);
        oc_status(&d.c.o, "write_after",
                  unitls_conn_write(d.c.conn, "x", 1, &n), UNITLS_E_STATE);
        expect_read(&d.s, "read_close", b, sizeof(b), UNITLS_OK, 0);
        oc_int(&d.s.o, "peer_closed", unitls_conn_peer_closed(d.s.conn), 1);
        expect_write(&d.s, "write1", "still ");
        expect_write(&d.s, "write2", "talking");
        expect_read(&d.c, "read1", b, 6, UNITLS_OK, 6);
        oc_true(&d.c.o, "data1", memcmp(b, "still ", 6) == 0);
        expect_read(&d.c, "read2", b, sizeof(b), UNITLS_OK, 7);
        oc_true(&d.c.o, "data2", memcmp(b, "talking", 7) == 0);
        oc_int(&d.c.o, "peer_closed_before",
               unitls_conn_peer_closed(d.c.conn), 0);
        oc_status(&d.s.o, "shutdown", unitls_conn_shutdown(d.s.conn),
                  UNITLS_OK);
        expect_read(&d.c, "read_close", b, sizeof(b), UNITLS_OK, 0);
        oc_int(&d.c.o, "peer_closed", unitls_conn_peer_closed(d.c.conn), 1);
        expect_alerts(&d.c, ALERT_NONE, ALERT_NONE);
        expect_alerts(&d.s, ALERT_NONE, ALERT_NONE);
    }
    hduo_close(&d, &o);
}
END_TEST

/* Bidirectional shutdown over callback I/O with the close_notify alerts
 * crossing: both ends shut down before either has read anything, then
 * each reads the other's close_notify as end of data (twice: it stays). */
static void shutdown_crossed(const char *id, int max_version)
{
    struct outcome o;
    struct hduo d;
    unsigned char b[8];

    if (hduo_open_established(&d, id, max_version, &o) == 0) {
        oc_status(&d.c.o, "shutdown", unitls_conn_shutdown(d.c.conn),
                  UNITLS_OK);
        oc_status(&d.s.o, "shutdown", unitls_conn_shutdown(d.s.conn),
                  UNITLS_OK);
        expect_read(&d.c, "read_close", b, sizeof(b), UNITLS_OK, 0);
        expect_read(&d.s, "read_close", b, sizeof(b), UNITLS_OK, 0);
        expect_read(&d.c, "read_again", b, sizeof(b), UNITLS_OK, 0);
        expect_read(&d.s, "read_again", b, sizeof(b), UNITLS_OK, 0);
        oc_int(&d.c.o, "peer_closed", unitls_conn_peer_closed(d.c.conn), 1);
        oc_int(&d.s.o, "peer_closed", unitls_conn_peer_closed(d.s.conn), 1);
        expect_alerts(&d.c, ALERT_NONE, ALERT_NONE);
        expect_alerts(&d.s, ALERT_NONE, ALERT_NONE);
    }
    hduo_close(&d, &o);
}

START_TEST(shutdown_crossed_13)
{
    shutdown_crossed("hostile.shutdown_crossed", 0);
}
END_TEST

START_TEST(shutdown_crossed_12)
{
    shutdown_crossed("hostile.shutdown_crossed_tls12", UNITLS_TLS1_2);
}
END_TEST

/* --- broken records after the handshake --------------------------------- */

/* An application_data record header promising 64 bytes, 10 of them, then
 * the end of the stream: UNITLS_E_EOF (the transport ended inside a
 * record, with no close_notify), and the connection is closed for good. */
static void truncated_record(const char *id, int max_version)
{
    static const unsigned char rec[15] = {0x17, 0x03, 0x03, 0x00, 0x40};
    struct outcome o;
    struct hduo d;
    unsigned char b[64];

    if (hduo_open_established(&d, id, max_version, &o) == 0) {
        hp_inject(&d.s2c, rec, sizeof(rec));
        d.s2c.eof = 1;
        expect_read(&d.c, "read", b, sizeof(b), UNITLS_E_EOF, 0);
        expect_read(&d.c, "read_again", b, sizeof(b), UNITLS_E_CLOSED, 0);
        oc_int(&d.c.o, "peer_closed", unitls_conn_peer_closed(d.c.conn), 0);
    }
    hduo_close(&d, &o);
}

START_TEST(truncated_record_13)
{
    truncated_record("hostile.truncated_record", 0);
}
END_TEST

START_TEST(truncated_record_12)
{
    truncated_record("hostile.truncated_record_tls12", UNITLS_TLS1_2);
}
END_TEST

/* An application_data record longer than the protocol allows (at most
 * 2^14 + 256 bytes in TLS 1.3, RFC 8446 section 5.2; 2^14 + 2048 in TLS
 * 1.2, RFC 5246 section 6.2.3), sent in full: the reader's read fails with
 * UNITLS_E_PROTOCOL, and it answers with record_overflow (22), as both
 * RFCs require; the other end reads that alert (UNITLS_E_PEER_ALERT).
 *
 * `len` is 2^14 + 2048 + 1, over the limit of either version, or, in TLS
 * 1.3, 2^14 + 256 + 1, over the TLS 1.3 limit only. BoringSSL checks a TLS
 * 1.3 record only against the TLS 1.2 limit, and would decrypt the latter
 * and answer bad_record_mac (20); unitls' record tracker notices it first
 * (common/tls_records.h) and the provider answers record_overflow
 * (ossl_compat.h), as OpenSSL and wolfSSL do. */
static void oversized_record(const char *id, int max_version, size_t len)
{
    unsigned char *rec = calloc(1, 5 + len);
    struct outcome o;
    struct hduo d;
    unsigned char b[64];

    if (hduo_open_established(&d, id, max_version, &o) == 0 && rec != NULL) {
        rec[0] = 0x17;
        rec[1] = 0x03;
        rec[2] = 0x03;
        rec[3] = (unsigned char)(len >> 8);
        rec[4] = (unsigned char)len;
        hp_inject(&d.s2c, rec, 5 + len);
        expect_read(&d.c, "read", b, sizeof(b), UNITLS_E_PROTOCOL, 0);
        expect_read(&d.c, "read_again", b, sizeof(b), UNITLS_E_CLOSED, 0);
        expect_alerts(&d.c, ALERT_RECORD_OVERFLOW, ALERT_NONE);
        expect_read(&d.s, "read", b, sizeof(b), UNITLS_E_PEER_ALERT, 0);
        expect_alerts(&d.s, ALERT_NONE, ALERT_RECORD_OVERFLOW);
    }
    free(rec);
    hduo_close(&d, &o);
}

START_TEST(oversized_record_13)
{
    oversized_record("hostile.oversized_record", 0, 16384 + 2048 + 1);
}
END_TEST

START_TEST(oversized_record_13_limit)
{
    oversized_record("hostile.oversized_record_tls13_limit", 0,
                     16384 + 256 + 1);
}
END_TEST

START_TEST(oversized_record_12)
{
    oversized_record("hostile.oversized_record_tls12", UNITLS_TLS1_2,
                     16384 + 2048 + 1);
}
END_TEST

/* --- an alert in the middle of a stream ---------------------------------- */

/* The server sends application data; then it receives a record that fails
 * authentication (an application_data record of zeros: 32 bytes for TLS
 * 1.3, nonce + 16 + tag for TLS 1.2 AES-GCM), so its read fails with
 * UNITLS_E_PROTOCOL and it sends a fatal bad_record_mac (20) alert. The
 * client reads the data first, in full, and then the alert:
 * UNITLS_E_PEER_ALERT with alert 20; both connections are closed. */
static void alert_after_data(const char *id, int max_version)
{
    static const unsigned char bad[5 + 40] = {0x17, 0x03, 0x03, 0x00, 40};
    struct outcome o;
    struct hduo d;
    unsigned char b[64];

    if (hduo_open_established(&d, id, max_version, &o) == 0) {
        expect_write(&d.s, "write", "data before the alert");
        hp_inject(&d.c2s, bad, sizeof(bad));
        expect_read(&d.s, "read", b, sizeof(b), UNITLS_E_PROTOCOL, 0);
        expect_alerts(&d.s, ALERT_BAD_RECORD_MAC, ALERT_NONE);
        expect_read(&d.c, "read_data", b, sizeof(b), UNITLS_OK, 21);
        oc_true(&d.c.o, "data",
                memcmp(b, "data before the alert", 21) == 0);
        expect_read(&d.c, "read_alert", b, sizeof(b), UNITLS_E_PEER_ALERT, 0);
        expect_read(&d.c, "read_again", b, sizeof(b), UNITLS_E_CLOSED, 0);
        expect_alerts(&d.c, ALERT_NONE, ALERT_BAD_RECORD_MAC);
    }
    hduo_close(&d, &o);
}

START_TEST(alert_after_data_13)
{
    alert_after_data("hostile.alert_after_data", 0);
}
END_TEST

START_TEST(alert_after_data_12)
{
    alert_after_data("hostile.alert_after_data_tls12", UNITLS_TLS1_2);
}
END_TEST

/* A plaintext fatal handshake_failure (40) alert in place of the
 * ServerHello (a server may send one before it has any key): the client's
 * handshake fails with UNITLS_E_PEER_ALERT and records alert 40. */
START_TEST(alert_instead_of_server_hello)
{
    static const unsigned char alert[7] = {0x15, 0x03, 0x03, 0x00,
                                           0x02, 0x02, 40};
    struct outcome o;
    struct hduo d;

    if (hduo_open(&d, "hostile.alert_instead_of_server_hello", 0, &o) == 0) {
        oc_status(&d.c.o, "hs_first", unitls_conn_handshake(d.c.conn),
                  UNITLS_WANT_READ);
        hp_inject(&d.s2c, alert, sizeof(alert));
        oc_status(&d.c.o, "hs", unitls_conn_handshake(d.c.conn),
                  UNITLS_E_PEER_ALERT);
        expect_alerts(&d.c, ALERT_NONE, ALERT_HANDSHAKE_FAILURE);
        oc_str(&d.c.o, "version", unitls_conn_version(d.c.conn), NULL);
    }
    hduo_close(&d, &o);
}
END_TEST

/* --- a peer that stops mid-handshake ------------------------------------- */

static int nonblocking_socketpair(int fds[2])
{
    int i;

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return -1;
    for (i = 0; i < 2; i++)
        if (fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK) != 0)
            return -1;
    return 0;
}

/* On a non-blocking socket whose peer sends nothing (or stops after part
 * of its first flight), the handshake returns UNITLS_WANT_READ at once,
 * every time, and never blocks: an application bounds a handshake by
 * polling with its own timeout (conn.h). Right answer for a client whose
 * server is silent, a server whose client is silent, and a server that got
 * a record header promising 512 bytes and 100 of them: WANT_READ, twice,
 * and shutdown in the meantime is UNITLS_E_STATE. */
START_TEST(peer_stops_mid_handshake)
{
    static const unsigned char partial[105] = {0x16, 0x03, 0x01, 0x02, 0x00,
                                               0x01, 0x00, 0x01, 0xfc, 0x03,
                                               0x03};
    struct outcome o;
    int fds[2] = {-1, -1}, i;

    oc_init(&o, "hostile.peer_stops_mid_handshake", "");
    for (i = 0; i < 3; i++) {
        static const char *const names[] = {"client_silent_server",
                                            "server_silent_client",
                                            "server_partial_hello"};
        struct hend e;
        char key[64];
        int st;

        memset(&e, 0, sizeof(e));
        e.is_server = i > 0;
        oc_init(&e.o, o.id, "");
        if (nonblocking_socketpair(fds) != 0) {
            oc_fail(&o, "cannot create the socketpair: %s", strerror(errno));
            break;
        }
        if (i == 2)
            net_send_all(fds[1], partial, sizeof(partial));
        st = hend_setup(&e, 0);
        if (st == UNITLS_OK)
            st = unitls_conn_set_fd(e.conn, fds[0]);
        snprintf(key, sizeof(key), "%s.setup", names[i]);
        oc_status(&o, key, st, UNITLS_OK);
        if (st == UNITLS_OK) {
            snprintf(key, sizeof(key), "%s.hs", names[i]);
            oc_status(&o, key, unitls_conn_handshake(e.conn),
                      UNITLS_WANT_READ);
            snprintf(key, sizeof(key), "%s.hs_again", names[i]);
            oc_status(&o, key, unitls_conn_handshake(e.conn),
                      UNITLS_WANT_READ);
            snprintf(key, sizeof(key), "%s.shutdown", names[i]);
            oc_status(&o, key, unitls_conn_shutdown(e.conn), UNITLS_E_STATE);
        }
        unitls_conn_free(e.conn);
        unitls_ctx_free(e.ctx);
        close(fds[0]);
        close(fds[1]);
    }
    oc_finish(&o);
}
END_TEST

/* --- 16 MiB in one write ------------------------------------------------- */

#define BIG ((size_t)16 * MIB)

/* Blocking socketpair, two threads: the client hands all 16 MiB to one
 * unitls_conn_write(), which returns UNITLS_OK with every byte taken; the
 * server reads them all, byte for byte, then the close_notify. */
static void after_write_16m_once(struct end *e)
{
    unsigned char *buf = malloc(BIG);
    size_t n = 0;

    if (!end_ok(e) || buf == NULL) {
        oc_true(&e->o, "prepared", buf != NULL);
        free(buf);
        return;
    }
    fill_pattern(buf, BIG);
    oc_status(&e->o, "write", unitls_conn_write(e->conn, buf, BIG, &n),
              UNITLS_OK);
    oc_int(&e->o, "written", (long long)n, (long long)BIG);
    io_expect_shutdown(e, "shutdown");
    free(buf);
}

static void after_read_16m(struct end *e)
{
    unsigned char *buf = malloc(BIG), *want = malloc(BIG);
    size_t got = 0;

    if (end_ok(e) && buf != NULL && want != NULL) {
        fill_pattern(want, BIG);
        oc_status(&e->o, "read_data", io_read_exact(e->conn, buf, BIG, &got),
                  UNITLS_OK);
        oc_int(&e->o, "received", (long long)got, (long long)BIG);
        oc_true(&e->o, "equal", got == BIG && memcmp(buf, want, BIG) == 0);
        io_expect_close_notify(e);
    }
    free(buf);
    free(want);
}

static const struct pair_case write_16m_case = {
    "hostile.write_16m_blocking", TR_SOCKETPAIR,
    {CLI_STD, .after = after_write_16m_once, .x = EX_OK13(CN_SERVER)},
    {SRV_STD, .after = after_read_16m, .x = EX_OK13("-")}};

START_TEST(write_16m_blocking)
{
    pair_case_run(&write_16m_case);
}
END_TEST

/* Non-blocking socketpair, one thread: the client writes all 16 MiB in one
 * call; on WANT it retries with the same buffer and length (conn.h rule 2),
 * on a partial UNITLS_OK it passes the rest; the server reads whatever has
 * arrived in between. Right answer: every byte taken exactly once and
 * received in order, and WANT_WRITE seen (16 MiB does not fit in a socket
 * buffer). */
static int wait_fds(int cfd, short cev, int sfd)
{
    struct pollfd fds[2] = {{cfd, cev, 0}, {sfd, POLLIN, 0}};
    int rc;

    do
        rc = poll(fds, 2, IO_TIMEOUT_SECONDS * 1000);
    while (rc < 0 && errno == EINTR);
    return rc > 0;
}

struct big_nb {
    struct hend c, s;
    unsigned char *out, *in;
    size_t sent, wlen, received;
    int want_write, failed;
};

/* One round: a write (or its retry) and a read. Returns 1 if bytes moved. */
static int big_nb_round(struct big_nb *b, short *cev)
{
    int progress = 0, rc;
    size_t n = 0;

    if (b->sent < BIG) {
        if (b->wlen == 0)
            b->wlen = BIG - b->sent;
        rc = unitls_conn_write(b->c.conn, b->out + b->sent, b->wlen, &n);
        if (is_want(rc)) {
            b->want_write |= rc == UNITLS_WANT_WRITE;
            *cev = rc == UNITLS_WANT_WRITE ? POLLOUT : POLLIN;
        } else if (rc != UNITLS_OK || n == 0 || n > b->wlen) {
            oc_status(&b->c.o, "write", rc, UNITLS_OK);
            b->failed = 1;
        } else {
            b->sent += n;
            b->wlen = 0;
            progress = 1;
        }
    }
    n = 0;
    if (b->received < BIG) {
        rc = unitls_conn_read(b->s.conn, b->in + b->received,
                              BIG - b->received, &n);
        if (rc == UNITLS_OK && n > 0) {
            b->received += n;
            progress = 1;
        } else if (!is_want(rc)) {
            oc_status(&b->s.o, "read", rc, UNITLS_OK);
            b->failed = 1;
        }
    }
    return progress;
}

START_TEST(write_16m_nonblocking)
{
    struct outcome o;
    struct big_nb b;
    int fds[2] = {-1, -1}, st = UNITLS_OK, round;

    memset(&b, 0, sizeof(b));
    oc_init(&o, "hostile.write_16m_nonblocking", "");
    oc_init(&b.c.o, o.id, "c.");
    oc_init(&b.s.o, o.id, "s.");
    b.s.is_server = 1;
    b.out = malloc(BIG);
    b.in = malloc(BIG);
    if (b.out == NULL || b.in == NULL || nonblocking_socketpair(fds) != 0) {
        oc_fail(&o, "cannot prepare buffers and sockets");
        goto out;
    }
    fill_pattern(b.out, BIG);
    if ((st = hend_setup(&b.c, 0)) == UNITLS_OK &&
        (st = hend_setup(&b.s, 0)) == UNITLS_OK &&
        (st = unitls_conn_set_fd(b.c.conn, fds[0])) == UNITLS_OK)
        st = unitls_conn_set_fd(b.s.conn, fds[1]);
    oc_status(&o, "setup", st, UNITLS_OK);
    if (st != UNITLS_OK)
        goto out;
    b.c.hs = b.s.hs = UNITLS_WANT_READ;
    for (round = 0; round < 1000 && (is_want(b.c.hs) || is_want(b.s.hs));
         round++) {
        if (is_want(b.c.hs))
            b.c.hs = unitls_conn_handshake(b.c.conn);
        if (is_want(b.s.hs))
            b.s.hs = unitls_conn_handshake(b.s.conn);
        if ((is_want(b.c.hs) || is_want(b.s.hs)) &&
            !wait_fds(fds[0], POLLIN, fds[1]))
            break;
    }
    oc_status(&b.c.o, "hs", b.c.hs, UNITLS_OK);
    oc_status(&b.s.o, "hs", b.s.hs, UNITLS_OK);
    if (b.c.hs != UNITLS_OK || b.s.hs != UNITLS_OK)
        goto out;
    while (!b.failed && (b.sent < BIG || b.received < BIG)) {
        short cev = 0;
        if (!big_nb_round(&b, &cev) && !b.failed &&
            !wait_fds(b.sent < BIG ? fds[0] : -1, cev, fds[1])) {
            oc_fail(&o, "stuck: no end can move");
            break;
        }
    }
    oc_int(&b.c.o, "written", (long long)b.sent, (long long)BIG);
    oc_int(&b.s.o, "received", (long long)b.received, (long long)BIG);
    oc_true(&b.s.o, "equal",
            b.received == BIG && memcmp(b.in, b.out, BIG) == 0);
    oc_true(&b.c.o, "want_write", b.want_write);
out:
    oc_merge(&o, &b.c.o);
    oc_merge(&o, &b.s.o);
    unitls_conn_free(b.c.conn);
    unitls_conn_free(b.s.conn);
    unitls_ctx_free(b.c.ctx);
    unitls_ctx_free(b.s.ctx);
    if (fds[0] >= 0)
        close(fds[0]);
    if (fds[1] >= 0)
        close(fds[1]);
    free(b.out);
    free(b.in);
    oc_finish(&o);
}
END_TEST

Suite *suite_hostile(void)
{
    Suite *s = suite_create("hostile");
    TCase *tc = conf_tcase("hostile");

    tcase_add_test(tc, shutdown_mid_handshake_13);
    tcase_add_test(tc, shutdown_mid_handshake_12);
    tcase_add_test(tc, unidirectional_shutdown);
    tcase_add_test(tc, shutdown_crossed_13);
    tcase_add_test(tc, shutdown_crossed_12);
    tcase_add_test(tc, truncated_record_13);
    tcase_add_test(tc, truncated_record_12);
    tcase_add_test(tc, oversized_record_13);
    tcase_add_test(tc, oversized_record_13_limit);
    tcase_add_test(tc, oversized_record_12);
    tcase_add_test(tc, alert_after_data_13);
    tcase_add_test(tc, alert_after_data_12);
    tcase_add_test(tc, alert_instead_of_server_hello);
    tcase_add_test(tc, peer_stops_mid_handshake);
    tcase_add_test(tc, write_16m_blocking);
    tcase_add_test(tc, write_16m_nonblocking);
    suite_add_tcase(s, tc);
    return s;
}
