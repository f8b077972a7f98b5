/* Peers that do not speak TLS, or stop in the middle: a raw socket plays
 * the server or the client. Raw ends never close early: they half-close
 * (SHUT_WR) and drain, so the TLS end sees exactly EOF or the bytes sent,
 * never a connection reset. */
#include <string.h>
#include <sys/socket.h>

#include "net.h"
#include "pair.h"
#include "suites.h"

/* Reads the client's first bytes and records whether they start a TLS
 * handshake record (content type 22, major version 3). */
static void read_client_hello_start(struct end *e)
{
    unsigned char buf[5];
    ssize_t n = net_recv_some(e->fd, buf, sizeof(buf));

    oc_true(&e->o, "client_hello_record", n >= 3 && buf[0] == 0x16 &&
                                              buf[1] == 0x03);
}

static void finish_raw(struct end *e)
{
    shutdown(e->fd, SHUT_WR);
    net_drain(e->fd);
}

/* Server: answers the ClientHello with `sarg`, then closes its side. */
static void raw_server_says(struct end *e)
{
    read_client_hello_start(e);
    net_send_all(e->fd, e->cfg->sarg, strlen(e->cfg->sarg));
    finish_raw(e);
}

/* Server: reads part of the ClientHello, then closes its side. */
static void raw_server_hangs_up(struct end *e)
{
    read_client_hello_start(e);
    finish_raw(e);
}

/* Server: closes its side before reading anything. */
static void raw_server_closes_at_once(struct end *e)
{
    finish_raw(e);
}

/* Client: sends `sarg` (arg bytes of it when arg > 0), then closes its side. */
static void raw_client_says(struct end *e)
{
    size_t len = e->cfg->arg > 0 ? (size_t)e->cfg->arg : strlen(e->cfg->sarg);

    net_send_all(e->fd, e->cfg->sarg, len);
    finish_raw(e);
}

#define NOT_TLS "HELLO this is not TLS\r\n"
#define HTTP_GET "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
/* A TLS handshake record header announcing 512 bytes, and nothing after. */
#define PARTIAL_RECORD "\x16\x03\x01\x02\x00"

/* Whether an end sends an alert to a peer that is not speaking TLS or has
 * gone is not specified: recorded, not checked. */
#define EX_RAW_FAIL(st) EX_FAIL(st, "[]", ALERT_ANY, ALERT_NONE)

static const struct pair_case cases[] = {
    {"raw.server_not_tls", TR_SOCKETPAIR,
     {CLI_STD, .x = EX_RAW_FAIL(UNITLS_E_PROTOCOL)},
     {.raw = raw_server_says, .sarg = NOT_TLS}},
    {"raw.server_http_response", TR_SOCKETPAIR,
     {CLI_STD, .x = EX_RAW_FAIL(UNITLS_E_PROTOCOL)},
     {.raw = raw_server_says, .sarg = "HTTP/1.1 400 Bad Request\r\n\r\n"}},
    {"raw.server_closes_mid_handshake", TR_SOCKETPAIR,
     {CLI_STD, .x = EX_RAW_FAIL(UNITLS_E_EOF)},
     {.raw = raw_server_hangs_up}},
    {"raw.server_closes_at_once", TR_SOCKETPAIR,
     {CLI_STD, .x = EX_RAW_FAIL(UNITLS_E_EOF)},
     {.raw = raw_server_closes_at_once}},
    {"raw.client_http_request", TR_SOCKETPAIR,
     {.raw = raw_client_says, .sarg = HTTP_GET},
     {SRV_STD, .x = EX_RAW_FAIL(UNITLS_E_PROTOCOL)}},
    {"raw.client_not_tls", TR_SOCKETPAIR,
     {.raw = raw_client_says, .sarg = NOT_TLS},
     {SRV_STD, .x = EX_RAW_FAIL(UNITLS_E_PROTOCOL)}},
    {"raw.client_partial_record", TR_SOCKETPAIR,
     {.raw = raw_client_says, .sarg = PARTIAL_RECORD, .arg = 5},
     {SRV_STD, .x = EX_RAW_FAIL(UNITLS_E_EOF)}},
    {"raw.client_closes_at_once", TR_SOCKETPAIR,
     {.raw = raw_client_says, .sarg = ""},
     {SRV_STD, .x = EX_RAW_FAIL(UNITLS_E_EOF)}},
    {"raw.tcp_server_not_tls", TR_TCP,
     {CLI_STD, .x = EX_RAW_FAIL(UNITLS_E_PROTOCOL)},
     {.raw = raw_server_says, .sarg = NOT_TLS}},
    {"raw.tcp_server_closes_mid_handshake", TR_TCP,
     {CLI_STD, .x = EX_RAW_FAIL(UNITLS_E_EOF)},
     {.raw = raw_server_hangs_up}},
    {"raw.tcp_client_http_request", TR_TCP,
     {.raw = raw_client_says, .sarg = HTTP_GET},
     {SRV_STD, .x = EX_RAW_FAIL(UNITLS_E_PROTOCOL)}},
};

START_TEST(raw_case)
{
    pair_case_run(&cases[_i]);
}
END_TEST

Suite *suite_rawpeer(void)
{
    Suite *s = suite_create("rawpeer");
    TCase *tc = conf_tcase("rawpeer");

    ADD_TABLE(tc, raw_case, cases);
    suite_add_tcase(s, tc);
    return s;
}
