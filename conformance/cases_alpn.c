/* ALPN (RFC 7301, issue 8): the client offers, the server selects by its
 * own preference or a callback; no overlap is a fatal
 * no_application_protocol (120) or, by option, no ALPN; the protocol agreed
 * is read on both sides. */
#include <string.h>

#include "pair.h"
#include "pki.h"
#include "suites.h"

#define ALERT_NO_APPLICATION_PROTOCOL 120

/* Records the protocol agreed ("-" for none), expecting sarg. */
static void after_alpn(struct end *e)
{
    const char *p = e->conn ? unitls_conn_alpn(e->conn) : NULL;
    oc_str(&e->o, "alpn", p ? p : "-", e->cfg->sarg);
}

#define AGREE(id, cli_alpn, srv_alpn, want, ...)                              \
    {id, TR_SOCKETPAIR,                                                       \
     {CLI_STD, .alpn = (cli_alpn), .after = after_alpn, .sarg = (want),       \
      .x = EX_OK13(CN_SERVER)},                                               \
     {SRV_STD, .alpn = (srv_alpn), .after = after_alpn, .sarg = (want),       \
      __VA_ARGS__, .x = EX_OK13("-")}}

static const struct pair_case cases[] = {
    AGREE("alpn.server_preference", "http/1.1,h2", "h2,http/1.1", "h2",
          .alpn_continue = 0),
    AGREE("alpn.single_match", "h2,spdy/3", "spdy/3", "spdy/3",
          .alpn_continue = 0),
    AGREE("alpn.server_takes_no_part", "h2", NULL, "-", .alpn_continue = 0),
    AGREE("alpn.client_offers_none", NULL, "h2", "-", .alpn_continue = 0),
    AGREE("alpn.no_overlap_continue", "h2", "http/1.1", "-",
          .alpn_continue = 1),
    AGREE("alpn.callback_picks_last", "a,b,c", NULL, "c",
          .alpn_pick_last = 1),
    {"alpn.tls12_server_preference", TR_SOCKETPAIR,
     {CLI_STD, .alpn = "http/1.1,h2", .max_version = UNITLS_TLS1_2,
      .after = after_alpn, .sarg = "h2", .x = EX_OK12(CN_SERVER)},
     {SRV_STD, .alpn = "h2,http/1.1", .after = after_alpn, .sarg = "h2",
      .x = EX_OK12("-")}},
    {"alpn.no_overlap_fails", TR_SOCKETPAIR,
     {CLI_STD, .alpn = "h2", .after = after_alpn, .sarg = "-",
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE,
                   ALERT_NO_APPLICATION_PROTOCOL)},
     {SRV_STD, .alpn = "http/1.1", .after = after_alpn, .sarg = "-",
      .x = EX_FAIL(UNITLS_E_HANDSHAKE, "[]", ALERT_NO_APPLICATION_PROTOCOL,
                   ALERT_NONE)}},
    {"alpn.no_overlap_fails_tls12", TR_SOCKETPAIR,
     {CLI_STD, .alpn = "h2", .max_version = UNITLS_TLS1_2,
      .after = after_alpn, .sarg = "-",
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE,
                   ALERT_NO_APPLICATION_PROTOCOL)},
     {SRV_STD, .alpn = "http/1.1", .after = after_alpn, .sarg = "-",
      .x = EX_FAIL(UNITLS_E_HANDSHAKE, "[]", ALERT_NO_APPLICATION_PROTOCOL,
                   ALERT_NONE)}},
};

START_TEST(alpn_case)
{
    pair_case_run(&cases[_i]);
}
END_TEST

/* The list is checked before anything reaches the provider. */
START_TEST(alpn_bad_lists)
{
    struct outcome o;
    unitls_ctx *cli = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    char long_name[257];
    memset(long_name, 'a', 256);
    long_name[256] = '\0';
    const char *empty[] = {"h2", ""};
    const char *too_long[] = {long_name};
    const char *twice[] = {"h2", "http/1.1", "h2"};
    const char *with_null[] = {"h2", NULL};
    const char *max_name[] = {long_name + 1};

    oc_init(&o, "alpn.bad_lists", "");
    oc_status(&o, "empty_name", unitls_ctx_set_alpn(cli, empty, 2),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "name_256", unitls_ctx_set_alpn(cli, too_long, 1),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "name_255", unitls_ctx_set_alpn(cli, max_name, 1),
              UNITLS_OK);
    oc_status(&o, "twice", unitls_ctx_set_alpn(cli, twice, 3),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "null_name", unitls_ctx_set_alpn(cli, with_null, 2),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "null_list", unitls_ctx_set_alpn(cli, NULL, 1),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "clear", unitls_ctx_set_alpn(cli, NULL, 0), UNITLS_OK);
    oc_status(&o, "client_callback",
              unitls_ctx_set_alpn_callback(cli, NULL, NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "client_mismatch",
              unitls_ctx_set_alpn_mismatch(cli, UNITLS_ALPN_MISMATCH_CONTINUE),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "null_ctx", unitls_ctx_set_alpn(NULL, empty, 1),
              UNITLS_E_INVALID_ARG);
    oc_true(&o, "none_before_handshake", unitls_conn_alpn(NULL) == NULL);
    unitls_ctx_free(cli);
    oc_finish(&o);
}
END_TEST

Suite *suite_alpn(void)
{
    Suite *s = suite_create("alpn");
    TCase *tc = conf_tcase("alpn");

    ADD_TABLE(tc, alpn_case, cases);
    tcase_add_test(tc, alpn_bad_lists);
    suite_add_tcase(s, tc);
    return s;
}
