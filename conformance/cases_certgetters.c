/* The certificate getters for what getpeercert() does not show
 * (fingerprints, public key, basicConstraints, keyUsage, extendedKeyUsage):
 * NULL arguments, small buffers, indexes out of range, and the UNITLS_KU_*
 * and UNITLS_EKU_* constants against certificates that use them all. The
 * values themselves are checked for the whole corpus by corpus.fields.*. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "outcome.h"
#include "suites.h"

/* Loads a corpus file, recording the status as load_<file>. */
static unitls_cert *load(struct outcome *o, const char *file)
{
    unitls_cert *cert = NULL;
    char key[96];

    snprintf(key, sizeof(key), "load_%s", file);
    oc_status(o, key, unitls_cert_load_file(corpus_path(file).s, &cert),
              UNITLS_OK);
    return cert;
}

START_TEST(getters_null_cert)
{
    struct outcome o;
    unsigned char digest[UNITLS_DIGEST_MAX_LEN];
    const char *algorithm = "x", *curve = "x";
    int bits = 7, is_ca = 7, pathlen = 7;
    unsigned usage = 7;

    oc_init(&o, "corpus.getters.null_cert", "");
    oc_status(&o, "fingerprint", unitls_cert_fingerprint(
                  NULL, UNITLS_DIGEST_SHA256, digest, sizeof(digest)),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "key_info", unitls_cert_key_info(NULL, &algorithm, &curve,
                                                   &bits),
              UNITLS_E_INVALID_ARG);
    oc_true(&o, "key_info_outs_cleared",
            algorithm == NULL && curve == NULL && bits == 0);
    oc_int(&o, "basic_constraints",
           unitls_cert_basic_constraints(NULL, &is_ca, &pathlen), 0);
    oc_true(&o, "basic_constraints_outs", is_ca == 0 && pathlen == -1);
    oc_int(&o, "key_usage", unitls_cert_key_usage(NULL, &usage), 0);
    oc_int(&o, "key_usage_out", usage, 0);
    oc_int(&o, "eku_count", (long long)unitls_cert_ext_key_usage_count(NULL),
           0);
    oc_true(&o, "eku_oid_null", unitls_cert_ext_key_usage_oid(NULL, 0) == NULL);
    oc_finish(&o);
}
END_TEST

START_TEST(getters_fingerprint_buffer)
{
    struct outcome o;
    unsigned char digest[UNITLS_DIGEST_MAX_LEN + 1];
    unitls_cert *c;

    oc_init(&o, "corpus.getters.fingerprint_buffer", "");
    c = load(&o, "full.crt");
    memset(digest, 0xa5, sizeof(digest));
    oc_status(&o, "sha256_short", unitls_cert_fingerprint(
                  c, UNITLS_DIGEST_SHA256, digest, UNITLS_DIGEST_SHA256_LEN - 1),
              UNITLS_E_INVALID_ARG);
    oc_true(&o, "untouched", digest[0] == 0xa5 && digest[31] == 0xa5);
    oc_status(&o, "sha1_short", unitls_cert_fingerprint(
                  c, UNITLS_DIGEST_SHA1, digest, UNITLS_DIGEST_SHA1_LEN - 1),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "null_out", unitls_cert_fingerprint(
                  c, UNITLS_DIGEST_SHA256, NULL, 64), UNITLS_E_INVALID_ARG);
    oc_status(&o, "unknown_digest", unitls_cert_fingerprint(
                  c, (unitls_digest)7, digest, sizeof(digest)),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "sha1_exact", unitls_cert_fingerprint(
                  c, UNITLS_DIGEST_SHA1, digest, UNITLS_DIGEST_SHA1_LEN),
              UNITLS_OK);
    oc_true(&o, "sha1_writes_20", digest[UNITLS_DIGEST_SHA1_LEN] == 0xa5);
    oc_status(&o, "sha256_exact", unitls_cert_fingerprint(
                  c, UNITLS_DIGEST_SHA256, digest, UNITLS_DIGEST_SHA256_LEN),
              UNITLS_OK);
    oc_true(&o, "sha256_writes_32", digest[UNITLS_DIGEST_SHA256_LEN] == 0xa5);
    oc_true(&o, "max_len", UNITLS_DIGEST_MAX_LEN >= UNITLS_DIGEST_SHA256_LEN &&
                               UNITLS_DIGEST_MAX_LEN >= UNITLS_DIGEST_SHA1_LEN);
    unitls_cert_free(c);
    oc_finish(&o);
}
END_TEST

/* Every out pointer may be NULL. */
START_TEST(getters_null_outs)
{
    struct outcome o;
    unitls_cert *c;

    oc_init(&o, "corpus.getters.null_outs", "");
    c = load(&o, "ca-pathlen0.crt");
    oc_status(&o, "key_info", unitls_cert_key_info(c, NULL, NULL, NULL),
              UNITLS_OK);
    oc_int(&o, "basic_constraints",
           unitls_cert_basic_constraints(c, NULL, NULL), 1);
    oc_int(&o, "key_usage", unitls_cert_key_usage(c, NULL), 1);
    unitls_cert_free(c);
    oc_finish(&o);
}
END_TEST

/* ku-all sets all nine bits; the constants are bits 0..8 in RFC order. */
START_TEST(getters_key_usage_constants)
{
    static const unsigned bits[] = {
        UNITLS_KU_DIGITAL_SIGNATURE, UNITLS_KU_NON_REPUDIATION,
        UNITLS_KU_KEY_ENCIPHERMENT,  UNITLS_KU_DATA_ENCIPHERMENT,
        UNITLS_KU_KEY_AGREEMENT,     UNITLS_KU_KEY_CERT_SIGN,
        UNITLS_KU_CRL_SIGN,          UNITLS_KU_ENCIPHER_ONLY,
        UNITLS_KU_DECIPHER_ONLY,
    };
    struct outcome o;
    unsigned all = 0, usage = 0;
    size_t i;
    int in_order = 1;
    unitls_cert *c;

    oc_init(&o, "corpus.getters.key_usage_constants", "");
    for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
        in_order &= bits[i] == 1u << i;
        all |= bits[i];
    }
    oc_true(&o, "bit_order", in_order);
    c = load(&o, "ku-all.crt");
    oc_int(&o, "present", unitls_cert_key_usage(c, &usage), 1);
    oc_int(&o, "usage", usage, all);
    unitls_cert_free(c);
    c = load(&o, "ku-agreement.crt");
    unitls_cert_key_usage(c, &usage);
    oc_int(&o, "agreement", usage,
           UNITLS_KU_KEY_AGREEMENT | UNITLS_KU_DECIPHER_ONLY);
    unitls_cert_free(c);
    oc_finish(&o);
}
END_TEST

/* eku-all lists each UNITLS_EKU_* purpose, in that order. */
START_TEST(getters_eku_constants)
{
    static const char *const purposes[] = {
        UNITLS_EKU_SERVER_AUTH,      UNITLS_EKU_CLIENT_AUTH,
        UNITLS_EKU_CODE_SIGNING,     UNITLS_EKU_EMAIL_PROTECTION,
        UNITLS_EKU_TIME_STAMPING,    UNITLS_EKU_OCSP_SIGNING,
    };
    struct outcome o;
    unitls_cert *c;
    size_t i, n;

    oc_init(&o, "corpus.getters.eku_constants", "");
    c = load(&o, "eku-all.crt");
    n = unitls_cert_ext_key_usage_count(c);
    oc_int(&o, "count", (long long)n, 10);
    for (i = 0; i < sizeof(purposes) / sizeof(purposes[0]); i++) {
        const char *oid = unitls_cert_ext_key_usage_oid(c, i);
        if (oid == NULL || strcmp(oid, purposes[i]) != 0)
            oc_fail(&o, "purpose %zu is %s, want %s", i,
                    oid != NULL ? oid : "<null>", purposes[i]);
    }
    oc_str(&o, "any", unitls_cert_ext_key_usage_oid(c, 8), UNITLS_EKU_ANY);
    oc_true(&o, "index_out_of_range",
            unitls_cert_ext_key_usage_oid(c, n) == NULL &&
                unitls_cert_ext_key_usage_oid(c, (size_t)-1) == NULL);
    unitls_cert_free(c);
    oc_finish(&o);
}
END_TEST

void corpus_getters_add(TCase *tc)
{
    tcase_add_test(tc, getters_null_cert);
    tcase_add_test(tc, getters_fingerprint_buffer);
    tcase_add_test(tc, getters_null_outs);
    tcase_add_test(tc, getters_key_usage_constants);
    tcase_add_test(tc, getters_eku_constants);
}
