/* Pre-shared keys (issue 8): TLS 1.2 PSK suites and TLS 1.3 external PSKs
 * through the PSK callbacks. Stated answers: the suite negotiated, the
 * identity read on both ends, what each callback was given (the client's
 * identity, the server's hint), the alerts of a wrong key (TLS 1.2:
 * bad_record_mac (20); TLS 1.3: the backend's, see psk.tls13_wrong_key)
 * and of an unknown identity (TLS 1.2: unknown_psk_identity (115); TLS 1.3:
 * the key is ignored, handshake_failure (40) without a certificate), the
 * status of callbacks that break the rules, and that a PSK-only server
 * needs no certificate. */
#include <stdio.h>
#include <string.h>

#include "pair.h"
#include "pki.h"
#include "psk_side.h"
#include "suites.h"

#define ALERT_UNKNOWN_PSK_IDENTITY 115
#define PSK12 "TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256"
#define KEY "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
#define OTHER_KEY "ff0102030405060708090a0b0c0d0e0f"
#define ID "unitls client 1"
#define HINT "unitls psk hint"

/* Records the identity the connection used ("-" for none) and what the
 * callback was given ("-" if it did not run), expecting sarg =
 * "<identity>|<given>". */
static void after_psk(struct end *e)
{
    char want[300];
    snprintf(want, sizeof(want), "%s", e->cfg->sarg);
    char *given = strchr(want, '|');
    if (given != NULL)
        *given++ = '\0';
    const char *id = e->conn ? unitls_conn_psk_identity(e->conn) : NULL;
    oc_str(&e->o, "psk_identity", id ? id : "-", want);
    oc_str(&e->o, "psk_given", e->psk_seen[0] ? e->psk_seen : "-",
           given ? given : "-");
}

/* A PSK client: no trust anchors, the host name set as for any client. */
#define CLI_PSK(id, key) .server_name = "localhost", .psk_identity = (id),   \
                         .psk_key = (key), .after = after_psk
#define SRV_PSK(key) .psk_identity = ID, .psk_key = (key), .after = after_psk
#define SRV_PSK12(key) SRV_PSK(key), TLS12
#define EX_PSK(ver, cipher) EX_OK(ver, cipher, "-")
#define TLS12 .max_version = UNITLS_TLS1_2
/* A callback's output out of the rules, and what its peer sees. */
#define BAD_CLIENT                                                             \
    EX_FAIL(UNITLS_E_INVALID_ARG, "[]", ALERT_HANDSHAKE_FAILURE, ALERT_NONE)
#define BAD_SERVER                                                             \
    EX_FAIL(UNITLS_E_INVALID_ARG, "[]", ALERT_UNKNOWN_PSK_IDENTITY,           \
            ALERT_NONE)
#define PEER_SAW_40                                                            \
    EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE, ALERT_HANDSHAKE_FAILURE)
#define PEER_SAW_115                                                           \
    EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE, ALERT_UNKNOWN_PSK_IDENTITY)

/* TLS 1.2: every provider with UNITLS_CAP_PSK. */
static const struct pair_case cases12[] = {
    {"psk.tls12", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), TLS12, .sarg = ID "|" HINT,
      .x = EX_PSK("TLSv1.2", PSK12)},
     {SRV_PSK12(KEY), .psk_hint = HINT, .sarg = ID "|" ID,
      .x = EX_PSK("TLSv1.2", PSK12)}},
    {"psk.tls12_no_hint", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), TLS12, .sarg = ID "|(null)",
      .x = EX_PSK("TLSv1.2", PSK12)},
     {SRV_PSK12(KEY), .sarg = ID "|" ID, .x = EX_PSK("TLSv1.2", PSK12)}},
    /* A server limited to TLS 1.2 and the listed PSK suite. */
    {"psk.tls12_listed_suite", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), TLS12, .sarg = ID "|(null)",
      .x = EX_PSK("TLSv1.2", PSK12)},
     {SRV_PSK12(KEY), .tls12_suites = PSK12, .sarg = ID "|" ID,
      .x = EX_PSK("TLSv1.2", PSK12)}},
    /* The longest identity. */
    {"psk.tls12_identity_128", TR_SOCKETPAIR,
     {CLI_PSK(NULL, KEY), TLS12, .sarg = "long|(null)",
      .x = EX_PSK("TLSv1.2", PSK12)},
     {SRV_PSK12(KEY), .sarg = "long|long", .x = EX_PSK("TLSv1.2", PSK12)}},
    {"psk.tls12_wrong_key", TR_SOCKETPAIR,
     {CLI_PSK(ID, OTHER_KEY), TLS12, .sarg = "-|(null)",
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE,
                   ALERT_BAD_RECORD_MAC)},
     {SRV_PSK12(KEY), .sarg = "-|" ID,
      .x = EX_FAIL(UNITLS_E_PROTOCOL, "[]", ALERT_BAD_RECORD_MAC,
                   ALERT_NONE)}},
    {"psk.tls12_unknown_identity", TR_SOCKETPAIR,
     {CLI_PSK("stranger", KEY), TLS12, .sarg = "-|(null)",
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE,
                   ALERT_UNKNOWN_PSK_IDENTITY)},
     {SRV_PSK12(KEY), .sarg = "-|stranger",
      .x = EX_FAIL(UNITLS_E_HANDSHAKE, "[]", ALERT_UNKNOWN_PSK_IDENTITY,
                   ALERT_NONE)}},
    /* A server with a certificate and a PSK callback prefers the PSK suite
     * (first in the suites in force): no certificate is sent. */
    {"psk.tls12_server_with_certificate", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), TLS12, .sarg = ID "|(null)",
      .x = EX_PSK("TLSv1.2", PSK12)},
     {SRV_STD, SRV_PSK12(KEY), .sarg = ID "|" ID,
      .x = EX_PSK("TLSv1.2", PSK12)}},
    /* A PSK client and a server that takes no part in PSK: a certificate
     * handshake, verified as usual. */
    {"psk.tls12_certificate_server", TR_SOCKETPAIR,
     {CLI_STD, TLS12, .psk_identity = ID, .psk_key = KEY, .after = after_psk,
      .sarg = "-|-", .x = EX_OK12(CN_SERVER)},
     {SRV_STD, .x = EX_OK12("-")}},
    /* Callbacks that break the rules: the end whose callback it is fails
     * with the stated status. A client sends handshake_failure (40); a
     * server unknown_psk_identity (115), as for an unknown identity. */
    {"psk.client_refuses", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), TLS12, .psk_bad = PSK_REFUSE, .sarg = "-|(null)",
      .x = EX_FAIL(UNITLS_E_HANDSHAKE, "[]", ALERT_HANDSHAKE_FAILURE,
                   ALERT_NONE)},
     {SRV_PSK12(KEY), .sarg = "-|-", .x = PEER_SAW_40}},
    {"psk.client_empty_identity", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), TLS12, .psk_bad = PSK_EMPTY_IDENTITY,
      .sarg = "-|(null)",
      .x = BAD_CLIENT},
     {SRV_PSK12(KEY), .sarg = "-|-", .x = PEER_SAW_40}},
    {"psk.client_identity_too_long", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), TLS12, .psk_bad = PSK_LONG_IDENTITY,
      .sarg = "-|(null)",
      .x = BAD_CLIENT},
     {SRV_PSK12(KEY), .sarg = "-|-", .x = PEER_SAW_40}},
    {"psk.client_zero_key", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), TLS12, .psk_bad = PSK_ZERO_KEY, .sarg = "-|(null)",
      .x = BAD_CLIENT},
     {SRV_PSK12(KEY), .sarg = "-|-", .x = PEER_SAW_40}},
    {"psk.client_key_over_cap", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), TLS12, .psk_bad = PSK_KEY_OVER_CAP,
      .sarg = "-|(null)",
      .x = BAD_CLIENT},
     {SRV_PSK12(KEY), .sarg = "-|-", .x = PEER_SAW_40}},
    {"psk.server_zero_key", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), TLS12, .sarg = "-|(null)", .x = PEER_SAW_115},
     {SRV_PSK12(KEY), .psk_bad = PSK_ZERO_KEY, .sarg = "-|" ID,
      .x = BAD_SERVER}},
    {"psk.server_key_over_cap", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), TLS12, .sarg = "-|(null)", .x = PEER_SAW_115},
     {SRV_PSK12(KEY), .psk_bad = PSK_KEY_OVER_CAP, .sarg = "-|" ID,
      .x = BAD_SERVER}},
};

/* TLS 1.3: providers with UNITLS_CAP_PSK_TLS13. */
static const struct pair_case cases13[] = {
    {"psk.tls13", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), .sarg = ID "|(null)", .x = EX_PSK("TLSv1.3", CIPHER13)},
     {SRV_PSK(KEY), .psk_hint = HINT, .sarg = ID "|" ID,
      .x = EX_PSK("TLSv1.3", CIPHER13)}},
    /* The binder does not verify. The alert is the backend's: OpenSSL 3.0
     * sends illegal_parameter (47), wolfSSL decrypt_error (51, RFC 8446
     * section 6.2): recorded, not checked. */
    {"psk.tls13_wrong_key", TR_SOCKETPAIR,
     {CLI_PSK(ID, OTHER_KEY), .sarg = "-|(null)",
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE, ALERT_ANY)},
     {SRV_PSK(KEY), .sarg = "-|" ID,
      .x = EX_FAIL(UNITLS_E_HANDSHAKE, "[]", ALERT_ANY, ALERT_NONE)}},
    /* A known key wins over the server's certificate. */
    {"psk.tls13_server_with_certificate", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), .sarg = ID "|(null)",
      .x = EX_PSK("TLSv1.3", CIPHER13)},
     {SRV_STD, SRV_PSK(KEY), .sarg = ID "|" ID,
      .x = EX_PSK("TLSv1.3", CIPHER13)}},
    /* No certificate to go on with: handshake_failure. */
    {"psk.tls13_unknown_identity", TR_SOCKETPAIR,
     {CLI_PSK("stranger", KEY), .sarg = "-|(null)",
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE,
                   ALERT_HANDSHAKE_FAILURE)},
     {SRV_PSK(KEY), .sarg = "-|stranger",
      .x = EX_FAIL(UNITLS_E_HANDSHAKE, "[]", ALERT_HANDSHAKE_FAILURE,
                   ALERT_NONE)}},
    /* With a certificate, the server ignores the unknown identity. */
    {"psk.tls13_unknown_identity_certificate", TR_SOCKETPAIR,
     {CLI_STD, .psk_identity = "stranger", .psk_key = KEY,
      .after = after_psk, .sarg = "-|(null)", .x = EX_OK13(CN_SERVER)},
     {SRV_STD, SRV_PSK(KEY), .sarg = "-|stranger", .x = EX_OK13("-")}},
    /* The client offers no key and the server, with no certificate, has
     * nothing to go on with. */
    {"psk.tls13_client_refuses", TR_SOCKETPAIR,
     {CLI_PSK(ID, KEY), .psk_bad = PSK_REFUSE, .sarg = "-|(null)",
      .x = EX_FAIL(UNITLS_E_HANDSHAKE, "[]", ALERT_NONE,
                   ALERT_HANDSHAKE_FAILURE)},
     {SRV_PSK(KEY), .sarg = "-|-",
      .x = EX_FAIL(UNITLS_E_HANDSHAKE, "[]", ALERT_HANDSHAKE_FAILURE,
                   ALERT_NONE)}},
};

/* The 128-byte identity of psk.tls12_identity_128, set at run time. */
static char long_identity[UNITLS_PSK_IDENTITY_MAX + 1];

static void run_with_long_identity(const struct pair_case *pc)
{
    struct pair_case c = *pc;
    memset(long_identity, 'i', UNITLS_PSK_IDENTITY_MAX);
    c.client.psk_identity = long_identity;
    c.server.psk_identity = long_identity;
    char cs[300], ss[300];
    snprintf(cs, sizeof(cs), "%s|(null)", long_identity);
    snprintf(ss, sizeof(ss), "%s|%s", long_identity, long_identity);
    c.client.sarg = cs;
    c.server.sarg = ss;
    pair_case_run(&c);
}

START_TEST(psk_case12)
{
    if (cases12[_i].client.psk_identity == NULL)
        run_with_long_identity(&cases12[_i]);
    else
        pair_case_run(&cases12[_i]);
}
END_TEST

/* Without UNITLS_CAP_PSK_TLS13 the client's setter refuses a context that
 * allows TLS 1.3 (the stated answer instead of the handshake). */
START_TEST(psk_case13)
{
    if (unitls_provider_has(UNITLS_CAP_PSK_TLS13)) {
        pair_case_run(&cases13[_i]);
        return;
    }
    struct outcome o;
    oc_init(&o, cases13[_i].id, "");
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    oc_status(&o, "set_psk_client_callback",
              unitls_ctx_set_psk_client_callback(ctx, psk_no_key, NULL),
              UNITLS_E_UNSUPPORTED);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

/* The hint's limits and the setters' roles, checked before any handshake. */
static void hint_rules(struct outcome *o)
{
    char hint[UNITLS_PSK_IDENTITY_MAX + 2];
    unitls_ctx *srv = unitls_ctx_new(UNITLS_ROLE_SERVER);
    unitls_ctx *cli = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    memset(hint, 'h', sizeof(hint) - 1);
    hint[sizeof(hint) - 1] = '\0';
    oc_status(o, "hint_129", unitls_ctx_set_psk_identity_hint(srv, hint),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "hint_128",
              unitls_ctx_set_psk_identity_hint(srv, hint + 1), UNITLS_OK);
    oc_status(o, "hint_empty", unitls_ctx_set_psk_identity_hint(srv, ""),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "hint_clear", unitls_ctx_set_psk_identity_hint(srv, NULL),
              UNITLS_OK);
    oc_status(o, "hint_client", unitls_ctx_set_psk_identity_hint(cli, "h"),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "client_cb_on_server",
              unitls_ctx_set_psk_client_callback(srv, psk_no_key, NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "server_cb_on_client",
              unitls_ctx_set_psk_server_callback(cli, psk_no_server_key, NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "null_ctx",
              unitls_ctx_set_psk_client_callback(NULL, psk_no_key, NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "null_ctx_hint", unitls_ctx_set_psk_identity_hint(NULL, "h"),
              UNITLS_E_INVALID_ARG);
    unitls_ctx_free(srv);
    unitls_ctx_free(cli);
}

/* A context in use refuses, and no identity before a handshake. */
static void state_rules(struct outcome *o)
{
    unitls_ctx *srv = unitls_ctx_new(UNITLS_ROLE_SERVER);
    unitls_conn *conn = unitls_conn_new(srv);
    oc_status(o, "in_use",
              unitls_ctx_set_psk_server_callback(srv, psk_no_server_key, NULL),
              UNITLS_E_STATE);
    oc_status(o, "in_use_hint", unitls_ctx_set_psk_identity_hint(srv, "h"),
              UNITLS_E_STATE);
    oc_true(o, "no_identity_before_handshake",
            unitls_conn_psk_identity(conn) == NULL);
    oc_true(o, "no_identity_null", unitls_conn_psk_identity(NULL) == NULL);
    unitls_conn_free(conn);
    unitls_ctx_free(srv);
}

/* TLS 1.2 callbacks always; TLS 1.3 by UNITLS_CAP_PSK_TLS13, in either
 * order of the calls. */
static void version_rules(struct outcome *o)
{
    int want13 = unitls_provider_has(UNITLS_CAP_PSK_TLS13)
                     ? UNITLS_OK
                     : UNITLS_E_UNSUPPORTED;
    unitls_ctx *cli = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    oc_status(o, "max12", unitls_ctx_set_versions(cli, 0, UNITLS_TLS1_2),
              UNITLS_OK);
    oc_status(o, "cb_max12",
              unitls_ctx_set_psk_client_callback(cli, psk_no_key, NULL),
              UNITLS_OK);
    oc_status(o, "then_max13", unitls_ctx_set_versions(cli, 0, UNITLS_TLS1_3),
              want13);
    oc_status(o, "remove_cb",
              unitls_ctx_set_psk_client_callback(cli, NULL, NULL), UNITLS_OK);
    oc_status(o, "max13_without_cb",
              unitls_ctx_set_versions(cli, 0, UNITLS_TLS1_3), UNITLS_OK);
    oc_status(o, "cb_max13",
              unitls_ctx_set_psk_client_callback(cli, psk_no_key, NULL),
              want13);
    unitls_ctx_free(cli);
}

START_TEST(psk_setters)
{
    struct outcome o;
    oc_init(&o, "psk.setters", "");
    hint_rules(&o);
    state_rules(&o);
    version_rules(&o);
    oc_finish(&o);
}
END_TEST

Suite *suite_psk(void)
{
    Suite *s = suite_create("psk");
    TCase *tc = conf_tcase("psk");

    ADD_TABLE(tc, psk_case12, cases12);
    ADD_TABLE(tc, psk_case13, cases13);
    tcase_add_test(tc, psk_setters);
    suite_add_tcase(s, tc);
    return s;
}
