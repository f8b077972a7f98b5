/* The library as a whole: version, provider, status and verification-error
 * names and strings, capabilities, trust sources that depend on them. */
#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "outcome.h"
#include "pair.h"
#include "pki.h"
#include "psk_side.h"
#include "suites.h"

START_TEST(lib_version)
{
    struct outcome o;
    char built[32];

    snprintf(built, sizeof(built), "%d.%d.%d", UNITLS_VERSION_MAJOR,
             UNITLS_VERSION_MINOR, UNITLS_VERSION_PATCH);
    oc_init(&o, "lib.version", "");
    oc_str(&o, "version", unitls_version(), UNITLS_VERSION_STRING);
    oc_str(&o, "parts", UNITLS_VERSION_STRING, built);
    oc_true(&o, "number", UNITLS_VERSION_NUMBER ==
                              (unsigned)((UNITLS_VERSION_MAJOR << 24) |
                                         (UNITLS_VERSION_MINOR << 16) |
                                         (UNITLS_VERSION_PATCH << 8)));
    oc_finish(&o);
}
END_TEST

/* The provider's name itself differs by design, so the line records only
 * whether it matched. */
START_TEST(lib_provider)
{
    struct outcome o;
    const char *name = unitls_provider_name(), *bver = unitls_provider_version();

    oc_init(&o, "lib.provider", "");
    oc_true(&o, "name_is_header_name", strcmp(name, UNITLS_PROVIDER_NAME) == 0);
    oc_true(&o, "name_is_built_provider", strcmp(name, conf.provider) == 0);
    oc_true(&o, "backend_version_nonempty", bver != NULL && bver[0] != '\0');
    if (strcmp(name, conf.provider) != 0)
        oc_fail(&o, "provider \"%s\", built for \"%s\"", name, conf.provider);
    oc_finish(&o);
}
END_TEST

/* Every bit the headers document; a provider setting any other is
 * advertising a feature no one can ask for. */
#define KNOWN_CAPS                                                           \
    (UNITLS_CAP_TLS13 | UNITLS_CAP_TRUST_DIR | UNITLS_CAP_SYSTEM_TRUST |     \
     UNITLS_CAP_TLS13_SUITES | VERIFY_CAPS | UNITLS_CAP_SNI_SWITCH |           \
     UNITLS_CAP_KEYLOG | UNITLS_CAP_OCSP_STAPLE | UNITLS_CAP_OCSP_CLIENT |     \
     UNITLS_CAP_PSK | UNITLS_CAP_PSK_TLS13 | UNITLS_CAP_SESSIONS |             \
     UNITLS_CAP_TICKET_KEYS)
#define VERIFY_CAPS                                                          \
    (UNITLS_CAP_CRL | UNITLS_CAP_VERIFY_TIME | UNITLS_CAP_PARTIAL_CHAIN |    \
     UNITLS_CAP_UNTRUSTED | UNITLS_CAP_VERIFY_PURPOSE)

/* Each verification control, and each PSK bit, answers by its bit:
 * UNITLS_OK with it, UNITLS_E_UNSUPPORTED without (the cases in
 * cases_verifyctl.c and cases_psk.c check that the controls that answer
 * UNITLS_OK work). Records "<name>=<0|1>". */
static void verify_setters_match_caps(struct outcome *o, uint32_t caps)
{
    static const struct {
        const char *name;
        uint32_t cap;
    } bits[] = {{"crl", UNITLS_CAP_CRL},
                {"verify_time", UNITLS_CAP_VERIFY_TIME},
                {"partial_chain", UNITLS_CAP_PARTIAL_CHAIN},
                {"untrusted", UNITLS_CAP_UNTRUSTED},
                {"verify_purpose", UNITLS_CAP_VERIFY_PURPOSE},
                {"psk", UNITLS_CAP_PSK},
                {"psk_tls13", UNITLS_CAP_PSK_TLS13}};
    for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
        unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
        int st = UNITLS_E_INTERNAL;
        switch (bits[i].cap) {
        case UNITLS_CAP_CRL:
            st = unitls_ctx_set_crl_check(ctx, UNITLS_CRL_LEAF);
            break;
        case UNITLS_CAP_VERIFY_TIME:
            st = unitls_ctx_set_verify_time(ctx, 1700000000);
            break;
        case UNITLS_CAP_PARTIAL_CHAIN:
            st = unitls_ctx_set_partial_chain(ctx, 1);
            break;
        case UNITLS_CAP_UNTRUSTED:
            st = unitls_ctx_load_untrusted_file(ctx,
                                                pki_path("int-ca.crt").s);
            break;
        case UNITLS_CAP_PSK: /* TLS 1.2 only: every PSK provider */
            st = unitls_ctx_set_versions(ctx, 0, UNITLS_TLS1_2);
            if (st == UNITLS_OK)
                st = unitls_ctx_set_psk_client_callback(ctx, psk_no_key, NULL);
            break;
        case UNITLS_CAP_PSK_TLS13: /* the default maximum, TLS 1.3 */
            st = unitls_ctx_set_psk_client_callback(ctx, psk_no_key, NULL);
            break;
        default:
            st = unitls_ctx_set_verify_purpose(ctx, UNITLS_PURPOSE_CLIENT);
        }
        unitls_ctx_free(ctx);
        int has = (caps & bits[i].cap) != 0;
        oc_put(o, bits[i].name, "%d", has);
        if (st != (has ? UNITLS_OK : UNITLS_E_UNSUPPORTED))
            oc_fail(o, "%s: the setter answered %s with the bit %s",
                    bits[i].name, unitls_status_name(st),
                    has ? "set" : "clear");
    }
}

/* The session settings answer by their bits the same way (the resume
 * suite shows that resumption and key rotation work where they answer
 * UNITLS_OK). Records "sessions=<0|1> ticket_keys=<0|1>". */
static void session_setters_match_caps(struct outcome *o, uint32_t caps)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
    int lifetime = unitls_ctx_set_session_lifetime(ctx, 60);
    int rotate = unitls_ctx_rotate_ticket_key(ctx);
    unitls_ctx_free(ctx);
    unitls_session *sess = NULL;
    int parse = unitls_session_from_bytes("x", 1, &sess);
    int sessions = (caps & UNITLS_CAP_SESSIONS) != 0;
    int keys = (caps & UNITLS_CAP_TICKET_KEYS) != 0;
    oc_put(o, "sessions", "%d", sessions);
    oc_put(o, "ticket_keys", "%d", keys);
    if (lifetime != (sessions ? UNITLS_OK : UNITLS_E_UNSUPPORTED) ||
        parse != (sessions ? UNITLS_E_PARSE : UNITLS_E_UNSUPPORTED))
        oc_fail(o, "sessions: the setters answered %s, %s with the bit %s",
                unitls_status_name(lifetime), unitls_status_name(parse),
                sessions ? "set" : "clear");
    if (rotate != (keys ? UNITLS_OK : UNITLS_E_UNSUPPORTED))
        oc_fail(o, "ticket_keys: rotation answered %s with the bit %s",
                unitls_status_name(rotate), keys ? "set" : "clear");
    if (keys && !sessions)
        oc_fail(o, "ticket keys without sessions");
}

/* UNITLS_CAP_TLS13_SUITES says what unitls_ctx_set_tls13_suites() answers
 * for a valid list: UNITLS_OK with the bit, UNITLS_E_UNSUPPORTED without. */
static int tls13_suites_setter_matches_cap(uint32_t caps)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    int st = unitls_ctx_set_tls13_suites(ctx, "TLS_AES_256_GCM_SHA384:"
                                              "TLS_AES_128_GCM_SHA256");

    unitls_ctx_free(ctx);
    return st == ((caps & UNITLS_CAP_TLS13_SUITES) ? UNITLS_OK
                                                   : UNITLS_E_UNSUPPORTED);
}

START_TEST(lib_caps)
{
    struct outcome o;
    uint32_t caps = unitls_provider_caps();

    oc_init(&o, "lib.caps", "");
    oc_true(&o, "tls13", (caps & UNITLS_CAP_TLS13) != 0);
    oc_put(&o, "trust_dir", "%d", (caps & UNITLS_CAP_TRUST_DIR) != 0);
    oc_put(&o, "system_trust", "%d", (caps & UNITLS_CAP_SYSTEM_TRUST) != 0);
    oc_int(&o, "has_matches_caps", unitls_provider_has(caps) != 0, 1);
    oc_int(&o, "has_nothing", unitls_provider_has(0) != 0, 1);
    oc_int(&o, "has_unknown_bit", unitls_provider_has(1u << 31) != 0, 0);
    oc_true(&o, "known_bits_only", (caps & ~KNOWN_CAPS) == 0);
    oc_true(&o, "tls13_suites_needs_tls13",
            !(caps & UNITLS_CAP_TLS13_SUITES) || (caps & UNITLS_CAP_TLS13));
    oc_true(&o, "has_tls13_suites_matches_caps",
            (unitls_provider_has(UNITLS_CAP_TLS13_SUITES) != 0) ==
                ((caps & UNITLS_CAP_TLS13_SUITES) != 0));
    oc_true(&o, "tls13_suites_setter_matches_cap",
            tls13_suites_setter_matches_cap(caps));
    verify_setters_match_caps(&o, caps);
    keylog_ocsp_setters_match_caps(&o, caps);
    session_setters_match_caps(&o, caps);
    oc_finish(&o);
}
END_TEST

/* With UNITLS_CAP_TRUST_DIR the hashed directory verifies the server; without
 * it the loader answers UNITLS_E_UNSUPPORTED. */
static const struct pair_case trust_dir_case = {
    "lib.trust_dir", TR_SOCKETPAIR,
    {.trust_dir = "capath", .server_name = "localhost",
     .x = EX_OK13(CN_SERVER)},
    {SRV_STD, .x = EX_OK13("-")}};

START_TEST(lib_trust_dir)
{
    struct outcome o;
    unitls_ctx *ctx;

    if (unitls_provider_has(UNITLS_CAP_TRUST_DIR)) {
        pair_case_run(&trust_dir_case);
        return;
    }
    oc_init(&o, "lib.trust_dir", "");
    ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    oc_status(&o, "load_verify_dir",
              unitls_ctx_load_verify_dir(ctx, pki_path("capath").s),
              UNITLS_E_UNSUPPORTED);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

START_TEST(lib_system_trust)
{
    int has = unitls_provider_has(UNITLS_CAP_SYSTEM_TRUST);
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    struct outcome o;

    oc_init(&o, "lib.system_trust", "");
    oc_put(&o, "cap", "%d", has != 0);
    oc_status(&o, "load_system_trust", unitls_ctx_load_system_trust(ctx),
              has ? UNITLS_OK : UNITLS_E_UNSUPPORTED);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

Suite *suite_library(void)
{
    Suite *s = suite_create("library");
    TCase *tc = conf_tcase("library");

    tcase_add_test(tc, lib_version);
    tcase_add_test(tc, lib_provider);
    tcase_add_test(tc, lib_caps);
    tcase_add_test(tc, lib_trust_dir);
    tcase_add_test(tc, lib_system_trust);
    library_names_add(tc);
    suite_add_tcase(s, tc);
    return s;
}
