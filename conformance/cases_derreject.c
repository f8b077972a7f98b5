/* The DER reader's rejections. Each case takes a good certificate
 * (certs/full.der) and breaks one thing: a length encoding (not minimal,
 * indefinite, too many octets, longer than what holds it), the end
 * (truncated anywhere, bytes after it), or the nesting (absurdly deep).
 * unitls_cert_from_der must answer UNITLS_E_PARSE, never read out of bounds
 * (the ASan build runs these) and never recurse without limit. One case
 * shows what is not an error: deep nesting inside an extension nobody
 * decodes is carried, as OpenSSL carries it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "outcome.h"
#include "suites.h"

/* Deep enough that a recursive reader would exhaust its stack. */
#define ABSURD_DEPTH 100000

struct base {
    unsigned char *der;
    size_t len;
    struct tlv_at cert, tbs;
};

static int load_base(struct outcome *o, struct base *b)
{
    static const size_t tbs_path[] = {0};
    struct tlv_at at[2];

    b->len = 0;
    b->der = (unsigned char *)corpus_read("full.der", &b->len);
    oc_true(o, "base", b->der != NULL &&
                           der_walk(b->der, b->len, tbs_path, 1, at) == 0);
    if (b->der == NULL)
        return -1;
    b->cert = at[0];
    b->tbs = at[1];
    return 0;
}

/* Parses der[0..len) and expects `want`; frees der. */
static void expect_der(struct outcome *o, const char *key, unsigned char *der,
                       size_t len, int want)
{
    unitls_cert *c = (unitls_cert *)&c;
    int st = der != NULL ? unitls_cert_from_der(der, len, &c) : -999;

    oc_status(o, key, st, want);
    if (st != UNITLS_OK && c != NULL)
        oc_fail(o, "%s: *out not NULL after a failure", key);
    unitls_cert_free(st == UNITLS_OK ? c : NULL);
    free(der);
}

/* The certificate with its outermost header replaced by `header`. */
static void outer_header(struct outcome *o, const char *key,
                         const struct base *b, const unsigned char *header,
                         size_t header_len, int want)
{
    size_t len = 0;
    unsigned char *der = der_splice(b->der, b->len, NULL, 0, 0,
                                    b->cert.content, header, header_len, &len);
    expect_der(o, key, der, len, want);
}

START_TEST(der_outer_lengths)
{
    struct outcome o;
    struct base b;
    size_t n;

    oc_init(&o, "corpus.der.outer_length_encodings", "");
    if (load_base(&o, &b) == 0) {
        n = b.cert.end - b.cert.content;
        unsigned char hi = (unsigned char)(n >> 8), lo = (unsigned char)n;
        unsigned char minimal[] = {0x30, 0x82, hi, lo};
        unsigned char leading_zero[] = {0x30, 0x83, 0x00, hi, lo};
        unsigned char five_octets[] = {0x30, 0x85, 0, 0, 0, hi, lo};
        unsigned char longer[] = {0x30, 0x82, hi, (unsigned char)(lo + 1)};
        unsigned char shorter[] = {0x30, 0x82, hi, (unsigned char)(lo - 1)};
        unsigned char huge[] = {0x30, 0x84, 0xff, 0xff, 0xff, 0xff};
        unsigned char zero[] = {0x30, 0x00};
        unsigned char high_tag[] = {0x3f, 0x10, 0x82, hi, lo};
        oc_true(&o, "two_length_octets", n >= 0x100 && n < 0x10000 &&
                                             lo != 0 && lo != 0xff);
        outer_header(&o, "minimal", &b, minimal, sizeof(minimal), UNITLS_OK);
        outer_header(&o, "leading_zero", &b, leading_zero,
                     sizeof(leading_zero), UNITLS_E_PARSE);
        outer_header(&o, "five_octets", &b, five_octets, sizeof(five_octets),
                     UNITLS_E_PARSE);
        outer_header(&o, "beyond_input", &b, longer, sizeof(longer),
                     UNITLS_E_PARSE);
        outer_header(&o, "short_of_input", &b, shorter, sizeof(shorter),
                     UNITLS_E_PARSE);
        outer_header(&o, "huge", &b, huge, sizeof(huge), UNITLS_E_PARSE);
        outer_header(&o, "zero", &b, zero, sizeof(zero), UNITLS_E_PARSE);
        outer_header(&o, "high_tag_form", &b, high_tag, sizeof(high_tag),
                     UNITLS_E_PARSE);
    }
    free(b.der);
    oc_finish(&o);
}
END_TEST

/* Indefinite lengths: 0x80 and end-of-contents octets, outside and in. */
START_TEST(der_indefinite)
{
    struct outcome o;
    struct base b;
    static const unsigned char eoc[] = {0, 0};
    static const unsigned char indefinite[] = {0x30, 0x80};

    oc_init(&o, "corpus.der.indefinite_length", "");
    if (load_base(&o, &b) == 0) {
        size_t len = 0, len2 = 0;
        /* outer: 30 80 <contents> 00 00 */
        unsigned char *der = malloc(b.len + 4);
        if (der != NULL) {
            memcpy(der, indefinite, 2);
            memcpy(der + 2, b.der + b.cert.content, b.cert.end - b.cert.content);
            memcpy(der + 2 + (b.cert.end - b.cert.content), eoc, 2);
            len = 4 + b.cert.end - b.cert.content;
        }
        expect_der(&o, "outer", der, len, UNITLS_E_PARSE);
        /* tbsCertificate: EOC after it, then its header made indefinite. */
        unsigned char *step = der_splice(b.der, b.len, &b.cert, 1, b.tbs.end,
                                         b.tbs.end, eoc, 2, &len);
        struct tlv_at at[2];
        static const size_t tbs_path[] = {0};
        der = NULL;
        if (step != NULL && der_walk(step, len, tbs_path, 1, at) == 0)
            der = der_splice(step, len, at, 1, at[1].start, at[1].content,
                             indefinite, 2, &len2);
        free(step);
        expect_der(&o, "tbs", der, len2, UNITLS_E_PARSE);
    }
    free(b.der);
    oc_finish(&o);
}
END_TEST

/* Inner lengths: the version's 3 in long form, the tbsCertificate's length
 * with a leading zero octet, and a tbsCertificate longer than the
 * certificate that holds it. */
START_TEST(der_inner_lengths)
{
    struct outcome o;
    struct base b;
    struct tlv_at at[3];
    static const size_t version_path[] = {0, 0};

    oc_init(&o, "corpus.der.inner_length_encodings", "");
    if (load_base(&o, &b) == 0 &&
        der_walk(b.der, b.len, version_path, 2, at) == 0) {
        size_t len = 0, n = b.tbs.end - b.tbs.content;
        unsigned char long_form[] = {0xa0, 0x81, 0x03};
        unsigned char tbs_zero[] = {0x30, 0x83, 0x00, (unsigned char)(n >> 8),
                                    (unsigned char)n};
        size_t over = b.cert.end - b.tbs.content + 1;
        unsigned char tbs_over[] = {0x30, 0x82, (unsigned char)(over >> 8),
                                    (unsigned char)over};
        unsigned char *der;

        oc_true(&o, "version_is_a0_03", b.der[at[2].start] == 0xa0 &&
                                            at[2].end - at[2].content == 3);
        der = der_splice(b.der, b.len, at, 2, at[2].start, at[2].content,
                         long_form, sizeof(long_form), &len);
        expect_der(&o, "version_long_form", der, len, UNITLS_E_PARSE);
        der = der_splice(b.der, b.len, at, 1, b.tbs.start, b.tbs.content,
                         tbs_zero, sizeof(tbs_zero), &len);
        expect_der(&o, "tbs_leading_zero", der, len, UNITLS_E_PARSE);
        der = der_splice(b.der, b.len, at, 1, b.tbs.start, b.tbs.content,
                         tbs_over, sizeof(tbs_over), &len);
        expect_der(&o, "tbs_beyond_parent", der, len, UNITLS_E_PARSE);
    }
    free(b.der);
    oc_finish(&o);
}
END_TEST

/* Every proper prefix of the certificate, and the tbsCertificate losing
 * its last octet (lengths fixed around it). */
START_TEST(der_truncated)
{
    struct outcome o;
    struct base b;

    oc_init(&o, "corpus.der.truncated", "");
    if (load_base(&o, &b) == 0) {
        size_t accepted = 0, len = 0;
        for (size_t n = 0; n < b.len; n++) {
            unitls_cert *c = NULL;
            int st = unitls_cert_from_der(b.der, n, &c);
            if (st != UNITLS_E_PARSE || c != NULL) {
                if (accepted++ == 0)
                    oc_fail(&o, "prefix of %zu octets: %s", n,
                            oc_status_name(st));
            }
            unitls_cert_free(c);
        }
        oc_int(&o, "prefixes_tried", (long long)b.len, (long long)b.len);
        oc_int(&o, "prefixes_accepted", (long long)accepted, 0);
        struct tlv_at at[2] = {b.cert, b.tbs};
        unsigned char *der = der_splice(b.der, b.len, at, 2, b.tbs.end - 1,
                                        b.tbs.end, NULL, 0, &len);
        expect_der(&o, "tbs_short_by_one", der, len, UNITLS_E_PARSE);
    }
    free(b.der);
    oc_finish(&o);
}
END_TEST

/* Bytes after the certificate, after its signature inside it, and after
 * the extensions inside the tbsCertificate. */
START_TEST(der_trailing)
{
    struct outcome o;
    struct base b;
    static const unsigned char null_value[] = {0x05, 0x00};

    oc_init(&o, "corpus.der.trailing_bytes", "");
    if (load_base(&o, &b) == 0) {
        size_t len = 0;
        unsigned char *der = malloc(2 * b.len);
        struct tlv_at at[2] = {b.cert, b.tbs};
        if (der != NULL) {
            memcpy(der, b.der, b.len);
            der[b.len] = 0x00;
        }
        expect_der(&o, "one_zero_octet", der, b.len + 1, UNITLS_E_PARSE);
        der = malloc(2 * b.len);
        if (der != NULL) {
            memcpy(der, b.der, b.len);
            memcpy(der + b.len, b.der, b.len);
        }
        expect_der(&o, "certificate_twice", der, 2 * b.len, UNITLS_E_PARSE);
        der = der_splice(b.der, b.len, at, 1, b.cert.end, b.cert.end,
                         null_value, 2, &len);
        expect_der(&o, "after_signature", der, len, UNITLS_E_PARSE);
        der = der_splice(b.der, b.len, at, 2, b.tbs.end, b.tbs.end,
                         null_value, 2, &len);
        expect_der(&o, "after_extensions", der, len, UNITLS_E_PARSE);
    }
    free(b.der);
    oc_finish(&o);
}
END_TEST

/* `depth` SEQUENCEs, each holding the next, around a NULL. */
static unsigned char *nested(size_t depth, size_t *len)
{
    size_t cap = depth * 6 + 2, start = cap - 2, i;
    unsigned char *buf = malloc(cap), header[6];

    if (buf == NULL)
        return NULL;
    buf[cap - 2] = 0x05;
    buf[cap - 1] = 0x00;
    for (i = 0; i < depth; i++) {
        size_t h = der_header(header, 0x30, cap - start);
        start -= h;
        memcpy(buf + start, header, h);
    }
    memmove(buf, buf + start, cap - start);
    *len = cap - start;
    return buf;
}

/* Absurd nesting where a certificate or its subject should be. */
START_TEST(der_nesting)
{
    struct outcome o;
    struct base b;
    struct tlv_at at[3];
    static const size_t subject_path[] = {0, 5};
    size_t len = 0, deep_len = 0;
    unsigned char *deep = nested(ABSURD_DEPTH, &deep_len);

    oc_init(&o, "corpus.der.absurd_nesting", "");
    oc_true(&o, "built", deep != NULL);
    if (deep != NULL) {
        unsigned char *copy = malloc(deep_len);
        if (copy != NULL)
            memcpy(copy, deep, deep_len);
        expect_der(&o, "whole_input", copy, deep_len, UNITLS_E_PARSE);
    }
    if (load_base(&o, &b) == 0 && deep != NULL &&
        der_walk(b.der, b.len, subject_path, 2, at) == 0) {
        unsigned char *der = der_splice(b.der, b.len, at, 2, at[2].start,
                                        at[2].end, deep, deep_len, &len);
        expect_der(&o, "as_subject", der, len, UNITLS_E_PARSE);
    }
    free(b.der);
    free(deep);
    oc_finish(&o);
}
END_TEST

/* An extension no one decodes may hold anything, deep nesting included:
 * the certificate reads, and renders as it does without it. */
START_TEST(der_nesting_unread)
{
    struct outcome o;
    struct base b;
    struct tlv_at at[4];
    static const size_t list_path[] = {0, 7, 0};
    static const unsigned char ext_oid[] = {0x06, 0x0a, 0x2b, 0x06, 0x01,
                                            0x04, 0x01, 0x83, 0xb2, 0x03,
                                            0x09, 0x09};
    size_t deep_len = 0, len = 0;
    unsigned char *deep = nested(ABSURD_DEPTH, &deep_len);

    oc_init(&o, "corpus.der.nesting_in_unknown_extension", "");
    if (load_base(&o, &b) == 0 && deep != NULL &&
        der_walk(b.der, b.len, list_path, 3, at) == 0) {
        /* Extension ::= SEQUENCE { OID 1.3.6.1.4.1.55555.9.9,
         *                          OCTET STRING { deep } } */
        unsigned char h1[6], h2[6];
        size_t n2 = der_header(h2, 0x04, deep_len);
        size_t inner = sizeof(ext_oid) + n2 + deep_len;
        size_t n1 = der_header(h1, 0x30, inner);
        unsigned char *ext = malloc(n1 + inner);
        unsigned char *der = NULL;
        if (ext != NULL) {
            memcpy(ext, h1, n1);
            memcpy(ext + n1, ext_oid, sizeof(ext_oid));
            memcpy(ext + n1 + sizeof(ext_oid), h2, n2);
            memcpy(ext + n1 + sizeof(ext_oid) + n2, deep, deep_len);
            der = der_splice(b.der, b.len, at, 4, at[3].end, at[3].end, ext,
                             n1 + inner, &len);
        }
        unitls_cert *c = NULL;
        char *json = NULL, *want = corpus_expected_json("full");
        oc_status(&o, "from_der", der != NULL ?
                      unitls_cert_from_der(der, len, &c) : -999, UNITLS_OK);
        if (c != NULL)
            unitls_cert_to_json(c, &json, NULL);
        oc_true(&o, "json_unchanged", json != NULL && want != NULL &&
                                          strcmp(json, want) == 0);
        unitls_free(json);
        free(want);
        unitls_cert_free(c);
        free(der);
        free(ext);
    } else {
        oc_fail(&o, "cannot build the certificate");
    }
    free(b.der);
    free(deep);
    oc_finish(&o);
}
END_TEST

START_TEST(der_arguments)
{
    struct outcome o;
    unitls_cert *c = (unitls_cert *)&c;
    static const unsigned char byte = 0x30;

    oc_init(&o, "corpus.der.arguments", "");
    oc_status(&o, "null_der", unitls_cert_from_der(NULL, 10, &c),
              UNITLS_E_INVALID_ARG);
    oc_true(&o, "out_cleared", c == NULL);
    oc_status(&o, "null_out", unitls_cert_from_der(&byte, 1, NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "empty", unitls_cert_from_der(&byte, 0, &c), UNITLS_E_PARSE);
    oc_finish(&o);
}
END_TEST

void corpus_der_add(TCase *tc)
{
    tcase_add_test(tc, der_outer_lengths);
    tcase_add_test(tc, der_indefinite);
    tcase_add_test(tc, der_inner_lengths);
    tcase_add_test(tc, der_truncated);
    tcase_add_test(tc, der_trailing);
    tcase_add_test(tc, der_nesting);
    tcase_add_test(tc, der_nesting_unread);
    tcase_add_test(tc, der_arguments);
}
