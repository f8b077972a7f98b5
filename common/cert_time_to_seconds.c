/* Python's ssl.cert_time_to_seconds(), exactly (CPython 3.11, Lib/ssl.py):
 *
 *   month_number = months.index(cert_time[:3].title()) + 1
 *   tt = strptime(cert_time[3:], " %d %H:%M:%S %Y GMT")
 *   return timegm((tt[0], month_number) + tt[2:6])
 *
 * strptime compiles the format, case-insensitively, to
 *
 *   \s+(3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9])\s+(2[0-3]|[0-1]\d|\d):
 *   ([0-5]\d|\d):(6[0-1]|[0-5]\d|\d)\s+(\d\d\d\d)\s+GMT
 *
 * takes the first match at the start of the text and fails unless it ends
 * at the end of the text. That regular expression is what this file runs,
 * with its backtracking order, so that every corner agrees with Python:
 *  - \s is any Unicode white space and \d any Unicode decimal digit (the
 *    ASCII ranges like [0-5] are ASCII only); int() reads either;
 *  - "GMT" matches in any ASCII case, and the month does too (title()):
 *    "jan", "JAN"; also U+017F (long s) as the first letter of "Sep";
 *  - the day is not checked against the month (strptime sees only the day;
 *    timegm() rolls "Feb 31" over into March), seconds go up to 61, and
 *    only year 0 is refused (by datetime.date).
 * Anything else is Python's ValueError: UNITLS_E_PARSE. So is text that is
 * not UTF-8, which a Python str cannot hold. */
#include "cert_internal.h"

#include <string.h>

#include <unitls/status.h>

#include "json.h"

/* The first of each run of ten Unicode decimal digits (category Nd,
 * Unicode 14.0 as in Python 3.11), generated with
 *   [c for c in range(0x110000) if re.match(r"\d", chr(c))
 *    and unicodedata.decimal(chr(c)) == 0] */
static const unsigned long digit_zeros[] = {
    0x30,    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,
    0xb66,   0xbe6,   0xc66,   0xce6,   0xd66,   0xde6,   0xe50,   0xed0,
    0xf20,   0x1040,  0x1090,  0x17e0,  0x1810,  0x1946,  0x19d0,  0x1a80,
    0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,  0xa900,
    0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066,
    0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0,
    0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0,
    0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0,
    0x1e950, 0x1fbf0,
};

static const char *const months[12] = {"jan", "feb", "mar", "apr",
                                       "may", "jun", "jul", "aug",
                                       "sep", "oct", "nov", "dec"};

/* A code point of the text: its value and where it ends. */
struct cp {
    unsigned long value;
    size_t end;
};

struct text {
    const unsigned char *s;
    size_t len;
};

/* The code point at `pos` (the text is known to be valid UTF-8); at the end
 * of the text, 0x110000, which no class matches. */
static struct cp cp_at(const struct text *t, size_t pos)
{
    struct cp c = {0x110000, pos};
    if (pos < t->len)
        c.end = pos + ut_utf8_decode(t->s + pos, t->len - pos, &c.value);
    return c;
}

/* Python's str.isspace() (what re's \s matches in a str pattern). */
static int is_space(unsigned long c)
{
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) ||
           c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
           c == 0x202f || c == 0x205f || c == 0x3000;
}

/* re's \d: returns the digit's value, or -1. */
static int decimal_value(unsigned long c)
{
    size_t lo = 0, hi = sizeof(digit_zeros) / sizeof(digit_zeros[0]);
    while (lo < hi) { /* the last zero <= c */
        size_t mid = (lo + hi) / 2;
        if (digit_zeros[mid] <= c)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0 || c - digit_zeros[lo - 1] > 9)
        return -1;
    return (int)(c - digit_zeros[lo - 1]);
}

/* An ASCII range like [0-5]: the digit's value, or -1. */
static int ascii_digit(unsigned long c, int min, int max)
{
    return c >= (unsigned long)('0' + min) && c <= (unsigned long)('0' + max)
               ? (int)(c - '0')
               : -1;
}

/* --- the pattern ---------------------------------------------------------- */

enum element { WS, DAY, HOUR, MINUTE, SECOND, YEAR, COLON, LETTER_G,
               LETTER_M, LETTER_T };

static const enum element pattern[] = {WS,     DAY,    WS,       HOUR,
                                       COLON,  MINUTE, COLON,    SECOND,
                                       WS,     YEAR,   WS,       LETTER_G,
                                       LETTER_M, LETTER_T};
#define PATTERN_LEN (sizeof(pattern) / sizeof(pattern[0]))

/* One way an element can match: where it ends and the number it read. */
struct option {
    size_t end;
    int value;
};

/* A two-character alternative: ASCII [lo0-hi0] then ASCII [lo1-hi1], or
 * \d when lo1 < 0. */
static int two(const struct text *t, size_t pos, int lo0, int hi0, int lo1,
               int hi1, struct option *out)
{
    struct cp a = cp_at(t, pos), b = cp_at(t, a.end);
    int d0 = ascii_digit(a.value, lo0, hi0);
    int d1 = lo1 < 0 ? decimal_value(b.value) : ascii_digit(b.value, lo1, hi1);
    if (d0 < 0 || d1 < 0)
        return 0;
    out->end = b.end;
    out->value = d0 * 10 + d1;
    return 1;
}

/* A one-character alternative: ASCII [lo-hi], or \d when lo < 0. */
static int one(const struct text *t, size_t pos, int lo, int hi,
               struct option *out)
{
    struct cp a = cp_at(t, pos);
    int d = lo < 0 ? decimal_value(a.value) : ascii_digit(a.value, lo, hi);
    if (d < 0)
        return 0;
    out->end = a.end;
    out->value = d;
    return 1;
}

/* The options of a number element at `pos`, in the regular expression's
 * order of alternatives. Returns how many there are (at most 5). */
static size_t number_options(const struct text *t, size_t pos, enum element e,
                             struct option opt[5])
{
    size_t n = 0;
    struct cp c;
    switch (e) {
    case DAY: /* 3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9] */
        n += two(t, pos, 3, 3, 0, 1, &opt[n]);
        n += two(t, pos, 1, 2, -1, 0, &opt[n]);
        n += two(t, pos, 0, 0, 1, 9, &opt[n]);
        n += one(t, pos, 1, 9, &opt[n]);
        c = cp_at(t, pos);
        if (c.value == ' ')
            n += one(t, c.end, 1, 9, &opt[n]);
        return n;
    case HOUR: /* 2[0-3]|[0-1]\d|\d */
        n += two(t, pos, 2, 2, 0, 3, &opt[n]);
        n += two(t, pos, 0, 1, -1, 0, &opt[n]);
        return n + (size_t)one(t, pos, -1, 0, &opt[n]);
    case MINUTE: /* [0-5]\d|\d */
        n += two(t, pos, 0, 5, -1, 0, &opt[n]);
        return n + (size_t)one(t, pos, -1, 0, &opt[n]);
    case SECOND: /* 6[0-1]|[0-5]\d|\d */
        n += two(t, pos, 6, 6, 0, 1, &opt[n]);
        n += two(t, pos, 0, 5, -1, 0, &opt[n]);
        return n + (size_t)one(t, pos, -1, 0, &opt[n]);
    default: { /* YEAR: \d\d\d\d */
        int year = 0;
        for (int i = 0; i < 4; i++) {
            c = cp_at(t, pos);
            int d = decimal_value(c.value);
            if (d < 0)
                return 0;
            year = year * 10 + d;
            pos = c.end;
        }
        opt[0].end = pos;
        opt[0].value = year;
        return 1;
    }
    }
}

/* The fields a match read, by element. */
struct fields {
    int value[PATTERN_LEN];
};

/* Start of the code point before `pos` (pos > 0, inside valid UTF-8). */
static size_t previous_cp(const struct text *t, size_t pos)
{
    do
        pos--;
    while (pos > 0 && (t->s[pos] & 0xc0) == 0x80);
    return pos;
}

/* Matches pattern[i...] at `pos` the way the regular expression engine
 * does: alternatives in order, \s+ greedy, backtracking. Returns 1 and sets
 * *end at the first match, 0 if there is none. */
static int match(const struct text *t, size_t i, size_t pos,
                 struct fields *f, size_t *end)
{
    if (i == PATTERN_LEN) {
        *end = pos;
        return 1;
    }
    enum element e = pattern[i];
    if (e == WS) {
        size_t run = pos;
        for (struct cp c = cp_at(t, run); is_space(c.value); c = cp_at(t, run))
            run = c.end;
        for (size_t stop = run; stop > pos; stop = previous_cp(t, stop))
            if (match(t, i + 1, stop, f, end))
                return 1;
        return 0;
    }
    if (e == COLON || e >= LETTER_G) {
        static const char letters[] = "gmt";
        struct cp c = cp_at(t, pos);
        unsigned long want = e == COLON ? ':' : (unsigned long)letters[e - LETTER_G];
        if (c.value != want && !(e != COLON && c.value == want - 32))
            return 0;
        return match(t, i + 1, c.end, f, end);
    }
    struct option opt[5];
    size_t n = number_options(t, pos, e, opt);
    for (size_t k = 0; k < n; k++) {
        f->value[i] = opt[k].value;
        if (match(t, i + 1, opt[k].end, f, end))
            return 1;
    }
    return 0;
}

/* cert_time[:3].title() in months: the month number, or 0. */
static int month_number(const struct text *t, size_t *after)
{
    char lower[4] = {0};
    size_t pos = 0;
    for (int k = 0; k < 3; k++) {
        struct cp c = cp_at(t, pos);
        if (k == 0 && c.value == 0x17f) /* LATIN SMALL LETTER LONG S */
            c.value = 's';
        if (c.value >= 'A' && c.value <= 'Z')
            c.value += 32;
        if (c.value < 'a' || c.value > 'z')
            return 0;
        lower[k] = (char)c.value;
        pos = c.end;
    }
    *after = pos;
    for (int m = 0; m < 12; m++)
        if (memcmp(lower, months[m], 3) == 0)
            return m + 1;
    return 0;
}

static int is_utf8(const unsigned char *s, size_t len)
{
    unsigned long cp;
    for (size_t i = 0; i < len;) {
        size_t n = ut_utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            return 0;
        i += n;
    }
    return 1;
}

int ut_cert_time_to_seconds(const char *text, size_t len, int64_t *out)
{
    struct text t = {(const unsigned char *)text, len};
    struct fields f = {{0}};
    size_t start = 0, end = 0;
    if (!is_utf8(t.s, t.len))
        return UNITLS_E_PARSE;
    int month = month_number(&t, &start);
    if (month == 0 || !match(&t, 0, start, &f, &end) || end != t.len)
        return UNITLS_E_PARSE;
    int day = f.value[1], hour = f.value[3], minute = f.value[5];
    int second = f.value[7], year = f.value[9];
    if (year == 0) /* datetime.date: year 0 is out of range */
        return UNITLS_E_PARSE;
    int64_t days = ut_days_from_civil(year, month, 1) + day - 1;
    *out = ((days * 24 + hour) * 60 + minute) * 60 + second;
    return UNITLS_OK;
}
