/* Validity times, read as OpenSSL reads them (ossl_asn1_time_to_tm, not in
 * its strict RFC 5280 mode: seconds may be missing, a "+hhmm"/"-hhmm" offset
 * may replace "Z", GeneralizedTime may carry fractional seconds) and printed
 * as ASN1_TIME_print does: "Jan  5 09:34:43 2018 GMT". A time OpenSSL could
 * not read (it prints "Bad time value") makes the certificate malformed. */
#include "cert_internal.h"

#include <unitls/status.h>

struct civil {
    int year, mon, mday, hour, min, sec; /* mon 1..12 */
};

/* One field per index, as OpenSSL numbers them: century, year, month, day,
 * hour, minute, second, offset hours, offset minutes. */
static const int field_min[9] = {0, 0, 1, 1, 0, 0, 0, 0, 0};
static const int field_max[9] = {99, 99, 12, 31, 23, 59, 59, 12, 59};

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int is_leap(int year)
{
    return year % 400 == 0 || (year % 100 != 0 && year % 4 == 0);
}

static int days_in_month(int year, int mon)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    return days[mon - 1] + (mon == 2 && is_leap(year));
}

int64_t ut_days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    const int64_t era = y / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, struct civil *c)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    c->mday = (int)(doy - (153 * mp + 2) / 5 + 1);
    c->mon = (int)(mp < 10 ? mp + 3 : mp - 9);
    c->year = (int)(yoe + era * 400 + (c->mon <= 2));
}

static int64_t civil_seconds(const struct civil *c)
{
    return ut_days_from_civil(c->year, c->mon, c->mday) * 86400 +
           c->hour * 3600 + c->min * 60 + c->sec;
}

/* Reads two digits at s[*o] as field `field` (range-checked). */
static int read_pair(const unsigned char *s, size_t len, size_t *o,
                     int field, int *out)
{
    if (len - *o < 2 || !is_digit(s[*o]) || !is_digit(s[*o + 1]))
        return -1;
    int n = (s[*o] - '0') * 10 + (s[*o + 1] - '0');
    *o += 2;
    if (n < field_min[field] || n > field_max[field])
        return -1;
    *out = n;
    return 0;
}

static void store_field(struct civil *c, int field, int n, int utc)
{
    switch (field) {
    case 0: c->year = n * 100; break;
    case 1: c->year = utc ? (n < 50 ? 2000 + n : 1900 + n) : c->year + n; break;
    case 2: c->mon = n; break;
    case 3: c->mday = n; break;
    case 4: c->hour = n; break;
    case 5: c->min = n; break;
    default: c->sec = n; break;
    }
}

/* Reads the date and time fields; seconds may be left out before a zone. */
static int read_fields(const unsigned char *s, size_t len, size_t *o,
                       int utc, struct civil *c)
{
    const int first = utc ? 1 : 0;
    for (int field = first; field <= 6; field++) {
        if (field == 6 && *o < len &&
            (s[*o] == 'Z' || s[*o] == '+' || s[*o] == '-'))
            break;
        int n;
        /* A zone must follow, so the text cannot end here. */
        if (read_pair(s, len, o, field, &n) != 0 || *o == len)
            return -1;
        store_field(c, field, n, utc);
        if (field == 3 && n > days_in_month(c->year, c->mon))
            return -1;
    }
    return 0;
}

/* Skips ".digits" (GeneralizedTime only); sets the fraction's extent. */
static int read_fraction(const unsigned char *s, size_t len, size_t *o,
                         size_t *frac_len)
{
    *frac_len = 0;
    if (*o >= len || s[*o] != '.')
        return 0;
    size_t start = *o;
    (*o)++;
    while (*o < len && is_digit(s[*o]))
        (*o)++;
    if (*o == start + 1 || *o == len)
        return -1;
    *frac_len = *o - start;
    return 0;
}

/* Reads "Z" or "+hhmm"/"-hhmm" (which must end the text) and applies the
 * offset; OpenSSL refuses an adjusted year outside 1900..9999. */
static int read_zone(const unsigned char *s, size_t len, size_t o,
                     struct civil *c, int64_t *seconds)
{
    *seconds = civil_seconds(c);
    if (s[o] == 'Z')
        return o + 1 == len ? 0 : -1;
    if ((s[o] != '+' && s[o] != '-') || o + 5 != len)
        return -1;
    int sign = s[o] == '-' ? 1 : -1, hh, mm;
    o++;
    if (read_pair(s, len, &o, 7, &hh) != 0 ||
        read_pair(s, len, &o, 8, &mm) != 0)
        return -1;
    int64_t offset = (int64_t)hh * 3600 + mm * 60;
    if (offset == 0)
        return 0;
    *seconds += sign * offset;
    int64_t days = *seconds >= 0 ? *seconds / 86400
                                 : -((-*seconds + 86399) / 86400);
    int64_t rest = *seconds - days * 86400;
    civil_from_days(days, c);
    c->hour = (int)(rest / 3600);
    c->min = (int)(rest / 60 % 60);
    c->sec = (int)(rest % 60);
    return c->year < 1900 || c->year > 9999 ? -1 : 0;
}

static const char *const month_names[12] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int ut_cert_parse_time(struct ut_arena *arena, const struct ut_der_tlv *tlv,
                       struct ut_cert_time *out)
{
    int utc = ut_der_is(tlv, UT_DER_UTC_TIME);
    if (!utc && !ut_der_is(tlv, UT_DER_GENERALIZED_TIME))
        return UNITLS_E_PARSE;
    const unsigned char *s = tlv->content;
    size_t len = tlv->content_len, o = 0, frac_len = 0;
    struct civil c = {0, 1, 1, 0, 0, 0};
    if (len < (utc ? 11u : 13u) || read_fields(s, len, &o, utc, &c) != 0)
        return UNITLS_E_PARSE;
    size_t frac_at = o;
    if (!utc && read_fraction(s, len, &o, &frac_len) != 0)
        return UNITLS_E_PARSE;
    if (read_zone(s, len, o, &c, &out->seconds) != 0)
        return UNITLS_E_PARSE;

    /* "%s %2d %02d:%02d:%02d" [fraction] " %d GMT", formatted by hand:
     * every certificate parsed has two of these. */
    char room[UT_CERT_STRING_ROOM];
    struct ut_strbuf sb;
    ut_strbuf_init_with(&sb, room, sizeof(room));
    ut_strbuf_puts(&sb, month_names[c.mon - 1]);
    ut_strbuf_putc(&sb, ' ');
    ut_strbuf_put_decimal(&sb, (unsigned long long)c.mday, 2, ' ');
    const int hms[3] = {c.hour, c.min, c.sec};
    for (int i = 0; i < 3; i++) {
        ut_strbuf_putc(&sb, i ? ':' : ' ');
        ut_strbuf_put_decimal(&sb, (unsigned long long)hms[i], 2, '0');
    }
    /* OpenSSL prints a fraction only where full seconds precede it. */
    if (frac_len && frac_at == 14)
        ut_strbuf_append(&sb, s + frac_at, frac_len);
    long year = c.year; /* below 0 when an offset moves 0000 back */
    ut_strbuf_puts(&sb, year < 0 ? " -" : " ");
    ut_strbuf_put_decimal(&sb, (unsigned long long)(year < 0 ? -year : year), 1,
                          '0');
    ut_strbuf_puts(&sb, " GMT");
    out->text = ut_arena_take(arena, &sb, NULL);
    return out->text ? UNITLS_OK : UNITLS_E_NOMEM;
}
