/* Closing: close_notify one way, the other way and both ways; a transport
 * that ends without close_notify (ragged EOF); what shutdown allows after. */
#include "io.h"
#include "pair.h"
#include "suites.h"

static void after_shutdown(struct end *e)
{
    if (end_ok(e))
        io_expect_shutdown(e, "shutdown");
}

static void after_read_close_notify(struct end *e)
{
    if (end_ok(e))
        io_expect_close_notify(e);
}

static void after_shutdown_then_read_close_notify(struct end *e)
{
    if (!end_ok(e))
        return;
    io_expect_shutdown(e, "shutdown");
    io_expect_close_notify(e);
}

/* The peer's socket ended without close_notify. */
static void after_read_ragged_eof(struct end *e)
{
    if (!end_ok(e))
        return;
    io_expect_read(e, "read", UNITLS_E_EOF, 0);
    oc_int(&e->o, "peer_closed", unitls_conn_peer_closed(e->conn), 0);
    io_expect_read(e, "read_again", UNITLS_E_CLOSED, 0);
}

static void after_shutdown_twice(struct end *e)
{
    if (!end_ok(e))
        return;
    io_expect_shutdown(e, "shutdown");
    io_expect_shutdown(e, "shutdown_again");
}

static void after_shutdown_then_write(struct end *e)
{
    size_t n = 99;

    if (!end_ok(e))
        return;
    io_expect_shutdown(e, "shutdown");
    oc_status(&e->o, "write", unitls_conn_write(e->conn, "x", 1, &n),
              UNITLS_E_STATE);
    oc_int(&e->o, "written", (long long)n, 0);
}

/* Server: sends "bye", then close_notify, then waits for the client's. */
static void after_bye_shutdown_read(struct end *e)
{
    if (!end_ok(e))
        return;
    oc_status(&e->o, "write", io_write_all(e->conn, "bye", 3), UNITLS_OK);
    after_shutdown_then_read_close_notify(e);
}

/* Client: after its own shutdown it still reads the server's data, then
 * the server's close_notify. */
static void after_shutdown_read_bye(struct end *e)
{
    char buf[3];
    size_t got = 0;

    if (!end_ok(e))
        return;
    io_expect_shutdown(e, "shutdown");
    oc_status(&e->o, "read_data", io_read_exact(e->conn, buf, 3, &got),
              UNITLS_OK);
    oc_true(&e->o, "read_bye", got == 3 && buf[0] == 'b' && buf[2] == 'e');
    io_expect_close_notify(e);
}

#define TLS12 UNITLS_TLS1_2
#define CLOSE(id, tr, maxv, ver, cipher, client_after, server_after)          \
    {id, tr,                                                                  \
     {CLI_STD, .max_version = (maxv), .after = (client_after),                \
      .x = EX_OK(ver, cipher, CN_SERVER)},                                     \
     {SRV_STD, .after = (server_after), .x = EX_OK(ver, cipher, "-")}}
#define CLOSE13(id, c, s) CLOSE(id, TR_SOCKETPAIR, 0, "TLSv1.3", CIPHER13, c, s)
#define CLOSE12(id, c, s)                                                     \
    CLOSE(id, TR_SOCKETPAIR, TLS12, "TLSv1.2", CIPHER12_ECDSA, c, s)
#define CLOSE_TCP(id, c, s) CLOSE(id, TR_TCP, 0, "TLSv1.3", CIPHER13, c, s)

/* The reader of a ragged EOF: whether it sends an alert into the half-closed
 * socket is not specified (recorded, not checked). */
#define EX_RAGGED(ver, ciph, peer_)                                            \
    {.hs = UNITLS_OK, .version = (ver), .cipher = (ciph), .verify = "[]",     \
     .alert_sent = ALERT_ANY, .alert_recv = ALERT_NONE, .peer = (peer_)}
/* The peer of one end ends its socket without close_notify. */
#define RAGGED_CLIENT_READS(id, tr, maxv, ver, cipher)                        \
    {id, tr,                                                                  \
     {CLI_STD, .max_version = (maxv), .after = after_read_ragged_eof,         \
      .x = EX_RAGGED(ver, cipher, CN_SERVER)},                                 \
     {SRV_STD, .x = EX_OK(ver, cipher, "-")}}
#define RAGGED_SERVER_READS(id, tr, maxv, ver, cipher)                        \
    {id, tr,                                                                  \
     {CLI_STD, .max_version = (maxv), .x = EX_OK(ver, cipher, CN_SERVER)},     \
     {SRV_STD, .after = after_read_ragged_eof, .x = EX_RAGGED(ver, cipher, "-")}}

static const struct pair_case cases[] = {
    CLOSE13("close.client_shutdown", after_shutdown, after_read_close_notify),
    CLOSE13("close.server_shutdown", after_read_close_notify, after_shutdown),
    CLOSE13("close.bidirectional", after_shutdown_then_read_close_notify,
            after_shutdown_then_read_close_notify),
    CLOSE12("close.client_shutdown_tls12", after_shutdown,
            after_read_close_notify),
    CLOSE12("close.server_shutdown_tls12", after_read_close_notify,
            after_shutdown),
    CLOSE12("close.bidirectional_tls12", after_shutdown_then_read_close_notify,
            after_shutdown_then_read_close_notify),
    RAGGED_CLIENT_READS("close.ragged_eof_client_reads", TR_SOCKETPAIR, 0,
                        "TLSv1.3", CIPHER13),
    RAGGED_SERVER_READS("close.ragged_eof_server_reads", TR_SOCKETPAIR, 0,
                        "TLSv1.3", CIPHER13),
    RAGGED_CLIENT_READS("close.ragged_eof_client_reads_tls12", TR_SOCKETPAIR,
                        TLS12, "TLSv1.2", CIPHER12_ECDSA),
    RAGGED_SERVER_READS("close.ragged_eof_server_reads_tls12", TR_SOCKETPAIR,
                        TLS12, "TLSv1.2", CIPHER12_ECDSA),
    CLOSE13("close.shutdown_twice", after_shutdown_twice,
            after_read_close_notify),
    CLOSE13("close.write_after_shutdown", after_shutdown_then_write,
            after_read_close_notify),
    CLOSE13("close.read_after_own_shutdown", after_shutdown_read_bye,
            after_bye_shutdown_read),
    CLOSE_TCP("close.tcp_bidirectional", after_shutdown_then_read_close_notify,
              after_shutdown_then_read_close_notify),
    RAGGED_CLIENT_READS("close.tcp_ragged_eof", TR_TCP, 0, "TLSv1.3",
                        CIPHER13),
};

START_TEST(close_case)
{
    pair_case_run(&cases[_i]);
}
END_TEST

Suite *suite_close(void)
{
    Suite *s = suite_create("close");
    TCase *tc = conf_tcase("close");

    ADD_TABLE(tc, close_case, cases);
    suite_add_tcase(s, tc);
    return s;
}
