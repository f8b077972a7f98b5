/* The connection state machine and context immutability: what each call
 * answers before the handshake, after it, and after a failure. */
#include <unistd.h>

#include "io.h"
#include "net.h"
#include "outcome.h"
#include "pair.h"
#include "suites.h"

/* A client connection on one end of a fresh socketpair; the handshake is
 * never run. */
struct idle_conn {
    int fds[2];
    unitls_ctx *ctx;
    unitls_conn *conn;
};

static int idle_open(struct idle_conn *ic, unitls_role role, int with_fd)
{
    if (net_socketpair(ic->fds) != 0)
        return -1;
    ic->ctx = unitls_ctx_new(role);
    ic->conn = unitls_conn_new(ic->ctx);
    if (ic->conn == NULL)
        return -1;
    if (role == UNITLS_ROLE_CLIENT)
        unitls_conn_set_server_name(ic->conn, "localhost");
    return with_fd ? unitls_conn_set_fd(ic->conn, ic->fds[0]) : 0;
}

static void idle_close(struct idle_conn *ic)
{
    unitls_conn_free(ic->conn);
    unitls_ctx_free(ic->ctx);
    close(ic->fds[0]);
    close(ic->fds[1]);
}

START_TEST(io_before_handshake)
{
    struct idle_conn ic;
    struct outcome o;
    char buf[8];
    size_t n = 5;

    oc_init(&o, "state.io_before_handshake", "");
    oc_true(&o, "setup", idle_open(&ic, UNITLS_ROLE_CLIENT, 1) == 0);
    oc_status(&o, "read", unitls_conn_read(ic.conn, buf, sizeof(buf), &n),
              UNITLS_E_STATE);
    oc_int(&o, "nread", (long long)n, 0);
    oc_status(&o, "write", unitls_conn_write(ic.conn, "x", 1, &n),
              UNITLS_E_STATE);
    oc_status(&o, "shutdown", unitls_conn_shutdown(ic.conn), UNITLS_E_STATE);
    oc_status(&o, "read_still_state",
              unitls_conn_read(ic.conn, buf, sizeof(buf), &n), UNITLS_E_STATE);
    idle_close(&ic);
    oc_finish(&o);
}
END_TEST

START_TEST(getters_before_handshake)
{
    struct idle_conn ic;
    struct outcome o;

    oc_init(&o, "state.getters_before_handshake", "");
    oc_true(&o, "setup", idle_open(&ic, UNITLS_ROLE_CLIENT, 1) == 0);
    oc_str(&o, "version", unitls_conn_version(ic.conn), NULL);
    oc_str(&o, "cipher", unitls_conn_cipher(ic.conn), NULL);
    oc_true(&o, "peer_cert_null", unitls_conn_peer_cert(ic.conn) == NULL);
    oc_int(&o, "verify_errors",
           (long long)unitls_conn_verify_error_count(ic.conn), 0);
    oc_int(&o, "alert_sent", unitls_conn_alert_sent(ic.conn), -1);
    oc_int(&o, "alert_recv", unitls_conn_alert_received(ic.conn), -1);
    oc_int(&o, "peer_closed", unitls_conn_peer_closed(ic.conn), 0);
    oc_int(&o, "pending", (long long)unitls_conn_pending(ic.conn), 0);
    oc_str(&o, "error", unitls_conn_error(ic.conn), "");
    idle_close(&ic);
    oc_finish(&o);
}
END_TEST

START_TEST(handshake_without_fd)
{
    struct idle_conn client, server;
    struct outcome o;

    oc_init(&o, "state.handshake_without_fd", "");
    oc_true(&o, "setup", idle_open(&client, UNITLS_ROLE_CLIENT, 0) == 0 &&
                             idle_open(&server, UNITLS_ROLE_SERVER, 0) == 0);
    oc_status(&o, "client", unitls_conn_handshake(client.conn),
              UNITLS_E_STATE);
    oc_status(&o, "server", unitls_conn_handshake(server.conn),
              UNITLS_E_STATE);
    oc_status(&o, "fd_after", unitls_conn_set_fd(client.conn, client.fds[0]),
              UNITLS_OK);
    idle_close(&client);
    idle_close(&server);
    oc_finish(&o);
}
END_TEST

START_TEST(names_on_server_conn)
{
    struct idle_conn ic;
    struct outcome o;

    oc_init(&o, "state.names_on_server_conn", "");
    oc_true(&o, "setup", idle_open(&ic, UNITLS_ROLE_SERVER, 1) == 0);
    oc_status(&o, "server_name",
              unitls_conn_set_server_name(ic.conn, "localhost"),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "verify_name",
              unitls_conn_set_verify_name(ic.conn, "localhost"),
              UNITLS_E_INVALID_ARG);
    idle_close(&ic);
    oc_finish(&o);
}
END_TEST

/* After the client failed verification: every I/O call is UNITLS_E_CLOSED,
 * the error message and the verification errors stay. */
static void after_failed_everything_closed(struct end *e)
{
    char buf[8];
    size_t n = 5;
    int depth = 5;
    const unitls_cert *cert = (const unitls_cert *)1;

    if (e->conn == NULL || e->hs == UNITLS_OK)
        return;
    oc_status(&e->o, "read", unitls_conn_read(e->conn, buf, 8, &n),
              UNITLS_E_CLOSED);
    oc_int(&e->o, "nread", (long long)n, 0);
    oc_status(&e->o, "write", unitls_conn_write(e->conn, "x", 1, &n),
              UNITLS_E_CLOSED);
    oc_status(&e->o, "shutdown", unitls_conn_shutdown(e->conn),
              UNITLS_E_CLOSED);
    oc_status(&e->o, "handshake", unitls_conn_handshake(e->conn),
              UNITLS_E_CLOSED);
    oc_true(&e->o, "error_kept", unitls_conn_error(e->conn)[0] != '\0');
    oc_int(&e->o, "verify_error_out_of_range",
           unitls_conn_verify_error(e->conn, 99, &depth, &cert), 0);
}

/* After a completed handshake: the transport and names can no longer
 * change, the handshake answers OK again, bad I/O arguments are rejected. */
static void after_ok_setters_and_args(struct end *e)
{
    char buf[8];
    size_t n = 5;

    if (!end_ok(e))
        return;
    oc_status(&e->o, "handshake_again", unitls_conn_handshake(e->conn),
              UNITLS_OK);
    oc_status(&e->o, "set_fd", unitls_conn_set_fd(e->conn, e->fd),
              UNITLS_E_STATE);
    oc_status(&e->o, "set_server_name",
              unitls_conn_set_server_name(e->conn, "localhost"),
              UNITLS_E_STATE);
    oc_status(&e->o, "set_verify_name",
              unitls_conn_set_verify_name(e->conn, "localhost"),
              UNITLS_E_STATE);
    oc_status(&e->o, "read_null_buf", unitls_conn_read(e->conn, NULL, 8, &n),
              UNITLS_E_INVALID_ARG);
    oc_status(&e->o, "read_null_nread", unitls_conn_read(e->conn, buf, 8, NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(&e->o, "read_len0", unitls_conn_read(e->conn, buf, 0, &n),
              UNITLS_E_INVALID_ARG);
    oc_status(&e->o, "write_null_buf", unitls_conn_write(e->conn, NULL, 1, &n),
              UNITLS_E_INVALID_ARG);
    oc_status(&e->o, "write_null_nwritten",
              unitls_conn_write(e->conn, "x", 1, NULL), UNITLS_E_INVALID_ARG);
    io_expect_shutdown(e, "shutdown_works");
}

static void after_ok_read_close(struct end *e)
{
    if (end_ok(e))
        io_expect_close_notify(e);
}

static const struct pair_case pair_cases[] = {
    {"state.closed_after_failed_handshake", TR_SOCKETPAIR,
     {CLI_STD, .after = after_failed_everything_closed,
      .x = EX_FAIL(UNITLS_E_VERIFY, "[self_signed_in_chain@2]",
                  ALERT_UNKNOWN_CA, ALERT_NONE)},
     {.chain = "other-server-fullchain.pem", .key = "other-server.key",
      .after = after_failed_everything_closed,
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE, ALERT_UNKNOWN_CA)}},
    {"state.after_handshake", TR_SOCKETPAIR,
     {CLI_STD, .after = after_ok_setters_and_args, .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .after = after_ok_read_close, .x = EX_OK13("-")}},
};

START_TEST(state_pair_case)
{
    pair_case_run(&pair_cases[_i]);
}
END_TEST

Suite *suite_state(void)
{
    Suite *s = suite_create("state");
    TCase *tc = conf_tcase("state");

    tcase_add_test(tc, io_before_handshake);
    tcase_add_test(tc, getters_before_handshake);
    tcase_add_test(tc, handshake_without_fd);
    tcase_add_test(tc, names_on_server_conn);
    ADD_TABLE(tc, state_pair_case, pair_cases);
    state_ctx_add(tc);
    suite_add_tcase(s, tc);
    return s;
}
