/* The PEM reader: several certificates in one text, CRLF line ends, text
 * before, between and after blocks (and blocks with other labels), and the
 * defined errors: no block, a block without its END line, bad base64, a
 * block that is not a certificate. unitls_cert_list_from_pem reads them
 * all (all or nothing); unitls_cert_from_pem only the first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "outcome.h"
#include "suites.h"

/* Three certificates that differ in every way that shows. */
static const char *const trio[3] = {"full", "ca-pathlen0", "ca-root"};

/* A growable text. */
struct text {
    char *s;
    size_t len, cap;
};

static void add(struct text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = (t->len + n + 1) * 2;
        char *grown = realloc(t->s, cap);
        if (grown == NULL)
            return;
        t->s = grown;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

static void add_str(struct text *t, const char *s)
{
    add(t, s, strlen(s));
}

/* Appends <stem>.crt; with crlf, every "\n" becomes "\r\n"; without_end
 * leaves out the END line. */
static void add_cert(struct text *t, const char *stem, int crlf,
                     int without_end)
{
    char name[160];
    char *pem, *end;

    snprintf(name, sizeof(name), "%s.crt", stem);
    pem = corpus_read(name, NULL);
    if (pem == NULL)
        return;
    if (without_end && (end = strstr(pem, "-----END")) != NULL)
        *end = '\0';
    for (char *p = pem; *p != '\0'; p++) {
        if (*p == '\n' && crlf)
            add_str(t, "\r\n");
        else
            add(t, p, 1);
    }
    free(pem);
}

/* The JSON of each certificate is that of trio[i]. */
static void expect_trio(struct outcome *o, unitls_cert **certs, size_t n)
{
    oc_int(o, "count", (long long)n, 3);
    for (size_t i = 0; i < n && i < 3; i++) {
        char *want = corpus_expected_json(trio[i]), *json = NULL;
        unitls_cert_to_json(certs[i], &json, NULL);
        if (json == NULL || want == NULL || strcmp(json, want) != 0)
            oc_fail(o, "certificate %zu is not %s.crt", i, trio[i]);
        unitls_free(json);
        free(want);
    }
}

static void run_list(struct outcome *o, const struct text *t, int want_st)
{
    static unitls_cert *sentinel[1];
    unitls_cert **certs = sentinel; /* must be overwritten */
    size_t count = 99;
    int st = unitls_cert_list_from_pem(t->s, t->len, &certs, &count);

    oc_status(o, "list", st, want_st);
    if (st == UNITLS_OK)
        expect_trio(o, certs, count);
    else
        oc_true(o, "outs_cleared", certs == NULL && count == 0);
    unitls_cert_list_free(st == UNITLS_OK ? certs : NULL, count);
}

/* unitls_cert_from_pem gives the first certificate (or fails with want). */
static void run_first(struct outcome *o, const struct text *t, int want_st)
{
    unitls_cert *c = NULL;
    int st = unitls_cert_from_pem(t->s, t->len, &c);
    char cn[128];

    oc_status(o, "first", st, want_st);
    cert_cn(c, cn, sizeof(cn));
    if (want_st == UNITLS_OK)
        oc_str(o, "first_cn", cn, "full.corpus.test.example");
    unitls_cert_free(c);
}

START_TEST(pem_bundle)
{
    struct outcome o;
    struct text t = {0};

    oc_init(&o, "corpus.pem.three_in_one", "");
    for (int i = 0; i < 3; i++)
        add_cert(&t, trio[i], 0, 0);
    run_list(&o, &t, UNITLS_OK);
    run_first(&o, &t, UNITLS_OK);
    free(t.s);
    oc_finish(&o);
}
END_TEST

START_TEST(pem_crlf)
{
    struct outcome o;
    struct text t = {0};

    oc_init(&o, "corpus.pem.crlf", "");
    for (int i = 0; i < 3; i++)
        add_cert(&t, trio[i], 1, 0);
    oc_true(&o, "has_crlf", t.s != NULL && strstr(t.s, "\r\n") != NULL);
    run_list(&o, &t, UNITLS_OK);
    run_first(&o, &t, UNITLS_OK);
    free(t.s);
    oc_finish(&o);
}
END_TEST

/* Text before, between and after; a block with another label in between;
 * one certificate with CRLF among LF ones. */
START_TEST(pem_text_around)
{
    struct outcome o;
    struct text t = {0};

    oc_init(&o, "corpus.pem.text_around", "");
    add_str(&t, "Bag Attributes\n    friendlyName: full\nsubject=/CN=full\n");
    add_cert(&t, trio[0], 0, 0);
    add_str(&t, "\nissuer=... text between the blocks ...\n\n"
                "-----BEGIN X509 CRL-----\nbm90IGEgQ1JM\n-----END X509 CRL-----\n"
                "-----BEGIN PRIVATE KEY-----\n!! not base64 !!\n"
                "-----END PRIVATE KEY-----\n");
    add_cert(&t, trio[1], 1, 0);
    add_str(&t, "a line without a newline at the end, then a block: ");
    add_str(&t, "\n");
    add_cert(&t, trio[2], 0, 0);
    add_str(&t, "trailing text\n-----BEGIN NOTHING-----");
    run_list(&o, &t, UNITLS_OK);
    run_first(&o, &t, UNITLS_OK);
    free(t.s);
    oc_finish(&o);
}
END_TEST

/* A BEGIN line whose END line never comes is an error for the list; the
 * first certificate alone is still complete. */
START_TEST(pem_missing_end_second)
{
    struct outcome o;
    struct text t = {0};

    oc_init(&o, "corpus.pem.missing_end_second", "");
    add_cert(&t, trio[0], 0, 0);
    add_cert(&t, trio[1], 0, 1);
    add_cert(&t, trio[2], 0, 1);
    run_list(&o, &t, UNITLS_E_PARSE);
    run_first(&o, &t, UNITLS_OK);
    free(t.s);
    oc_finish(&o);
}
END_TEST

START_TEST(pem_missing_end_first)
{
    struct outcome o;
    struct text t = {0};

    oc_init(&o, "corpus.pem.missing_end_first", "");
    add_cert(&t, trio[0], 0, 1);
    run_list(&o, &t, UNITLS_E_PARSE);
    run_first(&o, &t, UNITLS_E_PARSE);
    free(t.s);
    oc_finish(&o);
}
END_TEST

/* An END line of another label does not close a CERTIFICATE block. */
START_TEST(pem_wrong_end)
{
    struct outcome o;
    struct text t = {0};

    oc_init(&o, "corpus.pem.end_of_another_label", "");
    add_cert(&t, trio[0], 0, 1);
    add_str(&t, "-----END X509 CRL-----\n");
    run_list(&o, &t, UNITLS_E_PARSE);
    run_first(&o, &t, UNITLS_E_PARSE);
    free(t.s);
    oc_finish(&o);
}
END_TEST

START_TEST(pem_no_block)
{
    struct outcome o;
    struct text t = {0};
    unitls_cert **certs = NULL;
    size_t count = 5;

    oc_init(&o, "corpus.pem.no_certificate", "");
    add_str(&t, "just text\n-----BEGIN PRIVATE KEY-----\nAAAA\n"
                "-----END PRIVATE KEY-----\n");
    run_list(&o, &t, UNITLS_E_PARSE);
    run_first(&o, &t, UNITLS_E_PARSE);
    oc_status(&o, "empty", unitls_cert_list_from_pem("", 0, &certs, &count),
              UNITLS_E_PARSE);
    free(t.s);
    oc_finish(&o);
}
END_TEST

/* A block of bad base64 or of base64 that is no certificate fails the
 * whole list, wherever it is. */
START_TEST(pem_bad_block)
{
    struct outcome o;
    struct text bad64 = {0}, notcert = {0};

    oc_init(&o, "corpus.pem.bad_block", "");
    add_cert(&bad64, trio[0], 0, 0);
    add_str(&bad64, "-----BEGIN CERTIFICATE-----\nMII*not*base64\n"
                    "-----END CERTIFICATE-----\n");
    add_cert(&notcert, trio[0], 0, 0);
    add_str(&notcert, "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n"
                      "-----END CERTIFICATE-----\n");
    snprintf(o.prefix, sizeof(o.prefix), "b64.");
    run_list(&o, &bad64, UNITLS_E_PARSE);
    snprintf(o.prefix, sizeof(o.prefix), "der.");
    run_list(&o, &notcert, UNITLS_E_PARSE);
    run_first(&o, &notcert, UNITLS_OK);
    free(bad64.s);
    free(notcert.s);
    oc_finish(&o);
}
END_TEST

START_TEST(pem_list_arguments)
{
    struct outcome o;
    struct text t = {0};
    unitls_cert **certs = NULL;
    size_t count = 0;

    oc_init(&o, "corpus.pem.list_arguments", "");
    add_cert(&t, trio[0], 0, 0);
    oc_status(&o, "null_pem", unitls_cert_list_from_pem(NULL, 5, &certs,
                                                        &count),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "null_certs", unitls_cert_list_from_pem(t.s, t.len, NULL,
                                                          &count),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "null_count", unitls_cert_list_from_pem(t.s, t.len, &certs,
                                                          NULL),
              UNITLS_E_INVALID_ARG);
    oc_true(&o, "certs_null", certs == NULL);
    unitls_cert_list_free(NULL, 3); /* NULL-safe */
    oc_status(&o, "one", unitls_cert_list_from_pem(t.s, t.len, &certs,
                                                   &count), UNITLS_OK);
    oc_int(&o, "count", (long long)count, 1);
    unitls_cert_list_free(certs, count);
    free(t.s);
    oc_finish(&o);
}
END_TEST

/* unitls_cert_load_file reads the first certificate of a bundle file. */
START_TEST(pem_load_file_bundle)
{
    struct outcome o;
    unitls_cert *c = NULL;
    char cn[128];

    oc_init(&o, "corpus.pem.load_file_first_of_bundle", "");
    oc_status(&o, "load", unitls_cert_load_file(pki_path("bundle.pem").s, &c),
              UNITLS_OK);
    cert_cn(c, cn, sizeof(cn));
    oc_str(&o, "cn", cn, "unitls Test Root CA");
    unitls_cert_free(c);
    oc_finish(&o);
}
END_TEST

void corpus_pem_add(TCase *tc)
{
    tcase_add_test(tc, pem_bundle);
    tcase_add_test(tc, pem_crlf);
    tcase_add_test(tc, pem_text_around);
    tcase_add_test(tc, pem_missing_end_second);
    tcase_add_test(tc, pem_missing_end_first);
    tcase_add_test(tc, pem_wrong_end);
    tcase_add_test(tc, pem_no_block);
    tcase_add_test(tc, pem_bad_block);
    tcase_add_test(tc, pem_list_arguments);
    tcase_add_test(tc, pem_load_file_bundle);
}
