/* Key-exchange groups (issue 8): unitls_ctx_set_groups(), the group a
 * handshake used (unitls_conn_group) and the suite's strength
 * (unitls_conn_cipher_bits).
 *
 * Right answers, from ctx.h and conn.h:
 *  - the default list is X25519, P-256, P-384 on every provider: two ends
 *    left at it use X25519, in TLS 1.3 and in TLS 1.2 (ECDHE);
 *  - a server uses the first group of the client's list that is in its
 *    own; a TLS 1.3 client whose key share is for another group is asked
 *    for that one (HelloRetryRequest) and the handshake succeeds with it;
 *  - with no group in common the server fails with UNITLS_E_HANDSHAKE and
 *    sends handshake_failure (40), and the client, receiving it, fails with
 *    UNITLS_E_PEER_ALERT, in TLS 1.3 and in TLS 1.2;
 *  - every group the provider lists (unitls_provider_group) is accepted by
 *    the setter and, forced on both ends, is the one used and reported; a
 *    group it does not list is refused with UNITLS_E_UNSUPPORTED;
 *  - an unknown name, a name twice (under either spelling), an empty list
 *    or name and NULL are UNITLS_E_INVALID_ARG, and the message names the
 *    entry; the IANA names (secp256r1, ...) are accepted in any case;
 *  - the strength is 128 for AES-128-GCM, 256 for AES-256-GCM and
 *    CHACHA20-POLY1305, in TLS 1.3 and TLS 1.2;
 *  - before a handshake, the group is NULL and the strength 0; after a
 *    TLS 1.2 RSA key exchange, the group is NULL. */
#include <stdio.h>
#include <string.h>

#include "outcome.h"
#include "pair.h"
#include "suites.h"

#define TLS12 UNITLS_TLS1_2
#define EX_NONE_SHARED_SENT                                                   \
    EX_FAIL(UNITLS_E_HANDSHAKE, "[]", ALERT_HANDSHAKE_FAILURE, ALERT_NONE)
#define EX_NONE_SHARED_RECV                                                   \
    EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE, ALERT_HANDSHAKE_FAILURE)

/* Records the group used ("-" for none), expecting sarg, and the suite's
 * strength, expecting arg. */
static void after_group(struct end *e)
{
    const char *group = e->conn ? unitls_conn_group(e->conn) : NULL;
    oc_str(&e->o, "group", group ? group : "-", e->cfg->sarg);
    oc_int(&e->o, "bits", unitls_conn_cipher_bits(e->conn), e->cfg->arg);
}

/* Both ends agree on `want` with `bits`. */
#define USES(id, cli_groups, srv_groups, want, bits, max, ex_cli, ex_srv)     \
    {id, TR_SOCKETPAIR,                                                       \
     {CLI_STD, .groups = (cli_groups), .max_version = (max),                  \
      .after = after_group, .sarg = (want), .arg = (bits), .x = ex_cli},      \
     {SRV_STD, .groups = (srv_groups), .max_version = (max),                  \
      .after = after_group, .sarg = (want), .arg = (bits), .x = ex_srv}}
#define USES13(id, cli, srv, want)                                            \
    USES(id, cli, srv, want, 128, 0, EX_OK13(CN_SERVER), EX_OK13("-"))
#define USES12(id, cli, srv, want)                                            \
    USES(id, cli, srv, want, 128, TLS12, EX_OK12(CN_SERVER), EX_OK12("-"))

static const struct pair_case cases[] = {
    USES13("groups.default_tls13", NULL, NULL, "X25519"),
    USES12("groups.default_tls12", NULL, NULL, "X25519"),
    /* The client's order decides among the groups both have. */
    USES13("groups.client_preference_tls13", "X25519:P-256", "P-256:X25519",
           "X25519"),
    USES12("groups.client_preference_tls12", "P-384:P-256", "P-256:P-384",
           "P-384"),
    /* Two groups of the same size: only the order tells them apart. */
    USES12("groups.client_preference_tls12_p256_x25519", "P-256:X25519",
           "X25519:P-256", "P-256"),
    {"groups.client_preference_tls12_server_tls13", TR_SOCKETPAIR,
     {CLI_STD, .groups = "P-256:X25519", .max_version = TLS12,
      .after = after_group, .sarg = "P-256", .arg = 128,
      .x = EX_OK12(CN_SERVER)},
     {SRV_STD, .groups = "X25519:P-256", .after = after_group,
      .sarg = "P-256", .arg = 128, .x = EX_OK12("-")}},
    /* The client's first group is not the server's: its next one is. */
    USES12("groups.server_lacks_first_tls12", "X25519:P-256:P-384",
           "P-384:P-256", "P-256"),
    /* The server cannot use the client's key share (X25519): it asks for
     * one for P-384 (HelloRetryRequest), or for the client's next
     * acceptable group. */
    USES13("groups.hello_retry", "X25519:P-384", "P-384", "P-384"),
    USES13("groups.hello_retry_client_order", "X25519:P-256:P-384",
           "P-384:P-256", "P-256"),
    /* Spelled by their IANA names, reported by unitls' ones. */
    USES13("groups.iana_names", "secp384r1", "SECP384R1:x25519", "P-384"),
    /* A refused list (groups_refused) leaves P-384 in force. */
    {"groups.failed_call_keeps_list", TR_SOCKETPAIR,
     {CLI_STD, .groups = "P-384", .groups_refused = "X25519:nope",
      .after = after_group, .sarg = "P-384", .arg = 128,
      .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .groups = "X25519:P-384", .after = after_group,
      .sarg = "P-384", .arg = 128, .x = EX_OK13("-")}},
    USES("groups.none_shared_tls13", "X25519", "P-256", "-", 0, 0,
         EX_NONE_SHARED_RECV, EX_NONE_SHARED_SENT),
    USES("groups.none_shared_tls12", "P-384", "P-256", "-", 0, TLS12,
         EX_NONE_SHARED_RECV, EX_NONE_SHARED_SENT),
};

START_TEST(groups_case)
{
    pair_case_run(&cases[_i]);
}
END_TEST

/* Runs `pc` and records under `key` whether all its expectations held. */
static void record_run(struct outcome *o, const char *key,
                       const struct pair_case *pc)
{
    struct outcome run;
    oc_init(&run, pc->id, "");
    pair_run(pc, &run);
    oc_true(o, key, run.nfail == 0);
    if (run.nfail != 0)
        oc_fail(o, "%s [%s]", run.fails, run.kv);
}

static int listed(const char *group)
{
    for (size_t i = 0; i < unitls_provider_group_count(); i++)
        if (strcmp(unitls_provider_group(i), group) == 0)
            return 1;
    return 0;
}

/* Every group unitls names, forced on both ends. */
static const char *const registry[] = {"P-256",     "P-384",     "P-521",
                                       "X25519",    "X448",      "ffdhe2048",
                                       "ffdhe3072", "ffdhe4096"};

/* A listed group forced on both ends is used (the finite-field ones in
 * TLS 1.3 only); an unlisted one is refused by the setter. The line
 * records only whether the provider did what its list says, so it is the
 * same on every provider. */
static void check_forced(const char *group, int max_version)
{
    char id[64];
    struct outcome o;
    snprintf(id, sizeof(id), "groups.forced_%s%s", group,
             max_version == TLS12 ? "_tls12" : "");
    oc_init(&o, id, "");
    if (listed(group)) {
        struct pair_case pc = USES(id, group, group, group, 128, max_version,
                                   EX_OK13(CN_SERVER), EX_OK13("-"));
        if (max_version == TLS12) {
            /* A TLS 1.2 client's groups also bound the curve of an ECDSA
             * certificate: the server's RSA one leaves only the key
             * exchange to them. */
            pc.server.chain = "server-rsa-chain.pem";
            pc.server.key = "server-rsa.key";
            pc.client.x = (struct expect)EX_OK("TLSv1.2", CIPHER12_RSA,
                                               CN_SERVER);
            pc.server.x = (struct expect)EX_OK("TLSv1.2", CIPHER12_RSA, "-");
        }
        record_run(&o, "matches_list", &pc);
    } else {
        unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
        int st = unitls_ctx_set_groups(ctx, group);
        oc_true(&o, "matches_list", st == UNITLS_E_UNSUPPORTED &&
                                        strstr(unitls_ctx_error(ctx), group));
        if (st != UNITLS_E_UNSUPPORTED)
            oc_fail(&o, "unlisted %s: got %s, want UNITLS_E_UNSUPPORTED",
                    group, oc_status_name(st));
        unitls_ctx_free(ctx);
    }
    oc_finish(&o);
}

START_TEST(groups_forced_tls13)
{
    check_forced(registry[_i], 0);
}
END_TEST

/* TLS 1.2 uses the elliptic-curve groups only (the first five). */
START_TEST(groups_forced_tls12)
{
    check_forced(registry[_i], TLS12);
}
END_TEST

/* The strength of the suite both ends are limited to: TLS 1.2 suites on
 * every provider, TLS 1.3 ones only with UNITLS_CAP_TLS13_SUITES (without
 * it the setter answers UNITLS_E_UNSUPPORTED, which is what is checked). */
struct bits_case {
    const char *id;
    const char *tls12, *tls13; /* one of them */
    int bits;
};

static const struct bits_case bits_cases[] = {
    {"groups.bits_tls13_aes128", NULL, "TLS_AES_128_GCM_SHA256", 128},
    {"groups.bits_tls13_aes256", NULL, "TLS_AES_256_GCM_SHA384", 256},
    {"groups.bits_tls13_chacha20", NULL, "TLS_CHACHA20_POLY1305_SHA256", 256},
    {"groups.bits_tls12_aes128", CIPHER12_ECDSA, NULL, 128},
    {"groups.bits_tls12_aes256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
     NULL, 256},
    {"groups.bits_tls12_chacha20",
     "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", NULL, 256},
};

START_TEST(groups_bits)
{
    const struct bits_case *bc = &bits_cases[_i];
    const char *cipher = bc->tls12 ? bc->tls12 : bc->tls13;
    int max = bc->tls12 ? TLS12 : 0;
    struct pair_case pc = USES(bc->id, NULL, NULL, "X25519", bc->bits, max,
                               EX_OK("TLSv1.3", cipher, CN_SERVER),
                               EX_OK("TLSv1.3", cipher, "-"));
    struct outcome o;

    if (bc->tls12) {
        pc.client.x.version = pc.server.x.version = "TLSv1.2";
        pc.client.tls12_suites = pc.server.tls12_suites = bc->tls12;
    } else {
        pc.client.tls13_suites = pc.server.tls13_suites = bc->tls13;
    }
    oc_init(&o, bc->id, "");
    if (bc->tls12 || unitls_provider_has(UNITLS_CAP_TLS13_SUITES)) {
        record_run(&o, "strength", &pc);
    } else {
        unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
        oc_true(&o, "strength", unitls_ctx_set_tls13_suites(ctx, bc->tls13) ==
                                    UNITLS_E_UNSUPPORTED);
        unitls_ctx_free(ctx);
    }
    oc_finish(&o);
}
END_TEST

/* A TLS 1.2 RSA key exchange uses no group. Where the provider does not
 * implement such a suite, its setter refuses it (cipher.supported_list
 * checks that list against the setter). */
START_TEST(groups_rsa_key_exchange)
{
    static const char suite[] = "TLS_RSA_WITH_AES_128_GCM_SHA256";
    struct pair_case pc = {
        "groups.rsa_key_exchange", TR_SOCKETPAIR,
        {CLI_STD, .max_version = TLS12, .tls12_suites = suite,
         .after = after_group, .sarg = "-", .arg = 128,
         .x = EX_OK("TLSv1.2", suite, CN_SERVER)},
        {.chain = "server-rsa-chain.pem", .key = "server-rsa.key",
         .max_version = TLS12, .tls12_suites = suite, .after = after_group,
         .sarg = "-", .arg = 128, .x = EX_OK("TLSv1.2", suite, "-")}};
    struct outcome o;
    int offered = 0;

    for (size_t i = 0; i < unitls_provider_cipher_count(); i++)
        offered |= strcmp(unitls_provider_cipher(i), suite) == 0;
    oc_init(&o, pc.id, "");
    if (offered) {
        record_run(&o, "no_group", &pc);
    } else {
        unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
        oc_true(&o, "no_group",
                unitls_ctx_set_ciphers(ctx, suite) == UNITLS_E_UNSUPPORTED);
        unitls_ctx_free(ctx);
    }
    oc_finish(&o);
}
END_TEST

/* A list the API refuses: UNITLS_E_INVALID_ARG, and whether the message
 * names `culprit`. */
static const struct {
    const char *key, *list, *culprit;
} bad_lists[] = {
    {"unknown", "X25519:P-255", "P-255"},
    {"backend_spelling", "prime256v1", "prime256v1"},
    {"twice", "X25519:P-256:X25519", "X25519"},
    {"twice_by_alias", "P-256:secp256r1", "secp256r1"},
    {"empty", "", NULL},
    {"null", NULL, NULL},
    {"empty_name", "X25519::P-256", NULL},
    {"trailing_colon", "X25519:", NULL},
};

START_TEST(groups_bad_lists)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    struct outcome o;
    char key[64];

    oc_init(&o, "groups.bad_lists", "");
    for (size_t i = 0; i < sizeof(bad_lists) / sizeof(bad_lists[0]); i++) {
        oc_status(&o, bad_lists[i].key,
                  unitls_ctx_set_groups(ctx, bad_lists[i].list),
                  UNITLS_E_INVALID_ARG);
        snprintf(key, sizeof(key), "%s_named", bad_lists[i].key);
        if (bad_lists[i].culprit != NULL)
            oc_true(&o, key,
                    strstr(unitls_ctx_error(ctx), bad_lists[i].culprit) !=
                        NULL);
    }
    oc_status(&o, "null_ctx", unitls_ctx_set_groups(NULL, "X25519"),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "lowercase", unitls_ctx_set_groups(ctx, "p-384:x25519"),
              UNITLS_OK);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

/* Nothing is negotiated before the handshake, and a context in use
 * refuses a new list. */
START_TEST(groups_before_handshake)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    struct outcome o;

    oc_init(&o, "groups.before_handshake", "");
    oc_status(&o, "set", unitls_ctx_set_groups(ctx, "P-384"), UNITLS_OK);
    oc_status(&o, "bad_set", unitls_ctx_set_groups(ctx, "P-256:nope"),
              UNITLS_E_INVALID_ARG);
    unitls_conn *conn = unitls_conn_new(ctx);
    oc_str(&o, "group", unitls_conn_group(conn), NULL);
    oc_int(&o, "bits", unitls_conn_cipher_bits(conn), 0);
    oc_str(&o, "group_null_conn", unitls_conn_group(NULL), NULL);
    oc_int(&o, "bits_null_conn", unitls_conn_cipher_bits(NULL), 0);
    oc_status(&o, "in_use", unitls_ctx_set_groups(ctx, "X25519"),
              UNITLS_E_STATE);
    unitls_conn_free(conn);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

/* The provider's list: the defaults are in it, every group in it is
 * accepted by the setter, in code point order. */
START_TEST(groups_supported_list)
{
    static const char *const defaults[] = {"X25519", "P-256", "P-384"};
    struct outcome o;
    size_t n = unitls_provider_group_count();
    int accepted = 1;

    oc_init(&o, "groups.supported_list", "");
    for (size_t i = 0; i < n; i++) {
        unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
        if (unitls_ctx_set_groups(ctx, unitls_provider_group(i)) !=
            UNITLS_OK) {
            accepted = 0;
            oc_fail(&o, "listed %s is refused", unitls_provider_group(i));
        }
        unitls_ctx_free(ctx);
    }
    oc_true(&o, "listed_groups_accepted", accepted);
    for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++)
        if (!listed(defaults[i]))
            oc_fail(&o, "default group %s is not listed", defaults[i]);
    oc_true(&o, "end_is_null", unitls_provider_group(n) == NULL);
    oc_finish(&o);
}
END_TEST

Suite *suite_groups(void)
{
    Suite *s = suite_create("groups");
    TCase *tc = conf_tcase("groups");

    ADD_TABLE(tc, groups_case, cases);
    tcase_add_loop_test(tc, groups_forced_tls13, 0,
                        sizeof(registry) / sizeof(registry[0]));
    tcase_add_loop_test(tc, groups_forced_tls12, 0, 5);
    ADD_TABLE(tc, groups_bits, bits_cases);
    tcase_add_test(tc, groups_rsa_key_exchange);
    tcase_add_test(tc, groups_bad_lists);
    tcase_add_test(tc, groups_before_handshake);
    tcase_add_test(tc, groups_supported_list);
    suite_add_tcase(s, tc);
    return s;
}
