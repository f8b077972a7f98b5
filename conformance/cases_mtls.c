/* Mutual TLS (issue 8): a client certificate given as a PKCS#12 file (OpenSSL
 * 3's default encoding, PBES2/AES-256-CBC with a SHA-256 MAC, and the legacy
 * 3DES/SHA-1 one), as DER, or as PEM with an encrypted key; passwords given
 * or asked from the password callback, which is asked only when needed;
 * the server reads the client's chain as sent and as verified. Every
 * PKCS#12 file here holds client.crt, client.key and the chain int-ca,
 * root-ca (password "unitls-pass"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pair.h"
#include "pki.h"
#include "suites.h"

#define PASSWORD "unitls-pass"
#define CLIENT_CN "unitls test client"
#define INT_CN "unitls Test Intermediate CA"
#define ROOT_CN "unitls Test Root CA"
#define VERIFIED CLIENT_CN "<" INT_CN "<" ROOT_CN

/* The password callback: gives `give` (NULL: answers -1), counts calls. */
struct password_source {
    const char *give;
    int calls;
};

static int give_password(void *user, char *buf, size_t size)
{
    struct password_source *src = user;
    src->calls++;
    if (src->give == NULL || strlen(src->give) > size)
        return -1;
    memcpy(buf, src->give, strlen(src->give));
    return (int)strlen(src->give);
}

static int use_pkcs12_mem(unitls_ctx *ctx, const char *name, const char *pw)
{
    size_t len = 0;
    char *data = pki_read(name, &len);
    int st = data ? unitls_ctx_use_pkcs12_mem(ctx, data, len, pw)
                  : UNITLS_E_FILE;
    free(data);
    return st;
}

/* How a client's identity is given (side.arg). */
enum identity {
    ID_PKCS12,          /* client.p12, password given */
    ID_PKCS12_LEGACY,   /* client-legacy.p12, password given */
    ID_PKCS12_MEM,      /* client.p12 through _mem */
    ID_DER,             /* client.der + client-key.der */
    ID_PKCS12_CALLBACK, /* client.p12, no password: the callback gives it */
    ID_PEM_CALLBACK,    /* client-chain.pem + client-enc.key, the same */
    ID_GIVEN_WINS,      /* client.p12 with its password: no callback call */
    ID_PLAIN_KEY        /* client-chain.pem + client.key: no callback call */
};

static int load_identity(unitls_ctx *ctx, enum identity id)
{
    switch (id) {
    case ID_PKCS12:
    case ID_GIVEN_WINS:
        return unitls_ctx_use_pkcs12_file(ctx, pki_path("client.p12").s,
                                          PASSWORD);
    case ID_PKCS12_LEGACY:
        return unitls_ctx_use_pkcs12_file(
            ctx, pki_path("client-legacy.p12").s, PASSWORD);
    case ID_PKCS12_MEM:
        return use_pkcs12_mem(ctx, "client.p12", PASSWORD);
    case ID_DER:
        return unitls_ctx_use_certificate_file(ctx, pki_path("client.der").s,
                                               pki_path("client-key.der").s,
                                               NULL);
    case ID_PKCS12_CALLBACK:
        return unitls_ctx_use_pkcs12_file(ctx, pki_path("client.p12").s, NULL);
    case ID_PEM_CALLBACK:
        return unitls_ctx_use_certificate_file(
            ctx, pki_path("client-chain.pem").s,
            pki_path("client-enc.key").s, NULL);
    case ID_PLAIN_KEY:
    default:
        return unitls_ctx_use_certificate_file(
            ctx, pki_path("client-chain.pem").s, pki_path("client.key").s,
            NULL);
    }
}

/* Every identity is loaded with a password callback in place; it must be
 * asked exactly when the input needs a password and none was given. */
static int setup_identity(struct end *e)
{
    enum identity id = (enum identity)e->cfg->arg;
    struct password_source src = {PASSWORD, 0};
    int st = unitls_ctx_set_password_callback(e->ctx, give_password, &src);
    if (st == UNITLS_OK)
        st = load_identity(e->ctx, id);
    oc_int(&e->o, "password_calls", src.calls,
           id == ID_PKCS12_CALLBACK || id == ID_PEM_CALLBACK);
    return st;
}

/* The server reads the client's chain: as sent (sarg) and as verified. */
static void after_server(struct end *e)
{
    char cns[512];
    conn_chain_cns(e->conn, 0, cns, sizeof(cns));
    oc_str(&e->o, "sent", cns, e->cfg->sarg);
    conn_chain_cns(e->conn, 1, cns, sizeof(cns));
    oc_str(&e->o, "verified", cns, VERIFIED);
}

#define SENT_P12 CLIENT_CN "<" INT_CN "<" ROOT_CN
#define SENT_PEM CLIENT_CN "<" INT_CN
#define CLI(id) CLI_STD, .setup = setup_identity, .arg = (id)
#define SRV(trust_, sent_) SRV_STD, .trust = (trust_), .verify = VM_REQUIRED, \
    .after = after_server, .sarg = (sent_)

static const struct pair_case cases[] = {
    {"mtls.pkcs12_tls13", TR_SOCKETPAIR,
     {CLI(ID_PKCS12), .x = EX_OK13(CN_SERVER)},
     {SRV("root-ca.crt", SENT_P12), .x = EX_OK13(CN_CLIENT)}},
    {"mtls.pkcs12_tls12", TR_SOCKETPAIR,
     {CLI(ID_PKCS12), .max_version = UNITLS_TLS1_2, .x = EX_OK12(CN_SERVER)},
     {SRV("root-ca.crt", SENT_P12), .x = EX_OK12(CN_CLIENT)}},
    {"mtls.pkcs12_legacy_3des_sha1", TR_SOCKETPAIR,
     {CLI(ID_PKCS12_LEGACY), .x = EX_OK13(CN_SERVER)},
     {SRV("root-ca.crt", SENT_P12), .x = EX_OK13(CN_CLIENT)}},
    {"mtls.pkcs12_mem", TR_SOCKETPAIR,
     {CLI(ID_PKCS12_MEM), .x = EX_OK13(CN_SERVER)},
     {SRV("root-ca.crt", SENT_P12), .x = EX_OK13(CN_CLIENT)}},
    {"mtls.der_leaf_server_has_bundle", TR_SOCKETPAIR,
     {CLI(ID_DER), .x = EX_OK13(CN_SERVER)},
     {SRV("bundle.pem", CLIENT_CN), .x = EX_OK13(CN_CLIENT)}},
    {"mtls.pkcs12_password_callback", TR_SOCKETPAIR,
     {CLI(ID_PKCS12_CALLBACK), .x = EX_OK13(CN_SERVER)},
     {SRV("root-ca.crt", SENT_P12), .x = EX_OK13(CN_CLIENT)}},
    {"mtls.pem_key_password_callback", TR_SOCKETPAIR,
     {CLI(ID_PEM_CALLBACK), .x = EX_OK13(CN_SERVER)},
     {SRV("root-ca.crt", SENT_PEM), .x = EX_OK13(CN_CLIENT)}},
    {"mtls.given_password_no_callback", TR_SOCKETPAIR,
     {CLI(ID_GIVEN_WINS), .x = EX_OK13(CN_SERVER)},
     {SRV("root-ca.crt", SENT_P12), .x = EX_OK13(CN_CLIENT)}},
    {"mtls.plain_key_no_callback_tls12", TR_SOCKETPAIR,
     {CLI(ID_PLAIN_KEY), .max_version = UNITLS_TLS1_2,
      .x = EX_OK12(CN_SERVER)},
     {SRV("root-ca.crt", SENT_PEM), .x = EX_OK12(CN_CLIENT)}},
};

START_TEST(mtls_case)
{
    pair_case_run(&cases[_i]);
}
END_TEST

/* One load on a fresh client context with a callback giving `give`
 * (NULL: -1; no callback when calls_want < 0); records its status and the
 * callback's calls. */
static void load_case(struct outcome *o, const char *key, const char *file,
                      const char *password, const char *give, int calls_want,
                      int want)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    struct password_source src = {give, 0};
    char name[96];

    if (calls_want >= 0)
        unitls_ctx_set_password_callback(ctx, give_password, &src);
    oc_status(o, key,
              unitls_ctx_use_pkcs12_file(ctx, pki_path(file).s, password),
              want);
    snprintf(name, sizeof(name), "%s_calls", key);
    oc_int(o, name, src.calls, calls_want < 0 ? 0 : calls_want);
    unitls_ctx_free(ctx);
}

START_TEST(mtls_pkcs12_errors)
{
    struct outcome o;

    oc_init(&o, "mtls.pkcs12_errors", "");
    load_case(&o, "wrong_password", "client.p12", "wrong", NULL, -1,
              UNITLS_E_KEY_PASSWORD);
    load_case(&o, "wrong_password_legacy", "client-legacy.p12", "wrong", NULL,
              -1, UNITLS_E_KEY_PASSWORD);
    load_case(&o, "no_password_no_callback", "client.p12", NULL, NULL, -1,
              UNITLS_E_KEY_PASSWORD);
    load_case(&o, "callback_gives_none", "client.p12", NULL, NULL, 1,
              UNITLS_E_KEY_PASSWORD);
    load_case(&o, "callback_gives_wrong", "client.p12", NULL, "wrong", 1,
              UNITLS_E_KEY_PASSWORD);
    load_case(&o, "wrong_password_no_callback_call", "client.p12", "wrong",
              PASSWORD, 0, UNITLS_E_KEY_PASSWORD);
    load_case(&o, "not_pkcs12_text", "notacert.txt", PASSWORD, NULL, -1,
              UNITLS_E_PARSE);
    load_case(&o, "not_pkcs12_der_cert", "client.der", PASSWORD, NULL, -1,
              UNITLS_E_PARSE);
    load_case(&o, "key_matches_no_cert", "client-mismatch.p12", PASSWORD,
              NULL, -1, UNITLS_E_KEY_MISMATCH);
    load_case(&o, "missing_file", "no-such.p12", PASSWORD, NULL, -1,
              UNITLS_E_FILE);
    oc_finish(&o);
}
END_TEST

/* Arguments and state, checked before anything reaches the provider. */
START_TEST(mtls_bad_calls)
{
    struct outcome o;
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    struct password_source src = {PASSWORD, 0};

    oc_init(&o, "mtls.bad_calls", "");
    oc_status(&o, "file_null_ctx",
              unitls_ctx_use_pkcs12_file(NULL, pki_path("client.p12").s, NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "file_null_path", unitls_ctx_use_pkcs12_file(ctx, NULL, NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "mem_null_data", unitls_ctx_use_pkcs12_mem(ctx, NULL, 1, NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "mem_empty", unitls_ctx_use_pkcs12_mem(ctx, "", 0, NULL),
              UNITLS_E_PARSE);
    oc_status(&o, "callback_null_ctx",
              unitls_ctx_set_password_callback(NULL, give_password, &src),
              UNITLS_E_INVALID_ARG);
    src.give = "wrong";
    oc_status(&o, "set_callback",
              unitls_ctx_set_password_callback(ctx, give_password, &src),
              UNITLS_OK);
    oc_status(&o, "callback_enc_key_wrong",
              unitls_ctx_use_certificate_file(ctx,
                                              pki_path("client-chain.pem").s,
                                              pki_path("client-enc.key").s,
                                              NULL),
              UNITLS_E_KEY_PASSWORD);
    oc_int(&o, "callback_enc_key_wrong_calls", src.calls, 1);
    unitls_conn_free(unitls_conn_new(ctx));
    oc_status(&o, "pkcs12_in_use",
              unitls_ctx_use_pkcs12_file(ctx, pki_path("client.p12").s,
                                         PASSWORD),
              UNITLS_E_STATE);
    oc_status(&o, "callback_in_use",
              unitls_ctx_set_password_callback(ctx, NULL, NULL),
              UNITLS_E_STATE);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

Suite *suite_mtls(void)
{
    Suite *s = suite_create("mtls");
    TCase *tc = conf_tcase("mtls");

    ADD_TABLE(tc, mtls_case, cases);
    tcase_add_test(tc, mtls_pkcs12_errors);
    tcase_add_test(tc, mtls_bad_calls);
    suite_add_tcase(s, tc);
    return s;
}
