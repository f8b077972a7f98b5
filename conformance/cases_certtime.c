/* unitls_cert_time_to_seconds against Python's ssl.cert_time_to_seconds():
 * one case per line of certs/expected/time_to_seconds.txt, which
 * make_expected.py wrote from Python itself ("<seconds or ValueError>
 * <input, %-encoded UTF-8>"): good inputs in every form Python accepts, each
 * kind of bad input, and every notBefore/notAfter string of the corpus.
 * Plus what Python cannot be asked: NULL arguments and text that is not
 * UTF-8. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "outcome.h"
#include "suites.h"

#define VECTORS "expected/time_to_seconds.txt"
/* The file has ~90 lines; fewer than this means it was cut short. */
#define VECTORS_MIN 80

/* Line `index` of the vectors file, into `line` (NUL-terminated). */
static int vector_line(size_t index, char *line, size_t size)
{
    char *text = corpus_read(VECTORS, NULL), *p = text;
    int found = -1;

    for (size_t i = 0; p != NULL && *p != '\0'; i++) {
        char *nl = strchr(p, '\n');
        size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);
        if (i == index && n < size) {
            memcpy(line, p, n);
            line[n] = '\0';
            found = 0;
            break;
        }
        p += n + (nl != NULL);
    }
    free(text);
    return found;
}

static size_t vector_count(void)
{
    char *text = corpus_read(VECTORS, NULL);
    size_t n = 0;

    for (char *p = text; p != NULL && *p != '\0'; p++)
        n += *p == '\n';
    free(text);
    return n;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes %XX escapes in place. */
static void percent_decode(char *s)
{
    char *out = s;

    for (; *s != '\0'; s++) {
        if (s[0] == '%' && hex_digit(s[1]) >= 0 && hex_digit(s[2]) >= 0) {
            *out++ = (char)(hex_digit(s[1]) * 16 + hex_digit(s[2]));
            s += 2;
        } else {
            *out++ = *s;
        }
    }
    *out = '\0';
}

START_TEST(time_vector)
{
    struct outcome o;
    char id[96], line[512], *input;
    int64_t got = -42;
    int st;

    snprintf(id, sizeof(id), "corpus.time_to_seconds.%03d", _i);
    oc_init(&o, id, "");
    if (vector_line((size_t)_i, line, sizeof(line)) != 0 ||
        (input = strchr(line, ' ')) == NULL) {
        oc_fail(&o, "%s: no line %d", VECTORS, _i);
        oc_finish(&o);
        return;
    }
    *input++ = '\0';
    oc_put(&o, "input", "%s", input); /* still %-encoded: one word */
    percent_decode(input);
    st = unitls_cert_time_to_seconds(input, &got);
    if (strcmp(line, "ValueError") == 0) {
        oc_status(&o, "status", st, UNITLS_E_PARSE);
        oc_int(&o, "out_untouched", got, -42);
    } else {
        oc_status(&o, "status", st, UNITLS_OK);
        oc_int(&o, "seconds", got, strtoll(line, NULL, 10));
    }
    oc_finish(&o);
}
END_TEST

START_TEST(time_vectors_present)
{
    struct outcome o;

    oc_init(&o, "corpus.time_to_seconds.vectors", "");
    oc_true(&o, "enough_lines", vector_count() >= VECTORS_MIN);
    oc_finish(&o);
}
END_TEST

START_TEST(time_bad_arguments)
{
    static const char *const not_utf8[] = {
        "Jan  5 09:34:43 2018 GMT\xff",
        "\xc5 Jan  5 09:34:43 2018 GMT",
        "Jan  5 09:34:43 2018 \xe3\x80",     /* cut-off U+3000 */
        "Jan\xc0\xa0 5 09:34:43 2018 GMT",   /* overlong space */
        "Jan  5 09:34:43 2018\xed\xa0\x80GMT", /* a surrogate */
    };
    struct outcome o;
    int64_t out = -42;
    char key[32];

    oc_init(&o, "corpus.time_to_seconds.bad_arguments", "");
    oc_status(&o, "null_text", unitls_cert_time_to_seconds(NULL, &out),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "null_out",
              unitls_cert_time_to_seconds("Jan  5 09:34:43 2018 GMT", NULL),
              UNITLS_E_INVALID_ARG);
    for (size_t i = 0; i < sizeof(not_utf8) / sizeof(not_utf8[0]); i++) {
        snprintf(key, sizeof(key), "not_utf8_%zu", i);
        oc_status(&o, key, unitls_cert_time_to_seconds(not_utf8[i], &out),
                  UNITLS_E_PARSE);
    }
    oc_int(&o, "out_untouched", out, -42);
    oc_finish(&o);
}
END_TEST

/* A certificate's own strings go back to its own times (the fractional
 * seconds OpenSSL prints for time-lenient are where Python gives up). */
START_TEST(time_corpus_round_trip)
{
    struct outcome o;
    size_t ok = 0, parse_errors = 0;

    oc_init(&o, "corpus.time_to_seconds.corpus_round_trip", "");
    for (size_t i = 0; i < corpus_count; i++) {
        char name[160];
        unitls_cert *c = NULL;
        snprintf(name, sizeof(name), "%s.crt", corpus_stems[i]);
        if (unitls_cert_load_file(corpus_path(name).s, &c) != UNITLS_OK) {
            oc_fail(&o, "cannot load %s", name);
            continue;
        }
        const char *text[2] = {unitls_cert_not_before_string(c),
                               unitls_cert_not_after_string(c)};
        int64_t want[2] = {unitls_cert_not_before(c),
                           unitls_cert_not_after(c)};
        for (int k = 0; k < 2; k++) {
            int64_t got = 0;
            int st = unitls_cert_time_to_seconds(text[k], &got);
            int fraction = strchr(text[k], '.') != NULL;
            if (st == UNITLS_OK && !fraction && got == want[k])
                ok++;
            else if (st == UNITLS_E_PARSE && fraction)
                parse_errors++;
            else
                oc_fail(&o, "%s: \"%s\" gives %s/%" PRId64 ", want %" PRId64,
                        name, text[k], oc_status_name(st), got, want[k]);
        }
        unitls_cert_free(c);
    }
    oc_int(&o, "round_trips", (long long)ok,
           (long long)(2 * corpus_count - 1));
    oc_int(&o, "fractions", (long long)parse_errors, 1);
    oc_finish(&o);
}
END_TEST

void corpus_time_add(TCase *tc)
{
    tcase_add_loop_test(tc, time_vector, 0, (int)vector_count());
    tcase_add_test(tc, time_vectors_present);
    tcase_add_test(tc, time_bad_arguments);
    tcase_add_test(tc, time_corpus_round_trip);
}
