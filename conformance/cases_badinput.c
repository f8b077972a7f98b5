/* Bad input to the loaders, each with its defined status: missing and
 * unreadable files, garbage, keys with wrong or missing passwords, keys that
 * do not match. The good inputs next to them prove the same calls work. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outcome.h"
#include "pki.h"
#include "suites.h"

enum op {
    OP_CERT_LOAD,   /* unitls_cert_load_file(a) */
    OP_CERT_PEM,    /* unitls_cert_from_pem(contents of a) */
    OP_TRUST_FILE,  /* unitls_ctx_load_verify_file(a) */
    OP_TRUST_MEM,   /* unitls_ctx_load_verify_mem(contents of a) */
    OP_USE_CERT,    /* unitls_ctx_use_certificate_file(a, b, pw) */
    OP_USE_CERT_MEM /* unitls_ctx_use_certificate_mem(contents of a, b) */
};

struct bad_case {
    const char *id;
    enum op op;
    const char *a, *b, *pw; /* PKI file names; "@empty" is an empty file */
    int want;
};

#define MISSING "does-not-exist.pem"
#define PW "unitls-pass"

static const struct bad_case cases[] = {
    {"bad.cert_load.missing", OP_CERT_LOAD, MISSING, NULL, NULL, UNITLS_E_FILE},
    {"bad.cert_load.directory", OP_CERT_LOAD,
     "capath", NULL, NULL, UNITLS_E_FILE},
    {"bad.cert_load.garbage_pem", OP_CERT_LOAD,
     "garbage.pem", NULL, NULL, UNITLS_E_PARSE},
    {"bad.cert_load.notacert", OP_CERT_LOAD,
     "notacert.txt", NULL, NULL, UNITLS_E_PARSE},
    {"bad.cert_load.key_file", OP_CERT_LOAD,
     "server.key", NULL, NULL, UNITLS_E_PARSE},
    {"bad.cert_load.empty_file", OP_CERT_LOAD,
     "@empty", NULL, NULL, UNITLS_E_PARSE},
    {"bad.cert_load.der", OP_CERT_LOAD, "server.der", NULL, NULL, UNITLS_OK},
    {"bad.cert_pem.garbage_pem", OP_CERT_PEM,
     "garbage.pem", NULL, NULL, UNITLS_E_PARSE},
    {"bad.cert_pem.notacert", OP_CERT_PEM,
     "notacert.txt", NULL, NULL, UNITLS_E_PARSE},
    {"bad.cert_pem.der_bytes", OP_CERT_PEM,
     "server.der", NULL, NULL, UNITLS_E_PARSE},
    {"bad.trust_file.missing", OP_TRUST_FILE,
     MISSING, NULL, NULL, UNITLS_E_FILE},
    {"bad.trust_file.directory", OP_TRUST_FILE,
     "capath", NULL, NULL, UNITLS_E_FILE},
    {"bad.trust_file.garbage_pem", OP_TRUST_FILE,
     "garbage.pem", NULL, NULL, UNITLS_E_PARSE},
    {"bad.trust_file.notacert", OP_TRUST_FILE,
     "notacert.txt", NULL, NULL, UNITLS_E_PARSE},
    {"bad.trust_file.key_file", OP_TRUST_FILE,
     "server.key", NULL, NULL, UNITLS_E_PARSE},
    {"bad.trust_file.empty_file", OP_TRUST_FILE,
     "@empty", NULL, NULL, UNITLS_E_PARSE},
    {"bad.trust_file.bundle", OP_TRUST_FILE,
     "bundle.pem", NULL, NULL, UNITLS_OK},
    {"bad.trust_file.der", OP_TRUST_FILE, "server.der", NULL, NULL, UNITLS_OK},
    {"bad.trust_mem.garbage_pem", OP_TRUST_MEM,
     "garbage.pem", NULL, NULL, UNITLS_E_PARSE},
    {"bad.trust_mem.notacert", OP_TRUST_MEM,
     "notacert.txt", NULL, NULL, UNITLS_E_PARSE},
    {"bad.trust_mem.empty", OP_TRUST_MEM, "@empty", NULL, NULL, UNITLS_E_PARSE},
    {"bad.trust_mem.root", OP_TRUST_MEM, "root-ca.crt", NULL, NULL, UNITLS_OK},
    {"bad.trust_mem.bundle", OP_TRUST_MEM, "bundle.pem", NULL, NULL, UNITLS_OK},
    {"bad.key.missing_cert_file", OP_USE_CERT,
     MISSING, "server.key", NULL, UNITLS_E_FILE},
    {"bad.key.missing_key_file", OP_USE_CERT,
     "server-chain.pem", MISSING, NULL, UNITLS_E_FILE},
    {"bad.key.cert_is_directory", OP_USE_CERT,
     "capath", "server.key", NULL, UNITLS_E_FILE},
    {"bad.key.key_is_directory", OP_USE_CERT,
     "server-chain.pem", "capath", NULL, UNITLS_E_FILE},
    {"bad.key.garbage_cert", OP_USE_CERT,
     "garbage.pem", "server.key", NULL, UNITLS_E_PARSE},
    {"bad.key.notacert_cert", OP_USE_CERT,
     "notacert.txt", "server.key", NULL, UNITLS_E_PARSE},
    {"bad.key.notacert_key", OP_USE_CERT,
     "server-chain.pem", "notacert.txt", NULL, UNITLS_E_PARSE},
    {"bad.key.no_key_in_cert_file", OP_USE_CERT,
     "server-chain.pem", NULL, NULL, UNITLS_E_PARSE},
    {"bad.key.wrong_password", OP_USE_CERT,
     "server-chain.pem", "server-enc.key", "wrong-pass", UNITLS_E_KEY_PASSWORD},
    {"bad.key.missing_password", OP_USE_CERT,
     "server-chain.pem", "server-enc.key", NULL, UNITLS_E_KEY_PASSWORD},
    {"bad.key.empty_password", OP_USE_CERT,
     "server-chain.pem", "server-enc.key", "", UNITLS_E_KEY_PASSWORD},
    {"bad.key.right_password", OP_USE_CERT,
     "server-chain.pem", "server-enc.key", PW, UNITLS_OK},
    {"bad.key.password_for_plain_key", OP_USE_CERT,
     "server-chain.pem", "server.key", PW, UNITLS_OK},
    {"bad.key.mismatch", OP_USE_CERT,
     "server-chain.pem", "mismatch.key", NULL, UNITLS_E_KEY_MISMATCH},
    {"bad.key.mismatch_rsa_cert", OP_USE_CERT,
     "server-rsa-chain.pem", "server.key", NULL, UNITLS_E_KEY_MISMATCH},
    {"bad.key.mismatch_rsa_key", OP_USE_CERT,
     "server-chain.pem", "server-rsa.key", NULL, UNITLS_E_KEY_MISMATCH},
    {"bad.key.der_cert_der_key", OP_USE_CERT,
     "server.der", "server-key.der", NULL, UNITLS_OK},
    {"bad.key.pem_chain_der_key", OP_USE_CERT,
     "server-chain.pem", "server-key.der", NULL, UNITLS_OK},
    {"bad.key.der_cert_mismatch", OP_USE_CERT,
     "server.der", "mismatch.key", NULL, UNITLS_E_KEY_MISMATCH},
    {"bad.key.rsa", OP_USE_CERT,
     "server-rsa-chain.pem", "server-rsa.key", NULL, UNITLS_OK},
    {"bad.key_mem.plain", OP_USE_CERT_MEM,
     "server-chain.pem", "server.key", NULL, UNITLS_OK},
    {"bad.key_mem.wrong_password", OP_USE_CERT_MEM,
     "server-chain.pem", "server-enc.key", "wrong-pass", UNITLS_E_KEY_PASSWORD},
    {"bad.key_mem.right_password", OP_USE_CERT_MEM,
     "server-chain.pem", "server-enc.key", PW, UNITLS_OK},
    {"bad.key_mem.mismatch", OP_USE_CERT_MEM,
     "server-chain.pem", "mismatch.key", NULL, UNITLS_E_KEY_MISMATCH},
    {"bad.key_mem.garbage_cert", OP_USE_CERT_MEM,
     "garbage.pem", "server.key", NULL, UNITLS_E_PARSE},
    {"bad.key_mem.der_pair", OP_USE_CERT_MEM,
     "server.der", "server-key.der", NULL, UNITLS_OK},
};

/* A file's path: "@empty" is an empty temporary file made by the case. */
static struct path input_path(const char *name, const char *empty)
{
    struct path p;

    if (name != NULL && strcmp(name, "@empty") == 0) {
        snprintf(p.s, sizeof(p.s), "%s", empty);
        return p;
    }
    return pki_path(name);
}

static char *input_read(const char *name, const char *empty, size_t *len)
{
    return read_file(input_path(name, empty).s, len);
}

static int run_cert(const struct bad_case *c, const char *empty)
{
    unitls_cert *cert = (unitls_cert *)1;
    size_t len = 0;
    char *data = NULL;
    int st;

    if (c->op == OP_CERT_LOAD) {
        st = unitls_cert_load_file(input_path(c->a, empty).s, &cert);
    } else {
        data = input_read(c->a, empty, &len);
        st = unitls_cert_from_pem(data != NULL ? data : "", len, &cert);
    }
    if (st != UNITLS_OK && cert != NULL)
        st = UNITLS_E_INTERNAL; /* *out must be NULL on failure */
    else
        unitls_cert_free(cert);
    free(data);
    return st;
}

static int run_ctx(unitls_ctx *ctx, const struct bad_case *c, const char *empty)
{
    size_t alen = 0, blen = 0;
    char *a = NULL, *b = NULL;
    int st;

    switch (c->op) {
    case OP_TRUST_FILE:
        return unitls_ctx_load_verify_file(ctx, input_path(c->a, empty).s);
    case OP_USE_CERT:
        return unitls_ctx_use_certificate_file(
            ctx, input_path(c->a, empty).s,
            c->b != NULL ? input_path(c->b, empty).s : NULL, c->pw);
    default:
        break;
    }
    a = input_read(c->a, empty, &alen);
    b = c->b != NULL ? input_read(c->b, empty, &blen) : NULL;
    if (c->op == OP_TRUST_MEM)
        st = unitls_ctx_load_verify_mem(ctx, a != NULL ? a : "", alen);
    else
        st = unitls_ctx_use_certificate_mem(ctx, a, alen, b, blen, c->pw);
    free(a);
    free(b);
    return st;
}

START_TEST(bad_input_case)
{
    const struct bad_case *c = &cases[_i];
    char empty[] = "/tmp/unitls-conformance-empty-XXXXXX";
    int fd = mkstemp(empty);
    struct outcome o;
    unitls_ctx *ctx;
    int st;

    oc_init(&o, c->id, "");
    oc_true(&o, "tmpfile", fd >= 0);
    if (c->op == OP_CERT_LOAD || c->op == OP_CERT_PEM) {
        st = run_cert(c, empty);
    } else {
        ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
        oc_true(&o, "ctx_new", ctx != NULL);
        st = ctx != NULL ? run_ctx(ctx, c, empty) : UNITLS_E_INTERNAL;
        unitls_ctx_free(ctx);
    }
    oc_status(&o, "status", st, c->want);
    if (fd >= 0) {
        close(fd);
        unlink(empty);
    }
    oc_finish(&o);
}
END_TEST

Suite *suite_badinput(void)
{
    Suite *s = suite_create("badinput");
    TCase *tc = conf_tcase("badinput");

    ADD_TABLE(tc, bad_input_case, cases);
    badinput_more_add(tc);
    suite_add_tcase(s, tc);
    return s;
}
