/* Certificates without a handshake: the JSON rendering of every committed
 * certificate against Python's, PEM and DER round trips, field getters; and
 * the peer certificate after a handshake. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "outcome.h"
#include "pki.h"
#include "suites.h"

/* Every .crt file of the PKI (cert_all_listed checks the list is whole). */
static const char *const stems[] = {
    "client",       "expired",     "int-ca",     "notyet",
    "other-int-ca", "other-root-ca", "other-server", "root-ca",
    "selfsigned",   "server-rsa",  "server",     "wronghost",
};
#define NSTEMS (sizeof(stems) / sizeof(stems[0]))

/* Loads <stem>.crt of the PKI, recording the status. */
static unitls_cert *load_stem(struct outcome *o, const char *stem)
{
    return load_crt_in(o, conf.pki_dir, stem);
}

/* Renders `cert` as JSON and compares it with expected/<stem>.json. */
static void expect_json(struct outcome *o, const char *key,
                        const unitls_cert *cert, const char *stem)
{
    char *want = pki_expected_json(stem), *json = NULL;
    size_t len = 0;
    int st = unitls_cert_to_json(cert, &json, &len);

    oc_true(o, "expected_file", want != NULL);
    oc_status(o, key, st, UNITLS_OK);
    if (st == UNITLS_OK && want != NULL) {
        oc_put(o, "json_fnv1a64", "%016" PRIx64, fnv1a64(json, strlen(json)));
        oc_int(o, "json_len", (long long)len, (long long)strlen(want));
        oc_true(o, "json_equal", strcmp(json, want) == 0);
        if (strcmp(json, want) != 0)
            oc_fail(o, "JSON differs:\n got: %s\nwant: %s", json, want);
    }
    unitls_free(json);
    free(want);
}

START_TEST(cert_json)
{
    struct outcome o;
    char id[128];
    unitls_cert *cert;

    snprintf(id, sizeof(id), "cert.json.%s", stems[_i]);
    oc_init(&o, id, "");
    cert = load_stem(&o, stems[_i]);
    if (cert != NULL)
        expect_json(&o, "to_json", cert, stems[_i]);
    unitls_cert_free(cert);
    oc_finish(&o);
}
END_TEST

/* to_pem gives the file's bytes; the DER parses again to the same JSON. */
static void expect_round_trip(struct outcome *o, const unitls_cert *cert,
                              const char *stem)
{
    char name[128], *file, *pem = NULL;
    size_t der_len = 0, pem_len = 0, file_len = 0;
    const unsigned char *der = unitls_cert_der(cert, &der_len);
    unitls_cert *again = NULL;

    snprintf(name, sizeof(name), "%s.crt", stem);
    file = pki_read(name, &file_len);
    oc_status(o, "to_pem", unitls_cert_to_pem(cert, &pem, &pem_len),
              UNITLS_OK);
    oc_int(o, "pem_len", (long long)pem_len, (long long)file_len);
    oc_true(o, "pem_equal", pem != NULL && file != NULL &&
                                strcmp(pem, file) == 0);
    oc_status(o, "from_der", unitls_cert_from_der(der, der_len, &again),
              UNITLS_OK);
    if (again != NULL)
        expect_json(o, "der_json", again, stem);
    unitls_cert_free(again);
    unitls_free(pem);
    free(file);
}

START_TEST(cert_round_trip)
{
    struct outcome o;
    char id[128];
    unitls_cert *cert;

    snprintf(id, sizeof(id), "cert.roundtrip.%s", stems[_i]);
    oc_init(&o, id, "");
    cert = load_stem(&o, stems[_i]);
    if (cert != NULL)
        expect_round_trip(&o, cert, stems[_i]);
    unitls_cert_free(cert);
    oc_finish(&o);
}
END_TEST

static int stem_listed(const char *file)
{
    size_t i, n = strlen(file);

    for (i = 0; i < NSTEMS; i++)
        if (n == strlen(stems[i]) + 4 && strncmp(file, stems[i], n - 4) == 0)
            return 1;
    return 0;
}

START_TEST(cert_all_listed)
{
    struct outcome o;

    oc_init(&o, "cert.every_crt_is_tested", "");
    check_every_crt_listed(&o, conf.pki_dir, stem_listed, NSTEMS);
    oc_finish(&o);
}
END_TEST

START_TEST(cert_der_matches_file)
{
    struct outcome o;
    unitls_cert *cert;
    size_t len = 0, file_len = 0;
    const unsigned char *der;
    char *file = pki_read("server.der", &file_len);

    oc_init(&o, "cert.der_equals_server.der", "");
    cert = load_stem(&o, "server");
    der = cert != NULL ? unitls_cert_der(cert, &len) : NULL;
    oc_int(&o, "der_len", (long long)len, (long long)file_len);
    oc_true(&o, "der_equal", der != NULL && file != NULL && len == file_len &&
                                 memcmp(der, file, len) == 0);
    unitls_cert_free(cert);
    free(file);
    oc_finish(&o);
}
END_TEST

START_TEST(cert_load_der_file)
{
    struct outcome o;
    unitls_cert *cert = NULL;

    oc_init(&o, "cert.load_der_file", "");
    oc_status(&o, "load", unitls_cert_load_file(pki_path("server.der").s,
                                                &cert), UNITLS_OK);
    if (cert != NULL)
        expect_json(&o, "to_json", cert, "server");
    unitls_cert_free(cert);
    oc_finish(&o);
}
END_TEST

Suite *suite_cert(void)
{
    Suite *s = suite_create("cert");
    TCase *tc = conf_tcase("cert");

    tcase_add_loop_test(tc, cert_json, 0, (int)NSTEMS);
    tcase_add_loop_test(tc, cert_round_trip, 0, (int)NSTEMS);
    tcase_add_test(tc, cert_all_listed);
    tcase_add_test(tc, cert_der_matches_file);
    tcase_add_test(tc, cert_load_der_file);
    cert_fields_add(tc);
    cert_peer_add(tc);
    suite_add_tcase(s, tc);
    return s;
}
