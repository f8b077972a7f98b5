/* Application data after the handshake: echoes of several sizes, pending
 * bytes, full duplex, empty writes, a vanished peer, a corrupted record. */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "io.h"
#include "net.h"
#include "pair.h"
#include "pki.h"
#include "suites.h"

/* Client: writes `arg` pattern bytes, reads them back, compares. */
static void after_echo_client(struct end *e)
{
    size_t len = (size_t)e->cfg->arg, got = 0;
    unsigned char *out = malloc(len), *in = malloc(len);

    if (end_ok(e) && out != NULL && in != NULL) {
        fill_pattern(out, len);
        oc_status(&e->o, "write", io_write_all(e->conn, out, len), UNITLS_OK);
        oc_status(&e->o, "read", io_read_exact(e->conn, in, len, &got),
                  UNITLS_OK);
        oc_int(&e->o, "echoed", (long long)got, (long long)len);
        oc_true(&e->o, "echo_equal", got == len && memcmp(in, out, len) == 0);
    }
    free(out);
    free(in);
}

/* Server: reads `arg` bytes, then writes them back. */
static void after_echo_server(struct end *e)
{
    size_t len = (size_t)e->cfg->arg, got = 0;
    unsigned char *buf = malloc(len);

    if (end_ok(e) && buf != NULL) {
        oc_status(&e->o, "read", io_read_exact(e->conn, buf, len, &got),
                  UNITLS_OK);
        oc_int(&e->o, "received", (long long)got, (long long)len);
        oc_status(&e->o, "write", io_write_all(e->conn, buf, got), UNITLS_OK);
    }
    free(buf);
}

/* Both ends write `arg` bytes, then read `arg` bytes. */
static void after_full_duplex(struct end *e)
{
    after_echo_client(e);
}

static void after_write_100(struct end *e)
{
    unsigned char buf[100];

    fill_pattern(buf, sizeof(buf));
    if (end_ok(e))
        oc_status(&e->o, "write", io_write_all(e->conn, buf, sizeof(buf)),
                  UNITLS_OK);
}

/* Reads 10 of the 100 bytes the server sent in one record: 90 are pending. */
static void after_read_pending(struct end *e)
{
    unsigned char buf[100];
    size_t got = 0;

    if (!end_ok(e))
        return;
    oc_int(&e->o, "pending_before", (long long)unitls_conn_pending(e->conn), 0);
    oc_status(&e->o, "read10", io_read_exact(e->conn, buf, 10, &got),
              UNITLS_OK);
    oc_int(&e->o, "pending", (long long)unitls_conn_pending(e->conn), 90);
    oc_status(&e->o, "read90", io_read_exact(e->conn, buf + 10, 90, &got),
              UNITLS_OK);
    oc_int(&e->o, "pending_after", (long long)unitls_conn_pending(e->conn), 0);
}

/* A zero-length write succeeds and sends nothing: the peer's next record is
 * the close_notify. */
static void after_write_zero(struct end *e)
{
    size_t n = 99;

    if (!end_ok(e))
        return;
    oc_status(&e->o, "write0", unitls_conn_write(e->conn, "", 0, &n),
              UNITLS_OK);
    oc_int(&e->o, "written0", (long long)n, 0);
    io_expect_shutdown(e, "shutdown");
}

static void after_read_close_notify(struct end *e)
{
    if (end_ok(e))
        io_expect_close_notify(e);
}

/* Server: shuts its socket down both ways; a write to it fails with EPIPE. */
static void after_socket_gone(struct end *e)
{
    shutdown(e->fd, SHUT_RDWR);
}

/* Client: waits until the server socket is gone, then writes: UNITLS_E_IO,
 * no SIGPIPE (the suite does not ignore it: it would kill the test), and
 * the connection is closed for good. */
static void after_write_to_gone_peer(struct end *e)
{
    size_t n = 99;

    if (!end_ok(e) || !end_wait_peer_done(e))
        return;
    oc_status(&e->o, "write", unitls_conn_write(e->conn, "x", 1, &n),
              UNITLS_E_IO);
    oc_int(&e->o, "written", (long long)n, 0);
    oc_status(&e->o, "write_again", unitls_conn_write(e->conn, "x", 1, &n),
              UNITLS_E_CLOSED);
}

/* Server: sends an application-data record whose AEAD tag cannot verify. */
static void after_send_corrupt_record(struct end *e)
{
    unsigned char rec[5 + 48] = {0x17, 0x03, 0x03, 0x00, 48};

    fill_pattern(rec + 5, 48);
    if (end_ok(e))
        oc_true(&e->o, "raw_sent", net_send_all(e->fd, rec, sizeof(rec)) == 0);
}

/* Client: the read fails as a protocol error and sends bad_record_mac. */
static void after_read_corrupt(struct end *e)
{
    if (end_ok(e))
        io_expect_read(e, "read", UNITLS_E_PROTOCOL, 0);
}

/* Echo of n bytes; maxv limits the version (0: default), ver/cipher are
 * what both ends must negotiate. */
#define ECHO(id, tr, n, maxv, ver, cipher)                                    \
    {id, tr,                                                                  \
     {CLI_STD, .max_version = (maxv), .after = after_echo_client,             \
      .arg = (n), .x = EX_OK(ver, cipher, CN_SERVER)},                         \
     {SRV_STD, .after = after_echo_server, .arg = (n),                        \
      .x = EX_OK(ver, cipher, "-")}}
#define ECHO13(id, tr, n) ECHO(id, tr, n, 0, "TLSv1.3", CIPHER13)
#define ECHO12(id, tr, n)                                                     \
    ECHO(id, tr, n, UNITLS_TLS1_2, "TLSv1.2", CIPHER12_ECDSA)

static const struct pair_case cases[] = {
    ECHO13("data.echo_1", TR_SOCKETPAIR, 1),
    ECHO13("data.echo_16k", TR_SOCKETPAIR, 16384),
    ECHO13("data.echo_1m", TR_SOCKETPAIR, 1048576),
    ECHO12("data.echo_16k_tls12", TR_SOCKETPAIR, 16384),
    ECHO12("data.echo_1m_tls12", TR_SOCKETPAIR, 1048576),
    ECHO13("data.tcp_echo_1m", TR_TCP, 1048576),
    {"data.full_duplex_16k", TR_SOCKETPAIR,
     {CLI_STD, .after = after_full_duplex, .arg = 16384,
      .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .after = after_full_duplex, .arg = 16384, .x = EX_OK13("-")}},
    {"data.pending", TR_SOCKETPAIR,
     {CLI_STD, .after = after_read_pending, .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .after = after_write_100, .x = EX_OK13("-")}},
    {"data.write_zero_bytes", TR_SOCKETPAIR,
     {CLI_STD, .after = after_write_zero, .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .after = after_read_close_notify, .x = EX_OK13("-")}},
    {"data.write_to_gone_peer", TR_SOCKETPAIR,
     {CLI_STD, .after = after_write_to_gone_peer, .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .after = after_socket_gone, .x = EX_OK13("-")}},
    {"data.corrupt_record_tls13", TR_SOCKETPAIR,
     {CLI_STD, .after = after_read_corrupt,
      .x = {.hs = UNITLS_OK, .version = "TLSv1.3", .cipher = CIPHER13,
            .verify = "[]", .alert_sent = ALERT_BAD_RECORD_MAC,
            .alert_recv = ALERT_NONE, .peer = CN_SERVER}},
     {SRV_STD, .after = after_send_corrupt_record, .x = EX_OK13("-")}},
    {"data.corrupt_record_tls12", TR_SOCKETPAIR,
     {CLI_STD, .max_version = UNITLS_TLS1_2, .after = after_read_corrupt,
      .x = {.hs = UNITLS_OK, .version = "TLSv1.2", .cipher = CIPHER12_ECDSA,
            .verify = "[]", .alert_sent = ALERT_BAD_RECORD_MAC,
            .alert_recv = ALERT_NONE, .peer = CN_SERVER}},
     {SRV_STD, .after = after_send_corrupt_record, .x = EX_OK12("-")}},
};

START_TEST(data_case)
{
    pair_case_run(&cases[_i]);
}
END_TEST

Suite *suite_data(void)
{
    Suite *s = suite_create("data");
    TCase *tc = conf_tcase("data");

    ADD_TABLE(tc, data_case, cases);
    suite_add_tcase(s, tc);
    return s;
}
