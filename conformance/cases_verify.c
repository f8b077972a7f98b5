/* Verification of the server by the client: the error list (name@depth, in
 * order), the alert the client sends and the status each side reports. */
#include "pair.h"
#include "pki.h"
#include "suites.h"

/* Records which certificate each verification error names, by serial, and
 * expects the list in sarg. */
static void after_error_serials(struct end *e)
{
    char serials[256];

    conn_verify_serials(e->conn, serials, sizeof(serials));
    oc_str(&e->o, "verify_serials", serials, e->cfg->sarg);
}

/* The client rejects the server: it reports `list` and sends `alert`, the
 * server receives that alert. */
#define REJECT(id, srv_chain, srv_key, name, list, alert)                     \
    {id, TR_SOCKETPAIR,                                                       \
     {.trust = "root-ca.crt", .server_name = (name),                          \
      .x = EX_FAIL(UNITLS_E_VERIFY, list, alert, ALERT_NONE)},                 \
     {.chain = (srv_chain), .key = (srv_key),                                 \
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE, alert)}}

/* As REJECT, and checks the certificates the errors name. */
#define REJECT_CERTS(id, srv_chain, srv_key, name, list, alert, serials)       \
    {id, TR_SOCKETPAIR,                                                       \
     {.trust = "root-ca.crt", .server_name = (name),                          \
      .after = after_error_serials, .sarg = (serials),                        \
      .x = EX_FAIL(UNITLS_E_VERIFY, list, alert, ALERT_NONE)},                 \
     {.chain = (srv_chain), .key = (srv_key),                                 \
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE, alert)}}

/* The client accepts the server. */
#define ACCEPT(id, srv_chain, srv_key, cn, ...)                               \
    {id, TR_SOCKETPAIR, {__VA_ARGS__, .x = EX_OK13(cn)},                       \
     {.chain = (srv_chain), .key = (srv_key), .x = EX_OK13("-")}}

static const struct pair_case cases[] = {
    ACCEPT("verify.valid_chain", "server-chain.pem", "server.key", CN_SERVER,
           CLI_STD),
    REJECT("verify.untrusted_root", "other-server-fullchain.pem",
           "other-server.key", "localhost", "[self_signed_in_chain@2]",
           ALERT_UNKNOWN_CA),
    REJECT("verify.unknown_issuer", "other-server-chain.pem",
           "other-server.key", "localhost", "[unable_to_get_issuer@1]",
           ALERT_UNKNOWN_CA),
    REJECT("verify.expired", "expired-chain.pem", "expired.key", "localhost",
           "[expired@0]", ALERT_CERTIFICATE_EXPIRED),
    REJECT("verify.not_yet_valid", "notyet-chain.pem", "notyet.key",
           "localhost", "[not_yet_valid@0]", ALERT_CERTIFICATE_EXPIRED),
    REJECT("verify.wrong_host", "wronghost-chain.pem", "wronghost.key",
           "localhost", "[hostname_mismatch@0]", ALERT_BAD_CERTIFICATE),
    REJECT("verify.wildcard_two_labels", "server-chain.pem", "server.key",
           "a.b.test.example", "[hostname_mismatch@0]", ALERT_BAD_CERTIFICATE),
    REJECT("verify.ip_mismatch", "wronghost-chain.pem", "wronghost.key",
           "127.0.0.1", "[ip_mismatch@0]", ALERT_BAD_CERTIFICATE),
    REJECT("verify.ipv6_mismatch", "wronghost-chain.pem", "wronghost.key",
           "::1", "[ip_mismatch@0]", ALERT_BAD_CERTIFICATE),
    REJECT("verify.ip_not_in_dns_san", "server-chain.pem", "server.key",
           "127.0.0.2", "[ip_mismatch@0]", ALERT_BAD_CERTIFICATE),
    REJECT("verify.self_signed", "selfsigned.crt", "selfsigned.key",
           "localhost", "[self_signed@0]", ALERT_UNKNOWN_CA),
    REJECT("verify.missing_intermediate", "server.crt", "server.key",
           "localhost", "[unable_to_get_issuer@0]", ALERT_UNKNOWN_CA),
    REJECT("verify.expired_and_wrong_host", "expired-chain.pem", "expired.key",
           "wrong.example", "[expired@0,hostname_mismatch@0]", ALERT_ANY),
    ACCEPT("verify.ip_127.0.0.1", "server-chain.pem", "server.key", CN_SERVER,
           .trust = "root-ca.crt", .server_name = "127.0.0.1"),
    ACCEPT("verify.ipv6_::1", "server-chain.pem", "server.key", CN_SERVER,
           .trust = "root-ca.crt", .server_name = "::1"),
    ACCEPT("verify.ipv6_uncompressed", "server-chain.pem", "server.key",
           CN_SERVER, .trust = "root-ca.crt",
           .server_name = "0:0:0:0:0:0:0:1"),
    ACCEPT("verify.wildcard", "server-chain.pem", "server.key", CN_SERVER,
           .trust = "root-ca.crt", .server_name = "a.test.example"),
    ACCEPT("verify.name_case_and_dot", "server-chain.pem", "server.key",
           CN_SERVER, .trust = "root-ca.crt", .server_name = "LOCALHOST."),
    ACCEPT("verify.verify_name_overrides", "server-chain.pem", "server.key",
           CN_SERVER, .trust = "root-ca.crt", .server_name = "wrong.example",
           .verify_name = "localhost"),
    ACCEPT("verify.none_untrusted", "other-server-fullchain.pem",
           "other-server.key", CN_SERVER, .verify = VM_NONE,
           .server_name = "localhost"),
    ACCEPT("verify.none_expired_wrong_host", "expired-chain.pem",
           "expired.key", CN_SERVER, .verify = VM_NONE,
           .server_name = "wrong.example"),
    ACCEPT("verify.hostcheck_off_wrong_host", "wronghost-chain.pem",
           "wronghost.key", "wrong.example", .trust = "root-ca.crt",
           .check_host = HC_OFF, .server_name = "localhost"),
    ACCEPT("verify.hostcheck_off_no_name", "server-chain.pem", "server.key",
           CN_SERVER, .trust = "root-ca.crt", .check_host = HC_OFF),
    {"verify.verify_name_mismatch", TR_SOCKETPAIR,
     {CLI_STD, .verify_name = "wrong.example",
      .x = EX_FAIL(UNITLS_E_VERIFY, "[hostname_mismatch@0]",
                  ALERT_BAD_CERTIFICATE, ALERT_NONE)},
     {SRV_STD, .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE,
                           ALERT_BAD_CERTIFICATE)}},
    {"verify.no_trust_anchors", TR_SOCKETPAIR,
     {.server_name = "localhost",
      .x = EX_FAIL(UNITLS_E_VERIFY, "[unable_to_get_issuer@1]",
                  ALERT_UNKNOWN_CA, ALERT_NONE)},
     {SRV_STD, .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE,
                           ALERT_UNKNOWN_CA)}},
    {"verify.optional_client_is_required", TR_SOCKETPAIR,
     {CLI_STD, .verify = VM_OPTIONAL,
      .x = EX_FAIL(UNITLS_E_VERIFY, "[self_signed_in_chain@2]",
                  ALERT_UNKNOWN_CA, ALERT_NONE)},
     {.chain = "other-server-fullchain.pem", .key = "other-server.key",
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE, ALERT_UNKNOWN_CA)}},
    {"verify.hostcheck_without_name", TR_SOCKETPAIR,
     {.trust = "root-ca.crt",
      .x = EX_FAIL(UNITLS_E_INVALID_ARG, "[]", ALERT_NONE, ALERT_NONE)},
     {SRV_STD, .x = EX_FAIL(UNITLS_E_EOF, "[]", ALERT_NONE, ALERT_NONE)}},
    REJECT_CERTS("verify.error_cert_expired", "expired-chain.pem",
                 "expired.key", "localhost", "[expired@0]",
                 ALERT_CERTIFICATE_EXPIRED, "[1006]"),
    REJECT_CERTS("verify.error_cert_untrusted_root",
                 "other-server-fullchain.pem", "other-server.key", "localhost",
                 "[self_signed_in_chain@2]", ALERT_UNKNOWN_CA, "[100A]"),
    REJECT_CERTS("verify.error_cert_wrong_host", "wronghost-chain.pem",
                 "wronghost.key", "localhost", "[hostname_mismatch@0]",
                 ALERT_BAD_CERTIFICATE, "[1008]"),
    {"verify.tcp_untrusted_root", TR_TCP,
     {CLI_STD, .x = EX_FAIL(UNITLS_E_VERIFY, "[self_signed_in_chain@2]",
                           ALERT_UNKNOWN_CA, ALERT_NONE)},
     {.chain = "other-server-fullchain.pem", .key = "other-server.key",
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE, ALERT_UNKNOWN_CA)}},
};

START_TEST(verify_case)
{
    pair_case_run(&cases[_i]);
}
END_TEST

Suite *suite_verify(void)
{
    Suite *s = suite_create("verify");
    TCase *tc = conf_tcase("verify");

    ADD_TABLE(tc, verify_case, cases);
    suite_add_tcase(s, tc);
    return s;
}
