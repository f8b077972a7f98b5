/* Certificate getters: serial, validity (time and Python string), version,
 * distinguished names and subjectAltNames, the text rendering, and parsing
 * from memory. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outcome.h"
#include "pki.h"
#include "suites.h"

struct fields {
    const char *file, *serial;
    long long not_before, not_after;
    const char *not_before_s, *not_after_s;
    long long san_count, subject_rdns;
};

static const struct fields field_table[] = {
    {"server.crt", "1003", 1735689600, 4891363200, "Jan  1 00:00:00 2025 GMT",
     "Jan  1 00:00:00 2125 GMT", 6, 6},
    {"root-ca.crt", "1001", 1577836800, 5049129600, "Jan  1 00:00:00 2020 GMT",
     "Jan  1 00:00:00 2130 GMT", 0, 3},
    {"expired.crt", "1006", 1577836800, 1609459200, "Jan  1 00:00:00 2020 GMT",
     "Jan  1 00:00:00 2021 GMT", 2, 4},
    {"notyet.crt", "1007", 4733510400, 5049129600, "Jan  1 00:00:00 2120 GMT",
     "Jan  1 00:00:00 2130 GMT", 2, 4},
    {"other-root-ca.crt", "100A", 1577836800, 5049129600,
     "Jan  1 00:00:00 2020 GMT", "Jan  1 00:00:00 2130 GMT", 0, 3},
};

static void expect_fields(struct outcome *o, const unitls_cert *c,
                          const struct fields *f)
{
    oc_int(o, "version", unitls_cert_version(c), 3);
    oc_str(o, "serial", unitls_cert_serial(c), f->serial);
    oc_int(o, "not_before", (long long)unitls_cert_not_before(c),
           f->not_before);
    oc_int(o, "not_after", (long long)unitls_cert_not_after(c), f->not_after);
    oc_str(o, "not_before_s", unitls_cert_not_before_string(c),
           f->not_before_s);
    oc_str(o, "not_after_s", unitls_cert_not_after_string(c), f->not_after_s);
    oc_int(o, "san_count", (long long)unitls_cert_san_count(c), f->san_count);
    oc_int(o, "subject_rdns",
           (long long)unitls_cert_rdn_count(c, UNITLS_CERT_SUBJECT),
           f->subject_rdns);
}

START_TEST(cert_fields)
{
    const struct fields *f = &field_table[_i];
    struct outcome o;
    char id[128];
    unitls_cert *cert = NULL;

    snprintf(id, sizeof(id), "cert.fields.%s", f->file);
    oc_init(&o, id, "");
    oc_status(&o, "load", unitls_cert_load_file(pki_path(f->file).s, &cert),
              UNITLS_OK);
    if (cert != NULL)
        expect_fields(&o, cert, f);
    unitls_cert_free(cert);
    oc_finish(&o);
}
END_TEST

/* Attribute `attr` of RDN `rdn` is type=value. */
static void expect_attr(struct outcome *o, const char *key,
                        const unitls_cert *c, unitls_cert_name which,
                        size_t rdn, const char *type, const char *value)
{
    const char *t = NULL, *v = NULL;
    size_t len = 0;
    char got[256];
    int st = unitls_cert_rdn_attr(c, which, rdn, 0, &t, &v, &len);

    snprintf(got, sizeof(got), "%s/%s=%.*s", oc_status_name(st),
             t != NULL ? t : "<null>", (int)len, v != NULL ? v : "");
    char want[256];
    snprintf(want, sizeof(want), "UNITLS_OK/%s=%s", type, value);
    oc_str(o, key, got, want);
}

static void expect_san(struct outcome *o, const char *key,
                       const unitls_cert *c, size_t index, const char *want)
{
    const char *t = NULL, *v = NULL;
    size_t len = 0;
    char got[256];
    int st = unitls_cert_san(c, index, &t, &v, &len);

    snprintf(got, sizeof(got), "%s/%s:%.*s", oc_status_name(st),
             t != NULL ? t : "<null>", (int)len, v != NULL ? v : "");
    oc_str(o, key, got, want);
}

static void expect_out_of_range(struct outcome *o, const unitls_cert *c)
{
    const char *t, *v;
    size_t len;

    oc_status(o, "rdn_out_of_range",
              unitls_cert_rdn_attr(c, UNITLS_CERT_SUBJECT, 6, 0, &t, &v, &len),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "attr_out_of_range",
              unitls_cert_rdn_attr(c, UNITLS_CERT_SUBJECT, 0, 1, &t, &v, &len),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "san_out_of_range", unitls_cert_san(c, 6, &t, &v, &len),
              UNITLS_E_INVALID_ARG);
}

START_TEST(cert_names)
{
    struct outcome o;
    unitls_cert *c = NULL;

    oc_init(&o, "cert.names.server", "");
    oc_status(&o, "load", unitls_cert_load_file(pki_path("server.crt").s, &c),
              UNITLS_OK);
    if (c != NULL) {
        oc_int(&o, "rdn0_attrs",
               (long long)unitls_cert_rdn_attr_count(c, UNITLS_CERT_SUBJECT, 0), 1);
        expect_attr(&o, "subject0", c, UNITLS_CERT_SUBJECT, 0, "countryName", "XY");
        expect_attr(&o, "subject5", c, UNITLS_CERT_SUBJECT, 5, "commonName", "localhost");
        expect_attr(&o, "issuer2", c, UNITLS_CERT_ISSUER, 2, "commonName",
                    "unitls Test Intermediate CA");
        expect_san(&o, "san0", c, 0, "UNITLS_OK/DNS:localhost");
        expect_san(&o, "san1", c, 1, "UNITLS_OK/DNS:*.test.example");
        expect_san(&o, "san2", c, 2, "UNITLS_OK/IP Address:127.0.0.1");
        expect_san(&o, "san3", c, 3, "UNITLS_OK/IP Address:0:0:0:0:0:0:0:1");
        expect_san(&o, "san4", c, 4, "UNITLS_OK/email:server@test.example");
        expect_san(&o, "san5", c, 5, "UNITLS_OK/URI:https://localhost/");
        expect_out_of_range(&o, c);
    }
    unitls_cert_free(c);
    oc_finish(&o);
}
END_TEST

/* The text rendering exists and is the same on every provider (its hash is
 * what the comparison sees). */
START_TEST(cert_text)
{
    struct outcome o;
    unitls_cert *c = NULL;
    char *text = NULL;
    size_t len = 0;

    oc_init(&o, "cert.text.server", "");
    oc_status(&o, "load", unitls_cert_load_file(pki_path("server.crt").s, &c),
              UNITLS_OK);
    oc_status(&o, "to_text", unitls_cert_to_text(c, &text, &len), UNITLS_OK);
    oc_true(&o, "nonempty", text != NULL && len > 0 && strlen(text) == len);
    if (text != NULL)
        oc_put(&o, "text_fnv1a64", "%016" PRIx64, fnv1a64(text, len));
    unitls_free(text);
    unitls_cert_free(c);
    oc_finish(&o);
}
END_TEST

/* unitls_cert_from_pem takes the first certificate and ignores text around
 * it: bundle.pem (root, then intermediate) gives the root. */
START_TEST(cert_from_pem_bundle)
{
    struct outcome o;
    size_t len = 0;
    char *pem = pki_read("bundle.pem", &len);
    unitls_cert *c = NULL;
    char cn[128];

    oc_init(&o, "cert.from_pem_first_of_bundle", "");
    oc_true(&o, "read", pem != NULL);
    oc_status(&o, "from_pem", unitls_cert_from_pem(pem, len, &c), UNITLS_OK);
    oc_str(&o, "serial", c != NULL ? unitls_cert_serial(c) : NULL, "1001");
    cert_cn(c, cn, sizeof(cn));
    oc_str(&o, "cn", cn, "unitls Test Root CA");
    unitls_cert_free(c);
    free(pem);
    oc_finish(&o);
}
END_TEST

START_TEST(cert_from_pem_with_text)
{
    static const char prefix[] = "Subject: whatever\nsome text before\n";
    struct outcome o;
    size_t len = 0;
    char *pem = pki_read("server.crt", &len);
    char *buf = malloc(sizeof(prefix) + len + 16);
    unitls_cert *c = NULL;

    oc_init(&o, "cert.from_pem_text_around", "");
    oc_true(&o, "read", pem != NULL && buf != NULL);
    if (pem != NULL && buf != NULL) {
        int n = sprintf(buf, "%s%strailing text\n", prefix, pem);
        oc_status(&o, "from_pem", unitls_cert_from_pem(buf, (size_t)n, &c),
                  UNITLS_OK);
        oc_str(&o, "serial", c != NULL ? unitls_cert_serial(c) : NULL, "1003");
    }
    unitls_cert_free(c);
    free(buf);
    free(pem);
    oc_finish(&o);
}
END_TEST

void cert_fields_add(TCase *tc)
{
    tcase_add_loop_test(tc, cert_fields, 0,
                        (int)(sizeof(field_table) / sizeof(field_table[0])));
    tcase_add_test(tc, cert_names);
    tcase_add_test(tc, cert_text);
    tcase_add_test(tc, cert_from_pem_bundle);
    tcase_add_test(tc, cert_from_pem_with_text);
}
