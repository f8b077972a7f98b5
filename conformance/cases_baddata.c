/* Malformed DER and PEM given from memory, a certificate file that also
 * holds its key, and bad input to the trust directory loader. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outcome.h"
#include "pki.h"
#include "suites.h"

/* unitls_cert_from_der(der, len): the status, and *out NULL on failure. */
static void expect_der(struct outcome *o, const char *key,
                       const unsigned char *der, size_t len, int want)
{
    unitls_cert *cert = (unitls_cert *)1;
    int st = unitls_cert_from_der(der, len, &cert);
    char out_key[64];

    oc_status(o, key, st, want);
    snprintf(out_key, sizeof(out_key), "%s_out_null", key);
    if (st != UNITLS_OK)
        oc_true(o, out_key, cert == NULL);
    else
        unitls_cert_free(cert);
}

START_TEST(bad_der)
{
    struct outcome o;
    size_t len = 0;
    unsigned char *der = (unsigned char *)pki_read("server.der", &len);
    unsigned char *longer = malloc(len + 1);

    oc_init(&o, "bad.der_malformed", "");
    oc_true(&o, "read", der != NULL && longer != NULL && len > 100);
    if (der != NULL && longer != NULL && len > 100) {
        memcpy(longer, der, len);
        longer[len] = 0;
        expect_der(&o, "whole", der, len, UNITLS_OK);
        expect_der(&o, "trailing_byte", longer, len + 1, UNITLS_E_PARSE);
        expect_der(&o, "truncated", der, len - 1, UNITLS_E_PARSE);
        expect_der(&o, "half", der, len / 2, UNITLS_E_PARSE);
        expect_der(&o, "empty", der, 0, UNITLS_E_PARSE);
        expect_der(&o, "text", (const unsigned char *)"hello world", 11,
                   UNITLS_E_PARSE);
        der[1] ^= 0x01; /* the outer length no longer fits */
        expect_der(&o, "bad_length", der, len, UNITLS_E_PARSE);
    }
    free(der);
    free(longer);
    oc_finish(&o);
}
END_TEST

START_TEST(bad_pem)
{
    static const char no_end[] = "-----BEGIN CERTIFICATE-----\n"
                                 "MIIDJzCCAs2gAwIBAgICEAMwCgYIKoZIzj0EAwIw\n";
    struct outcome o;
    unitls_cert *cert = NULL;

    oc_init(&o, "bad.pem_malformed", "");
    oc_status(&o, "no_end_line",
              unitls_cert_from_pem(no_end, sizeof(no_end) - 1, &cert),
              UNITLS_E_PARSE);
    oc_status(&o, "no_block", unitls_cert_from_pem("hello", 5, &cert),
              UNITLS_E_PARSE);
    oc_status(&o, "empty", unitls_cert_from_pem("", 0, &cert),
              UNITLS_E_PARSE);
    oc_true(&o, "out_null", cert == NULL);
    unitls_cert_free(cert);
    oc_finish(&o);
}
END_TEST

/* A PEM file with the chain followed by its key, loaded with key_path NULL
 * (from a file and from memory). */
START_TEST(cert_and_key_in_one_file)
{
    char path[] = "/tmp/unitls-conformance-combined-XXXXXX";
    int fd = mkstemp(path);
    size_t clen = 0, klen = 0;
    char *chain = pki_read("server-chain.pem", &clen);
    char *key = pki_read("server.key", &klen);
    char *both = malloc(clen + klen + 1);
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
    struct outcome o;

    oc_init(&o, "bad.key.cert_and_key_in_one_file", "");
    oc_true(&o, "prepared", fd >= 0 && chain && key && both && ctx);
    if (fd >= 0 && chain && key && both && ctx) {
        memcpy(both, chain, clen);
        memcpy(both + clen, key, klen + 1);
        oc_true(&o, "written",
                write(fd, both, clen + klen) == (ssize_t)(clen + klen));
        oc_status(&o, "file",
                  unitls_ctx_use_certificate_file(ctx, path, NULL, NULL),
                  UNITLS_OK);
        oc_status(&o, "mem",
                  unitls_ctx_use_certificate_mem(ctx, both, clen + klen, NULL,
                                                 0, NULL),
                  UNITLS_OK);
    }
    if (fd >= 0) {
        close(fd);
        unlink(path);
    }
    unitls_ctx_free(ctx);
    free(chain);
    free(key);
    free(both);
    oc_finish(&o);
}
END_TEST

/* With UNITLS_CAP_TRUST_DIR: a missing directory or a file is UNITLS_E_FILE;
 * without it every call is UNITLS_E_UNSUPPORTED. */
START_TEST(bad_trust_dir)
{
    int has = unitls_provider_has(UNITLS_CAP_TRUST_DIR);
    int want = has ? UNITLS_E_FILE : UNITLS_E_UNSUPPORTED;
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    struct outcome o;

    oc_init(&o, "bad.trust_dir", "");
    oc_put(&o, "cap_trust_dir", "%d", has != 0);
    oc_status(&o, "missing",
              unitls_ctx_load_verify_dir(ctx, pki_path("no-such-dir").s), want);
    oc_status(&o, "regular_file",
              unitls_ctx_load_verify_dir(ctx, pki_path("root-ca.crt").s), want);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

void badinput_more_add(TCase *tc)
{
    tcase_add_test(tc, bad_der);
    tcase_add_test(tc, bad_pem);
    tcase_add_test(tc, cert_and_key_in_one_file);
    tcase_add_test(tc, bad_trust_dir);
}
