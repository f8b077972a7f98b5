/* A renegotiation attempt by a real TLS 1.2 peer (issue 7, item 5): the
 * peer is conformance/peers/renego_peer.c on the system's OpenSSL, a
 * separate process over one end of a socket pair; unitls holds the other.
 *
 * Right answer, in both directions (ctx.h, conn.h): unitls never
 * renegotiates. The first read that meets the peer's renegotiation message
 * (a ClientHello sent to a server, a HelloRequest sent to a client: in TLS
 * 1.2 a handshake record after the handshake) fails with
 * UNITLS_E_PROTOCOL, saying that the peer attempted renegotiation; unitls
 * sends no alert, the connection is closed for good, and the peer's
 * renegotiation ends with the end of the transport, having received no
 * alert: "reset" (closing a socket with bytes unread resets it: unitls
 * read only the header of the peer's record), or "eof". Every wait is bounded: socket timeouts on both ends,
 * and the peer is killed if it has not finished in time. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "net.h"
#include "outcome.h"
#include "pair.h"
#include "peerproc.h"
#include "pki.h"
#include "suites.h"

#ifndef UT_RENEGO_PEER
#error "UT_RENEGO_PEER (the path of renego_peer) is set by CMakeLists.txt"
#endif

enum { PEER_SECONDS = 3 * IO_TIMEOUT_SECONDS };

/* The unitls end on fd, TLS 1.2 only, with the suite's PKI. */
static unitls_conn *unitls_end(int fd, int server, unitls_ctx **ctx)
{
    int st;

    *ctx = unitls_ctx_new(server ? UNITLS_ROLE_SERVER : UNITLS_ROLE_CLIENT);
    if (*ctx == NULL)
        return NULL;
    st = server ? unitls_ctx_use_certificate_file(
                      *ctx, pki_path("server-chain.pem").s,
                      pki_path("server.key").s, NULL)
                : unitls_ctx_load_verify_file(*ctx,
                                              pki_path("root-ca.crt").s);
    if (st == UNITLS_OK)
        st = unitls_ctx_set_versions(*ctx, UNITLS_TLS1_2, UNITLS_TLS1_2);
    unitls_conn *conn = st == UNITLS_OK ? unitls_conn_new(*ctx) : NULL;
    if (conn != NULL &&
        (unitls_conn_set_fd(conn, fd) != UNITLS_OK ||
         (!server &&
          unitls_conn_set_server_name(conn, "localhost") != UNITLS_OK))) {
        unitls_conn_free(conn);
        conn = NULL;
    }
    return conn;
}

/* What the unitls end must see: the handshake completes, then the read
 * that meets the renegotiation fails, once and for good, with no alert
 * either way. */
static void check_unitls_end(unitls_conn *conn, struct outcome *o)
{
    unsigned char b[64];
    size_t n = 0;

    oc_status(o, "hs", unitls_conn_handshake(conn), UNITLS_OK);
    oc_str(o, "version", unitls_conn_version(conn), "TLSv1.2");
    oc_status(o, "read", unitls_conn_read(conn, b, sizeof(b), &n),
              UNITLS_E_PROTOCOL);
    oc_true(o, "error_says_renegotiation",
            strstr(unitls_conn_error(conn), "renegotiation") != NULL);
    oc_status(o, "read_again", unitls_conn_read(conn, b, sizeof(b), &n),
              UNITLS_E_CLOSED);
    oc_int(o, "alert_sent", unitls_conn_alert_sent(conn), ALERT_NONE);
    oc_int(o, "alert_recv", unitls_conn_alert_received(conn), ALERT_NONE);
}

/* What the peer must report (renego_peer.c prints it). */
static void check_peer(struct outcome *o, int exit_status, const char *line)
{
    oc_int(o, "peer_exit", exit_status, 0);
    oc_put(o, "peer", "%s", line);
    oc_true(o, "peer_hs_ok", peerproc_has_word(line, "hs=ok"));
    oc_true(o, "peer_reneg_transport_ended",
            peerproc_has_word(line, "reneg=eof") ||
                peerproc_has_word(line, "reneg=reset"));
    oc_true(o, "peer_no_alert",
            peerproc_has_word(line, "alerts_recv=none"));
}

/* The peer plays `role` ("client" or "server") and attempts the
 * renegotiation; unitls plays the other role. */
static void renego_case(const char *id, const char *role)
{
    int server = strcmp(role, "client") == 0; /* unitls is the server */
    struct outcome o;
    struct peerproc peer;
    int fds[2];
    char fdarg[16], line[512];

    oc_init(&o, id, "");
    if (net_socketpair(fds) != 0) {
        oc_fail(&o, "socketpair failed");
        oc_finish(&o);
        return;
    }
    snprintf(fdarg, sizeof(fdarg), "%d", fds[1]);
    struct path chain = pki_path("server-chain.pem");
    struct path key = pki_path("server.key");
    char *argv[] = {(char *)UT_RENEGO_PEER, fdarg, (char *)role,
                    server ? NULL : chain.s, key.s, NULL};
    int started = peerproc_start(&peer, argv, fds[1]) == 0;
    close(fds[1]);
    oc_true(&o, "peer_started", started);
    unitls_ctx *ctx = NULL;
    unitls_conn *conn = started ? unitls_end(fds[0], server, &ctx) : NULL;
    if (started)
        oc_true(&o, "setup", conn != NULL);
    if (conn != NULL)
        check_unitls_end(conn, &o);
    unitls_conn_free(conn);
    unitls_ctx_free(ctx);
    close(fds[0]); /* the peer now sees the end of the transport */
    if (started)
        check_peer(&o, peerproc_finish(&peer, line, sizeof(line),
                                       PEER_SECONDS),
                   line);
    oc_finish(&o);
}

/* unitls server; the peer client sends a new ClientHello. */
START_TEST(client_renegotiates)
{
    renego_case("renego.client_renegotiates", "client");
}
END_TEST

/* unitls client; the peer server sends a HelloRequest. */
START_TEST(server_requests_renegotiation)
{
    renego_case("renego.server_requests_renegotiation", "server");
}
END_TEST

Suite *suite_renego(void)
{
    Suite *s = suite_create("renego");
    TCase *tc = conf_tcase("renego");

    tcase_add_test(tc, client_renegotiates);
    tcase_add_test(tc, server_requests_renegotiation);
    suite_add_tcase(s, tc);
    return s;
}
