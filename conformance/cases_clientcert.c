/* Client certificates: requested, required, optional, missing, rejected.
 * In TLS 1.3 the client's handshake completes before the server has judged
 * its certificate, so the rejection arrives on the client's first read; in
 * TLS 1.2 it ends the client's handshake. */
#include "io.h"
#include "pair.h"
#include "suites.h"

/* The first read after the handshake returns the server's alert. */
static void after_read_rejected(struct end *e)
{
    if (end_ok(e))
        io_expect_read(e, "read", UNITLS_E_PEER_ALERT, 0);
}

#define SRV_ASKS(mode) SRV_STD, .trust = "root-ca.crt", .verify = (mode)
#define CLI_CERT .chain = "client-chain.pem", .key = "client.key"
#define TLS12 UNITLS_TLS1_2

/* TLS 1.3: handshake OK, then the read fails with the server's alert. */
#define EX_OK13_THEN_ALERT(alert)                                              \
    {.hs = UNITLS_OK, .version = "TLSv1.3", .cipher = CIPHER13,               \
     .verify = "[]", .alert_sent = ALERT_NONE, .alert_recv = (alert),         \
     .peer = CN_SERVER}
#define EX_SERVER_REJECTS(list, alert)                                         \
    EX_FAIL(UNITLS_E_VERIFY, list, alert, ALERT_NONE)

static const struct pair_case cases[] = {
    {"client.required_present_tls13", TR_SOCKETPAIR,
     {CLI_STD, CLI_CERT, .x = EX_OK13(CN_SERVER)},
     {SRV_ASKS(VM_REQUIRED), .x = EX_OK13(CN_CLIENT)}},
    {"client.required_present_tls12", TR_SOCKETPAIR,
     {CLI_STD, CLI_CERT, .max_version = TLS12, .x = EX_OK12(CN_SERVER)},
     {SRV_ASKS(VM_REQUIRED), .x = EX_OK12(CN_CLIENT)}},
    {"client.required_missing_tls13", TR_SOCKETPAIR,
     {CLI_STD, .after = after_read_rejected,
      .x = EX_OK13_THEN_ALERT(ALERT_CERTIFICATE_REQUIRED)},
     {SRV_ASKS(VM_REQUIRED),
      .x = EX_SERVER_REJECTS("[no_peer_certificate@-1]",
                            ALERT_CERTIFICATE_REQUIRED)}},
    {"client.required_missing_tls12", TR_SOCKETPAIR,
     {CLI_STD, .max_version = TLS12,
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE,
                  ALERT_HANDSHAKE_FAILURE)},
     {SRV_ASKS(VM_REQUIRED),
      .x = EX_SERVER_REJECTS("[no_peer_certificate@-1]",
                            ALERT_HANDSHAKE_FAILURE)}},
    {"client.optional_absent_tls13", TR_SOCKETPAIR,
     {CLI_STD, .x = EX_OK13(CN_SERVER)},
     {SRV_ASKS(VM_OPTIONAL), .x = EX_OK13("-")}},
    {"client.optional_absent_tls12", TR_SOCKETPAIR,
     {CLI_STD, .max_version = TLS12, .x = EX_OK12(CN_SERVER)},
     {SRV_ASKS(VM_OPTIONAL), .x = EX_OK12("-")}},
    {"client.optional_present", TR_SOCKETPAIR,
     {CLI_STD, CLI_CERT, .x = EX_OK13(CN_SERVER)},
     {SRV_ASKS(VM_OPTIONAL), .x = EX_OK13(CN_CLIENT)}},
    {"client.required_leaf_only_server_has_bundle", TR_SOCKETPAIR,
     {CLI_STD, .chain = "client.crt", .key = "client.key",
      .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .trust = "bundle.pem", .verify = VM_REQUIRED,
      .x = EX_OK13(CN_CLIENT)}},
    {"client.required_missing_intermediate_tls13", TR_SOCKETPAIR,
     {CLI_STD, .chain = "client.crt", .key = "client.key",
      .after = after_read_rejected, .x = EX_OK13_THEN_ALERT(ALERT_UNKNOWN_CA)},
     {SRV_ASKS(VM_REQUIRED),
      .x = EX_SERVER_REJECTS("[unable_to_get_issuer@0]", ALERT_UNKNOWN_CA)}},
    {"client.required_missing_intermediate_tls12", TR_SOCKETPAIR,
     {CLI_STD, .chain = "client.crt", .key = "client.key",
      .max_version = TLS12,
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE, ALERT_UNKNOWN_CA)},
     {SRV_ASKS(VM_REQUIRED),
      .x = EX_SERVER_REJECTS("[unable_to_get_issuer@0]", ALERT_UNKNOWN_CA)}},
    {"client.optional_present_untrusted", TR_SOCKETPAIR,
     {CLI_STD, .chain = "client.crt", .key = "client.key",
      .after = after_read_rejected, .x = EX_OK13_THEN_ALERT(ALERT_UNKNOWN_CA)},
     {SRV_ASKS(VM_OPTIONAL),
      .x = EX_SERVER_REJECTS("[unable_to_get_issuer@0]", ALERT_UNKNOWN_CA)}},
    {"client.not_requested", TR_SOCKETPAIR,
     {CLI_STD, CLI_CERT, .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .x = EX_OK13("-")}},
    {"client.tcp_required_present", TR_TCP,
     {CLI_STD, CLI_CERT, .x = EX_OK13(CN_SERVER)},
     {SRV_ASKS(VM_REQUIRED), .x = EX_OK13(CN_CLIENT)}},
};

START_TEST(clientcert_case)
{
    pair_case_run(&cases[_i]);
}
END_TEST

Suite *suite_clientcert(void)
{
    Suite *s = suite_create("clientcert");
    TCase *tc = conf_tcase("clientcert");

    ADD_TABLE(tc, clientcert_case, cases);
    suite_add_tcase(s, tc);
    return s;
}
