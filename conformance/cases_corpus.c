/* The certificate corpus (conformance/certs): for every certificate, its
 * JSON against Python's (expected/<stem>.json, from
 * ssl._ssl._test_decode_cert), PEM and DER round trips, and the fields
 * getpeercert() does not show against what OpenSSL itself decodes
 * (expected/<stem>.facts): fingerprints, public key, basicConstraints,
 * keyUsage, extendedKeyUsage.
 *
 * Results lines carry hashes and equality flags, never the renderings, and
 * the text rendering's hash too: every provider must render every
 * certificate byte for byte the same. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "corpus.h"
#include "outcome.h"
#include "suites.h"

/* The corpus must cover the whole model; fewer would be a loss. */
#define CORPUS_MIN 40

static unitls_cert *load(struct outcome *o, const char *stem)
{
    return load_crt_in(o, corpus_path(".").s, stem);
}

/* JSON of `cert` against the expected file: length, hash and equality. */
static void expect_json(struct outcome *o, const char *prefix,
                        const unitls_cert *cert, const char *want)
{
    char key[64], *json = NULL;
    size_t len = 0;
    int st = unitls_cert_to_json(cert, &json, &len);

    snprintf(key, sizeof(key), "%s_json", prefix);
    oc_status(o, key, st, UNITLS_OK);
    if (json != NULL && want != NULL) {
        snprintf(key, sizeof(key), "%s_json_fnv1a64", prefix);
        oc_put(o, key, "%016" PRIx64, fnv1a64(json, len));
        snprintf(key, sizeof(key), "%s_json_len", prefix);
        oc_int(o, key, (long long)len, (long long)strlen(want));
        snprintf(key, sizeof(key), "%s_json_equal", prefix);
        oc_true(o, key, strcmp(json, want) == 0);
        if (strcmp(json, want) != 0)
            oc_fail(o, "JSON differs:\n got: %s\nwant: %s", json, want);
    }
    unitls_free(json);
}

static void expect_text(struct outcome *o, const unitls_cert *cert)
{
    char *text = NULL;
    size_t len = 0;

    oc_status(o, "to_text", unitls_cert_to_text(cert, &text, &len),
              UNITLS_OK);
    oc_true(o, "text_nonempty", text != NULL && len > 0 &&
                                    strlen(text) == len);
    if (text != NULL)
        oc_put(o, "text_fnv1a64", "%016" PRIx64, fnv1a64(text, len));
    unitls_free(text);
}

/* PEM out equals the file; the DER equals the file's base64 (decoded
 * here); the DER parses again to the same JSON and the same PEM. */
static void expect_round_trips(struct outcome *o, const unitls_cert *cert,
                               const char *stem, const char *want_json)
{
    char name[160], *file, *pem = NULL, *pem2 = NULL;
    size_t file_len = 0, pem_len = 0, der_len = 0, file_der_len = 0;
    const unsigned char *der = unitls_cert_der(cert, &der_len);
    unsigned char *file_der;
    unitls_cert *again = NULL;

    snprintf(name, sizeof(name), "%s.crt", stem);
    file = corpus_read(name, &file_len);
    file_der = file != NULL ? pem_to_der(file, &file_der_len) : NULL;
    oc_status(o, "to_pem", unitls_cert_to_pem(cert, &pem, &pem_len),
              UNITLS_OK);
    oc_true(o, "pem_equal", pem != NULL && file != NULL &&
                                pem_len == file_len && strcmp(pem, file) == 0);
    oc_true(o, "der_equal", der != NULL && file_der != NULL &&
                                der_len == file_der_len &&
                                memcmp(der, file_der, der_len) == 0);
    oc_status(o, "from_der", unitls_cert_from_der(der, der_len, &again),
              UNITLS_OK);
    if (again != NULL) {
        expect_json(o, "der", again, want_json);
        oc_status(o, "der_to_pem", unitls_cert_to_pem(again, &pem2, NULL),
                  UNITLS_OK);
        oc_true(o, "der_pem_equal", pem2 != NULL && file != NULL &&
                                        strcmp(pem2, file) == 0);
    }
    unitls_cert_free(again);
    unitls_free(pem);
    unitls_free(pem2);
    free(file_der);
    free(file);
}

START_TEST(corpus_render)
{
    const char *stem = corpus_stems[_i];
    struct outcome o;
    char id[160], *want = corpus_expected_json(stem);
    unitls_cert *cert;

    snprintf(id, sizeof(id), "corpus.render.%s", stem);
    oc_init(&o, id, "");
    oc_true(&o, "expected_file", want != NULL);
    cert = load(&o, stem);
    if (cert != NULL) {
        expect_json(&o, "pem", cert, want);
        expect_text(&o, cert);
        expect_round_trips(&o, cert, stem, want);
    }
    unitls_cert_free(cert);
    free(want);
    oc_finish(&o);
}
END_TEST

/* --- the fields getpeercert() does not show ------------------------------ */

static void hex_colons(char *buf, size_t size, const unsigned char *d,
                       size_t n)
{
    size_t i, used = 0;

    buf[0] = '\0';
    for (i = 0; i < n && used + 4 < size; i++)
        used += (size_t)snprintf(buf + used, size - used, i ? ":%02X" : "%02X",
                                 d[i]);
}

/* Records key=value and expects the fact of the same name. */
static void expect_fact(struct outcome *o, const char *stem, const char *key,
                        const char *got)
{
    char want[512];

    if (corpus_fact(stem, key, want, sizeof(want)) != 0)
        oc_fail(o, "expected/%s.facts has no %s", stem, key);
    oc_str(o, key, got, want);
}

static void expect_fingerprints(struct outcome *o, const unitls_cert *c,
                                const char *stem)
{
    unsigned char digest[UNITLS_DIGEST_MAX_LEN];
    char hex[UNITLS_DIGEST_MAX_LEN * 3 + 1];
    int st;

    st = unitls_cert_fingerprint(c, UNITLS_DIGEST_SHA256, digest,
                                 sizeof(digest));
    oc_status(o, "sha256_status", st, UNITLS_OK);
    hex_colons(hex, sizeof(hex), digest, st == UNITLS_OK ?
                                             UNITLS_DIGEST_SHA256_LEN : 0);
    expect_fact(o, stem, "sha256", hex);
    st = unitls_cert_fingerprint(c, UNITLS_DIGEST_SHA1, digest,
                                 UNITLS_DIGEST_SHA1_LEN);
    oc_status(o, "sha1_status", st, UNITLS_OK);
    hex_colons(hex, sizeof(hex), digest, st == UNITLS_OK ?
                                             UNITLS_DIGEST_SHA1_LEN : 0);
    expect_fact(o, stem, "sha1", hex);
}

static void expect_key(struct outcome *o, const unitls_cert *c,
                       const char *stem)
{
    const char *algorithm = NULL, *curve = NULL;
    int bits = -1;
    char text[32];

    oc_status(o, "key_info", unitls_cert_key_info(c, &algorithm, &curve,
                                                  &bits), UNITLS_OK);
    expect_fact(o, stem, "key_algorithm", algorithm);
    expect_fact(o, stem, "key_curve", curve != NULL ? curve : "-");
    snprintf(text, sizeof(text), "%d", bits);
    expect_fact(o, stem, "key_bits", text);
}

static void expect_usage(struct outcome *o, const unitls_cert *c,
                         const char *stem)
{
    int is_ca = -7, pathlen = -7;
    unsigned usage = 0xdead;
    char text[1024];
    size_t i, n, used = 0;

    if (unitls_cert_basic_constraints(c, &is_ca, &pathlen))
        snprintf(text, sizeof(text), "ca=%d pathlen=%d", is_ca, pathlen);
    else
        snprintf(text, sizeof(text), "absent%s",
                 is_ca == 0 && pathlen == -1 ? "" : " (bad outs)");
    expect_fact(o, stem, "basic_constraints", text);

    if (unitls_cert_key_usage(c, &usage))
        snprintf(text, sizeof(text), "0x%03x", usage);
    else
        snprintf(text, sizeof(text), "absent%s", usage == 0 ? "" : " (bad)");
    expect_fact(o, stem, "key_usage", text);

    n = unitls_cert_ext_key_usage_count(c);
    text[0] = '\0';
    for (i = 0; i < n && used + 2 < sizeof(text); i++) {
        const char *oid = unitls_cert_ext_key_usage_oid(c, i);
        used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s",
                                 i ? "," : "", oid != NULL ? oid : "<null>");
    }
    expect_fact(o, stem, "ext_key_usage", n > 0 ? text : "-");
    oc_true(o, "eku_past_end_null", unitls_cert_ext_key_usage_oid(c, n) == NULL);
}

START_TEST(corpus_fields)
{
    const char *stem = corpus_stems[_i];
    struct outcome o;
    char id[160];
    unitls_cert *cert;

    snprintf(id, sizeof(id), "corpus.fields.%s", stem);
    oc_init(&o, id, "");
    cert = load(&o, stem);
    if (cert != NULL) {
        expect_fingerprints(&o, cert, stem);
        expect_key(&o, cert, stem);
        expect_usage(&o, cert, stem);
    }
    unitls_cert_free(cert);
    oc_finish(&o);
}
END_TEST

static int listed(const char *file)
{
    size_t i, n = strlen(file);

    for (i = 0; i < corpus_count; i++)
        if (n == strlen(corpus_stems[i]) + 4 &&
            strncmp(file, corpus_stems[i], n - 4) == 0)
            return 1;
    return 0;
}

START_TEST(corpus_complete)
{
    struct outcome o;

    oc_init(&o, "corpus.every_crt_is_tested", "");
    check_every_crt_listed(&o, corpus_path(".").s, listed, corpus_count);
    oc_true(&o, "at_least_40", corpus_count >= CORPUS_MIN);
    oc_finish(&o);
}
END_TEST

/* The DER file decodes (detected as DER) to the JSON of its PEM twin. */
START_TEST(corpus_der_file)
{
    struct outcome o;
    unitls_cert *cert = NULL;
    char *want = corpus_expected_json("full");

    oc_init(&o, "corpus.load_der_file", "");
    oc_status(&o, "load", unitls_cert_load_file(corpus_path("full.der").s,
                                                &cert), UNITLS_OK);
    if (cert != NULL)
        expect_json(&o, "der", cert, want);
    unitls_cert_free(cert);
    free(want);
    oc_finish(&o);
}
END_TEST

Suite *suite_corpus(void)
{
    Suite *s = suite_create("corpus");
    TCase *tc = conf_tcase("corpus");

    tcase_add_loop_test(tc, corpus_render, 0, (int)corpus_count);
    tcase_add_loop_test(tc, corpus_fields, 0, (int)corpus_count);
    tcase_add_test(tc, corpus_complete);
    tcase_add_test(tc, corpus_der_file);
    corpus_getters_add(tc);
    corpus_time_add(tc);
    corpus_pem_add(tc);
    corpus_der_add(tc);
    suite_add_tcase(s, tc);
    return s;
}
