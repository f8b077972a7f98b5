/* Handshakes that succeed or fail on protocol versions and configuration:
 * the negotiated version and cipher suite, and version refusals on both
 * sides. */
#include "pair.h"
#include "suites.h"

#define TLS12 UNITLS_TLS1_2
#define TLS13 UNITLS_TLS1_3
#define EX_OK12_RSA(peer_) EX_OK("TLSv1.2", CIPHER12_RSA, peer_)
/* No common version: one side sends protocol_version, both report it. */
#define EX_VERSION_SENT                                                       \
    EX_FAIL(UNITLS_E_VERSION, "[]", ALERT_PROTOCOL_VERSION, ALERT_NONE)
#define EX_VERSION_RECV                                                       \
    EX_FAIL(UNITLS_E_VERSION, "[]", ALERT_NONE, ALERT_PROTOCOL_VERSION)

static const struct pair_case cases[] = {
    {"hs.tls13_default", TR_SOCKETPAIR,
     {CLI_STD, .x = EX_OK13(CN_SERVER)}, {SRV_STD, .x = EX_OK13("-")}},
    {"hs.tls12_client_max", TR_SOCKETPAIR,
     {CLI_STD, .max_version = TLS12, .x = EX_OK12(CN_SERVER)},
     {SRV_STD, .x = EX_OK12("-")}},
    {"hs.tls12_server_max", TR_SOCKETPAIR,
     {CLI_STD, .x = EX_OK12(CN_SERVER)},
     {SRV_STD, .max_version = TLS12, .x = EX_OK12("-")}},
    {"hs.tls12_both_only", TR_SOCKETPAIR,
     {CLI_STD, .min_version = TLS12, .max_version = TLS12, .x = EX_OK12(CN_SERVER)},
     {SRV_STD, .min_version = TLS12, .max_version = TLS12, .x = EX_OK12("-")}},
    {"hs.tls13_both_only", TR_SOCKETPAIR,
     {CLI_STD, .min_version = TLS13, .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .min_version = TLS13, .x = EX_OK13("-")}},
    {"hs.version_client13_server12", TR_SOCKETPAIR,
     {CLI_STD, .min_version = TLS13, .x = EX_VERSION_RECV},
     {SRV_STD, .max_version = TLS12, .x = EX_VERSION_SENT}},
    {"hs.version_client12_server13", TR_SOCKETPAIR,
     {CLI_STD, .max_version = TLS12, .x = EX_VERSION_RECV},
     {SRV_STD, .min_version = TLS13, .x = EX_VERSION_SENT}},
    {"hs.rsa_tls13", TR_SOCKETPAIR,
     {CLI_STD, .x = EX_OK13(CN_SERVER)},
     {.chain = "server-rsa-chain.pem", .key = "server-rsa.key", .x = EX_OK13("-")}},
    {"hs.rsa_tls12", TR_SOCKETPAIR,
     {CLI_STD, .max_version = TLS12, .x = EX_OK12_RSA(CN_SERVER)},
     {.chain = "server-rsa-chain.pem", .key = "server-rsa.key", .x = EX_OK12_RSA("-")}},
    {"hs.server_fullchain", TR_SOCKETPAIR,
     {CLI_STD, .x = EX_OK13(CN_SERVER)},
     {.chain = "server-fullchain.pem", .key = "server.key", .x = EX_OK13("-")}},
    {"hs.encrypted_key", TR_SOCKETPAIR,
     {CLI_STD, .x = EX_OK13(CN_SERVER)},
     {.chain = "server-chain.pem", .key = "server-enc.key",
      .password = "unitls-pass", .x = EX_OK13("-")}},
    {"hs.der_cert_and_key", TR_SOCKETPAIR,
     {.trust = "bundle.pem", .server_name = "localhost", .x = EX_OK13(CN_SERVER)},
     {.chain = "server.der", .key = "server-key.der", .x = EX_OK13("-")}},
    {"hs.trust_bundle", TR_SOCKETPAIR,
     {.trust = "bundle.pem", .server_name = "localhost", .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .x = EX_OK13("-")}},
    {"hs.trust_mem", TR_SOCKETPAIR,
     {.trust_mem = "root-ca.crt", .server_name = "localhost", .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .x = EX_OK13("-")}},
    {"hs.selfsigned_trusted_directly", TR_SOCKETPAIR,
     {.trust = "selfsigned.crt", .server_name = "localhost", .x = EX_OK13(CN_SERVER)},
     {.chain = "selfsigned.crt", .key = "selfsigned.key", .x = EX_OK13("-")}},
    {"hs.ctx_freed_before_handshake", TR_SOCKETPAIR,
     {CLI_STD, .free_ctx_early = 1, .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .free_ctx_early = 1, .x = EX_OK13("-")}},
    {"hs.server_without_certificate", TR_SOCKETPAIR,
     {CLI_STD, .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE,
                            ALERT_HANDSHAKE_FAILURE)},
     {.x = EX_FAIL(UNITLS_E_HANDSHAKE, "[]", ALERT_HANDSHAKE_FAILURE,
                   ALERT_NONE)}},
    {"hs.tcp_tls13", TR_TCP,
     {CLI_STD, .x = EX_OK13(CN_SERVER)}, {SRV_STD, .x = EX_OK13("-")}},
    {"hs.tcp_tls12", TR_TCP,
     {CLI_STD, .max_version = TLS12, .x = EX_OK12(CN_SERVER)},
     {SRV_STD, .x = EX_OK12("-")}},
    {"hs.tcp_by_ip_127.0.0.1", TR_TCP,
     {.trust = "root-ca.crt", .server_name = "127.0.0.1", .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .x = EX_OK13("-")}},
    {"hs.tcp_version_client13_server12", TR_TCP,
     {CLI_STD, .min_version = TLS13, .x = EX_VERSION_RECV},
     {SRV_STD, .max_version = TLS12, .x = EX_VERSION_SENT}},
};

START_TEST(handshake_case)
{
    pair_case_run(&cases[_i]);
}
END_TEST

Suite *suite_handshake(void)
{
    Suite *s = suite_create("handshake");
    TCase *tc = conf_tcase("handshake");

    ADD_TABLE(tc, handshake_case, cases);
    suite_add_tcase(s, tc);
    return s;
}
