/* Cipher suites set by IANA name: unitls_ctx_set_ciphers() (TLS 1.2) and
 * unitls_ctx_set_tls13_suites() (TLS 1.3, UNITLS_CAP_TLS13_SUITES).
 *
 * Right answers, from ctx.h:
 *  - both ends limited to one suite negotiate exactly that suite;
 *  - a server picks by its own order among the suites both have;
 *  - disjoint TLS 1.2 lists: the server finds no shared suite, fails with
 *    UNITLS_E_HANDSHAKE and sends handshake_failure (40); the client
 *    receives that alert and fails with UNITLS_E_PEER_ALERT, as for every
 *    fatal alert received (status.h), exactly as when a server has no
 *    certificate (hs.server_without_certificate);
 *  - a list is checked before any provider sees it, alike everywhere: an
 *    unknown name, a name of the other protocol version, an empty list, an
 *    empty name, a name listed twice, a backend's own spelling and NULL are
 *    UNITLS_E_INVALID_ARG, and the message names the offending name;
 *  - without UNITLS_CAP_TLS13_SUITES, a valid TLS 1.3 list is
 *    UNITLS_E_UNSUPPORTED, never a silent no-op;
 *  - once a connection uses the context, UNITLS_E_STATE. */
#include <stdio.h>
#include <string.h>

#include "outcome.h"
#include "pair.h"
#include "suites.h"

#define TLS12 UNITLS_TLS1_2
#define AES256_13 "TLS_AES_256_GCM_SHA384"
#define CHACHA_12 "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"
#define AES256_12 "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"
/* The client offers CHACHA_12 only, the server knows AES256_12 only. */
#define EX_NO_SHARED_SENT                                                     \
    EX_FAIL(UNITLS_E_HANDSHAKE, "[]", ALERT_HANDSHAKE_FAILURE, ALERT_NONE)
#define EX_NO_SHARED_RECV                                                     \
    EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE, ALERT_HANDSHAKE_FAILURE)

static const struct pair_case tls12_cases[] = {
    {"cipher.tls12_chacha20", TR_SOCKETPAIR,
     {CLI_STD, .max_version = TLS12, .tls12_suites = CHACHA_12,
      .x = EX_OK("TLSv1.2", CHACHA_12, CN_SERVER)},
     {SRV_STD, .max_version = TLS12, .tls12_suites = CHACHA_12,
      .x = EX_OK("TLSv1.2", CHACHA_12, "-")}},
    {"cipher.tls12_aes256", TR_SOCKETPAIR,
     {CLI_STD, .max_version = TLS12, .tls12_suites = AES256_12,
      .x = EX_OK("TLSv1.2", AES256_12, CN_SERVER)},
     {SRV_STD, .max_version = TLS12, .tls12_suites = AES256_12,
      .x = EX_OK("TLSv1.2", AES256_12, "-")}},
    /* The client prefers AES-256, the server CHACHA20: the server's order
     * wins. */
    {"cipher.tls12_server_order", TR_SOCKETPAIR,
     {CLI_STD, .max_version = TLS12, .tls12_suites = AES256_12 ":" CHACHA_12,
      .x = EX_OK("TLSv1.2", CHACHA_12, CN_SERVER)},
     {SRV_STD, .max_version = TLS12, .tls12_suites = CHACHA_12 ":" AES256_12,
      .x = EX_OK("TLSv1.2", CHACHA_12, "-")}},
    {"cipher.tls12_disjoint", TR_SOCKETPAIR,
     {CLI_STD, .max_version = TLS12, .tls12_suites = CHACHA_12,
      .x = EX_NO_SHARED_RECV},
     {SRV_STD, .max_version = TLS12, .tls12_suites = AES256_12,
      .x = EX_NO_SHARED_SENT}},
    /* Setting the TLS 1.2 suites leaves TLS 1.3 at its defaults. */
    {"cipher.tls12_list_keeps_tls13", TR_SOCKETPAIR,
     {CLI_STD, .tls12_suites = CHACHA_12, .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .tls12_suites = AES256_12, .x = EX_OK13("-")}},
};

START_TEST(cipher_tls12_case)
{
    pair_case_run(&tls12_cases[_i]);
}
END_TEST

static const struct pair_case tls13_case = {
    "cipher.tls13_aes256", TR_SOCKETPAIR,
    {CLI_STD, .tls13_suites = AES256_13,
     .x = EX_OK("TLSv1.3", AES256_13, CN_SERVER)},
    {SRV_STD, .tls13_suites = AES256_13, .x = EX_OK("TLSv1.3", AES256_13, "-")}};

/* With UNITLS_CAP_TLS13_SUITES both ends limited to TLS_AES_256_GCM_SHA384
 * negotiate it; without it the setter answers exactly UNITLS_E_UNSUPPORTED.
 * The line records only whether the provider did what its bit says, so it
 * is the same on every provider. */
START_TEST(cipher_tls13)
{
    struct outcome o, run;

    oc_init(&o, tls13_case.id, "");
    if (unitls_provider_has(UNITLS_CAP_TLS13_SUITES)) {
        oc_init(&run, tls13_case.id, "");
        pair_run(&tls13_case, &run);
        oc_true(&o, "matches_cap", run.nfail == 0);
        if (run.nfail != 0)
            oc_fail(&o, "with UNITLS_CAP_TLS13_SUITES: %s [%s]", run.fails,
                    run.kv);
    } else {
        unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
        int st = unitls_ctx_set_tls13_suites(ctx, AES256_13);

        oc_true(&o, "matches_cap", st == UNITLS_E_UNSUPPORTED);
        if (st != UNITLS_E_UNSUPPORTED)
            oc_fail(&o, "without UNITLS_CAP_TLS13_SUITES: got %s, want "
                        "UNITLS_E_UNSUPPORTED",
                    oc_status_name(st));
        unitls_ctx_free(ctx);
    }
    oc_finish(&o);
}
END_TEST

/* A list the API refuses: the status, and whether the message names
 * `culprit`. */
struct bad_list {
    const char *key;
    int tls13; /* 0: unitls_ctx_set_ciphers, 1: _set_tls13_suites */
    const char *list;
    const char *culprit; /* NULL: nothing to name */
};

static const struct bad_list bad_lists[] = {
    {"unknown", 0, "TLS_FOO", "TLS_FOO"},
    {"unknown_among_known", 0, AES256_12 ":TLS_FOO:" CHACHA_12, "TLS_FOO"},
    {"unknown_tls13", 1, "TLS_FOO", "TLS_FOO"},
    {"lowercase", 0, "tls_ecdhe_ecdsa_with_aes_256_gcm_sha384",
     "tls_ecdhe_ecdsa_with_aes_256_gcm_sha384"},
    {"backend_spelling", 0, "ECDHE-ECDSA-AES256-GCM-SHA384",
     "ECDHE-ECDSA-AES256-GCM-SHA384"},
    {"tls13_in_tls12", 0, AES256_12 ":" AES256_13, AES256_13},
    {"tls12_in_tls13", 1, AES256_12, AES256_12},
    {"empty", 0, "", NULL},
    {"empty_tls13", 1, "", NULL},
    {"null", 0, NULL, NULL},
    {"null_tls13", 1, NULL, NULL},
    {"empty_name", 0, AES256_12 "::" CHACHA_12, NULL},
    {"trailing_colon", 0, AES256_12 ":", NULL},
    {"twice", 0, AES256_12 ":" CHACHA_12 ":" AES256_12, AES256_12},
};

START_TEST(cipher_bad_lists)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    struct outcome o;
    char key[64];
    size_t i;

    oc_init(&o, "cipher.bad_lists", "");
    for (i = 0; i < sizeof(bad_lists) / sizeof(bad_lists[0]); i++) {
        const struct bad_list *b = &bad_lists[i];
        int st = b->tls13 ? unitls_ctx_set_tls13_suites(ctx, b->list)
                          : unitls_ctx_set_ciphers(ctx, b->list);

        oc_status(&o, b->key, st, UNITLS_E_INVALID_ARG);
        if (b->culprit != NULL) {
            snprintf(key, sizeof(key), "%s_named", b->key);
            oc_true(&o, key,
                    strstr(unitls_ctx_error(ctx), b->culprit) != NULL);
        }
    }
    oc_status(&o, "null_ctx", unitls_ctx_set_ciphers(NULL, AES256_12),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "null_ctx_tls13", unitls_ctx_set_tls13_suites(NULL, AES256_13),
              UNITLS_E_INVALID_ARG);
    /* After all those failures the context still works as configured. */
    oc_status(&o, "valid_after", unitls_ctx_set_ciphers(ctx, AES256_12),
              UNITLS_OK);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

/* Suites no provider implements: ECCPWD (RFC 8492) is in no backend's
 * table; the GOST suite is in OpenSSL's but needs a GOST engine, so OpenSSL
 * accepts its name and leaves it out of the list (the provider must see
 * that). UNITLS_E_UNSUPPORTED, naming the suite. */
#define ECCPWD_12 "TLS_ECCPWD_WITH_AES_128_GCM_SHA256"
#define GOST_12 "TLS_GOSTR341112_256_WITH_KUZNYECHIK_CTR_OMAC"

START_TEST(cipher_unsupported)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
    struct outcome o;

    oc_init(&o, "cipher.unsupported", "");
    oc_status(&o, "eccpwd", unitls_ctx_set_ciphers(ctx, AES256_12 ":" ECCPWD_12),
              UNITLS_E_UNSUPPORTED);
    oc_true(&o, "eccpwd_named", strstr(unitls_ctx_error(ctx), ECCPWD_12) != NULL);
    oc_status(&o, "gost", unitls_ctx_set_ciphers(ctx, AES256_12 ":" GOST_12),
              UNITLS_E_UNSUPPORTED);
    oc_true(&o, "gost_named", strstr(unitls_ctx_error(ctx), GOST_12) != NULL);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

/* A failed call keeps the suites the context had: after CHACHA20 alone, a
 * list the provider refuses (AES-256 and an unsupported suite) changes
 * nothing, and the server, which prefers AES-256, gets CHACHA20. */
static const struct pair_case keeps_case = {
    "cipher.failed_call_keeps_suites", TR_SOCKETPAIR,
    {CLI_STD, .max_version = TLS12, .tls12_suites = CHACHA_12,
     .tls12_refused = AES256_12 ":" GOST_12,
     .x = EX_OK("TLSv1.2", CHACHA_12, CN_SERVER)},
    {SRV_STD, .max_version = TLS12, .tls12_suites = AES256_12 ":" CHACHA_12,
     .tls12_refused = "TLS_FOO",
     .x = EX_OK("TLSv1.2", CHACHA_12, "-")}};

START_TEST(cipher_failed_call_keeps_suites)
{
    pair_case_run(&keeps_case);
}
END_TEST

START_TEST(cipher_state)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    unitls_conn *conn = unitls_conn_new(ctx);
    struct outcome o;

    oc_init(&o, "cipher.state", "");
    oc_true(&o, "conn_new", conn != NULL);
    oc_status(&o, "set_ciphers", unitls_ctx_set_ciphers(ctx, AES256_12),
              UNITLS_E_STATE);
    oc_status(&o, "set_tls13_suites",
              unitls_ctx_set_tls13_suites(ctx, AES256_13), UNITLS_E_STATE);
    unitls_conn_free(conn);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

#define DEFAULT_TLS13_SUITES                                                 \
    "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:"                         \
    "TLS_CHACHA20_POLY1305_SHA256"

/* The supported list (unitls_provider_cipher*): every listed suite is
 * accepted by its setter (without UNITLS_CAP_TLS13_SUITES, a TLS 1.3 suite
 * is one of the fixed defaults), the TLS 1.3 suites come first, unitls'
 * defaults are all there, export suites never. The list itself differs
 * between providers and is not recorded. */
static int is_tls12_name(const char *name)
{
    return strstr(name, "_WITH_") != NULL;
}

static int listed_suite_works(const char *name)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    int st;
    if (is_tls12_name(name))
        st = unitls_ctx_set_ciphers(ctx, name);
    else if (unitls_provider_has(UNITLS_CAP_TLS13_SUITES))
        st = unitls_ctx_set_tls13_suites(ctx, name);
    else
        st = strstr(DEFAULT_TLS13_SUITES, name) ? UNITLS_OK
                                                : UNITLS_E_UNSUPPORTED;
    unitls_ctx_free(ctx);
    return st == UNITLS_OK;
}

static int listed(const char *name)
{
    for (size_t i = 0; i < unitls_provider_cipher_count(); i++)
        if (strcmp(unitls_provider_cipher(i), name) == 0)
            return 1;
    return 0;
}

START_TEST(cipher_supported_list)
{
    static const char *const defaults[] = {
        "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"};
    struct outcome o;
    size_t n = unitls_provider_cipher_count();
    int order_ok = 1, works = 1, seen_tls12 = 0;

    oc_init(&o, "cipher.supported_list", "");
    oc_true(&o, "not_empty", n > 0);
    for (size_t i = 0; i < n; i++) {
        const char *name = unitls_provider_cipher(i);
        order_ok &= !(seen_tls12 && !is_tls12_name(name));
        seen_tls12 |= is_tls12_name(name);
        if (!listed_suite_works(name)) {
            works = 0;
            oc_fail(&o, "listed %s is refused by its setter", name);
        }
    }
    oc_true(&o, "tls13_first", order_ok);
    oc_true(&o, "listed_suites_accepted", works);
    oc_true(&o, "end_is_null", unitls_provider_cipher(n) == NULL);
    for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++)
        if (!listed(defaults[i]))
            oc_fail(&o, "default suite %s is not listed", defaults[i]);
    oc_true(&o, "no_export_suite",
            !listed("TLS_RSA_EXPORT_WITH_RC4_40_MD5") &&
                !listed("TLS_RSA_EXPORT_WITH_DES40_CBC_SHA"));
    oc_finish(&o);
}
END_TEST

Suite *suite_ciphers(void)
{
    Suite *s = suite_create("ciphers");
    TCase *tc = conf_tcase("ciphers");

    ADD_TABLE(tc, cipher_tls12_case, tls12_cases);
    tcase_add_test(tc, cipher_tls13);
    tcase_add_test(tc, cipher_bad_lists);
    tcase_add_test(tc, cipher_unsupported);
    tcase_add_test(tc, cipher_failed_call_keeps_suites);
    tcase_add_test(tc, cipher_state);
    tcase_add_test(tc, cipher_supported_list);
    suite_add_tcase(s, tc);
    return s;
}
