#include "exercise.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unitls/status.h>

#include "cert_internal.h"
#include "sha.h"

void fuzz_check(int cond, const char *what, const char *file, int line)
{
    if (cond)
        return;
    fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
    abort();
}

static void check_json_ascii(const char *json, size_t len)
{
    FUZZ_CHECK(strlen(json) == len);
    for (size_t i = 0; i < len; i++)
        FUZZ_CHECK((unsigned char)json[i] < 0x80);
}

/* PEM out, parsed back: the same DER, the same JSON. */
static void check_pem_round_trip(const unitls_cert *cert, const char *json)
{
    char *pem = NULL, *json2 = NULL;
    size_t pem_len = 0, der_len = 0, der2_len = 0;
    unitls_cert *again = NULL;
    if (ut_cert_to_pem(cert, &pem, &pem_len) != UNITLS_OK)
        return; /* out of memory */
    FUZZ_CHECK(strlen(pem) == pem_len);
    int rc = ut_cert_from_pem(pem, pem_len, &again);
    FUZZ_CHECK(rc == UNITLS_OK || rc == UNITLS_E_NOMEM);
    if (again != NULL) {
        const unsigned char *der = ut_cert_der(cert, &der_len);
        const unsigned char *der2 = ut_cert_der(again, &der2_len);
        FUZZ_CHECK(der_len == der2_len && memcmp(der, der2, der_len) == 0);
        if (json != NULL && ut_cert_to_json(again, &json2, NULL) == UNITLS_OK)
            FUZZ_CHECK(strcmp(json, json2) == 0);
    }
    free(json2);
    ut_cert_destroy(again);
    free(pem);
}

static void check_getters(const unitls_cert *cert)
{
    unsigned char digest[UT_SHA256_LEN];
    const char *algorithm, *curve;
    int bits, is_ca, pathlen;
    unsigned usage;

    ut_cert_fingerprint_sha256(cert, digest);
    ut_cert_fingerprint_sha1(cert, digest);
    ut_cert_key_info(cert, &algorithm, &curve, &bits);
    FUZZ_CHECK(algorithm != NULL && bits >= 0);
    if (ut_cert_basic_constraints(cert, &is_ca, &pathlen))
        FUZZ_CHECK((is_ca == 0 || is_ca == 1) && pathlen >= -1);
    else
        FUZZ_CHECK(is_ca == 0 && pathlen == -1);
    if (!ut_cert_key_usage(cert, &usage))
        FUZZ_CHECK(usage == 0);
    FUZZ_CHECK(usage < 0x200);
    size_t n = ut_cert_ext_key_usage_count(cert);
    for (size_t i = 0; i < n; i++)
        FUZZ_CHECK(ut_cert_ext_key_usage_oid(cert, i) != NULL);
    FUZZ_CHECK(ut_cert_ext_key_usage_oid(cert, n) == NULL);
    for (size_t i = 0; i < ut_cert_san_count(cert); i++) {
        const char *type, *value;
        size_t len;
        FUZZ_CHECK(ut_cert_san(cert, i, &type, &value, &len) == UNITLS_OK);
        FUZZ_CHECK(value[len] == '\0');
    }
}

/* Python's cert_time_to_seconds on our own validity string gives our own
 * time whenever it accepts the string. */
static void check_times(const unitls_cert *cert)
{
    const char *text[2] = {ut_cert_not_before_string(cert),
                           ut_cert_not_after_string(cert)};
    int64_t want[2] = {ut_cert_not_before(cert), ut_cert_not_after(cert)};
    for (int k = 0; k < 2; k++) {
        int64_t got = 0;
        if (ut_cert_time_to_seconds(text[k], strlen(text[k]), &got) ==
            UNITLS_OK)
            FUZZ_CHECK(got == want[k]);
    }
}

void fuzz_exercise(const unitls_cert *cert)
{
    char *json = NULL, *text = NULL;
    size_t len = 0;
    if (ut_cert_to_json(cert, &json, &len) == UNITLS_OK)
        check_json_ascii(json, len);
    if (ut_cert_to_text(cert, &text, &len) == UNITLS_OK)
        FUZZ_CHECK(strlen(text) == len);
    check_pem_round_trip(cert, json);
    check_getters(cert);
    check_times(cert);
    free(text);
    free(json);
}
