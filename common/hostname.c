/* RFC 6125 host name matching; the rules are documented in hostname.h. */
#include "hostname.h"

#include <string.h>

#include <unitls/status.h>

#include "cert_model.h"
#include "hex.h"

#define UT_DNS_NAME_MAX 253 /* without the trailing dot */
#define UT_DNS_LABEL_MAX 63

/* --- characters (ASCII only, independent of the C locale) ---------------- */

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}


static unsigned char to_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + ('a' - 'A')) : c;
}

static int ascii_ieq(const unsigned char *a, const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (to_lower(a[i]) != to_lower(b[i]))
            return 0;
    return 1;
}

/* --- DNS names ------------------------------------------------------------ */

/* A letter-digit-hyphen label of 1..63 characters, no hyphen at either end. */
static int ldh_label_ok(const unsigned char *p, size_t n)
{
    if (n == 0 || n > UT_DNS_LABEL_MAX || p[0] == '-' || p[n - 1] == '-')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_alpha(p[i]) && !is_digit(p[i]) && p[i] != '-')
            return 0;
    return 1;
}

/* A label that a resolver or URL parser would read as a number (WHATWG URL
 * "ends in a number"): all digits, or "0x" followed by hex digits. A name
 * ending in one is a malformed address ("1.2.3", "01.2.3.4"), not a host. */
static int label_is_numeric(const unsigned char *p, size_t n)
{
    if (n >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        for (size_t i = 2; i < n; i++)
            if (ut_hex_value(p[i]) < 0)
                return 0;
        return 1;
    }
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_digit(p[i]))
            return 0;
    return 1;
}

/* Checks p[0..n), its trailing dot already removed, as a DNS name. With
 * wildcard_ok, the left-most label may be "*" if two or more labels follow. */
static int dns_name_ok(const unsigned char *p, size_t n, int wildcard_ok)
{
    if (n == 0 || n > UT_DNS_NAME_MAX)
        return 0;
    size_t start = 0, last = 0, labels = 0;
    int wildcard = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && p[i] != '.')
            continue;
        size_t len = i - start;
        if (labels == 0 && wildcard_ok && len == 1 && p[start] == '*')
            wildcard = 1;
        else if (!ldh_label_ok(p + start, len))
            return 0;
        last = start;
        labels++;
        start = i + 1;
    }
    if (label_is_numeric(p + last, n - last))
        return 0;
    return !wildcard || labels >= 3;
}

/* The length of p[0..n) without one trailing dot. */
static size_t strip_dot(const unsigned char *p, size_t n)
{
    return (n > 0 && p[n - 1] == '.') ? n - 1 : n;
}

/* --- IP literals ---------------------------------------------------------- */

/* Exactly "d.d.d.d", each part 0-255 in canonical decimal (no leading zero). */
static int parse_ipv4(const unsigned char *p, size_t n, unsigned char out[4])
{
    size_t i = 0;
    for (int part = 0; part < 4; part++) {
        if (part > 0) {
            if (i >= n || p[i] != '.')
                return 0;
            i++;
        }
        size_t start = i;
        unsigned value = 0;
        while (i < n && is_digit(p[i]) && i - start < 3)
            value = value * 10 + (unsigned)(p[i++] - '0');
        if (i == start || value > 255 || (i - start > 1 && p[start] == '0'))
            return 0;
        out[part] = (unsigned char)value;
    }
    return i == n;
}

/* One group of 1-4 hex digits, p[0..n). Returns its value or -1. */
static long parse_hex_group(const unsigned char *p, size_t n)
{
    long value = 0;
    if (n == 0 || n > 4)
        return -1;
    for (size_t i = 0; i < n; i++) {
        int digit = ut_hex_value(p[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

/* Widens the bytes parsed so far to 16: the "::" at byte `gap` stands for
 * one or more zero groups; without a gap exactly 16 bytes are needed. */
static int ipv6_expand(unsigned char buf[16], size_t len, long gap)
{
    if (gap < 0)
        return len == 16;
    if (len > 14)
        return 0;
    size_t tail = len - (size_t)gap;
    memmove(buf + 16 - tail, buf + gap, tail);
    memset(buf + gap, 0, 16 - tail - (size_t)gap);
    return 1;
}

/* RFC 4291 section 2.2 text forms, strictly. */
static int parse_ipv6(const unsigned char *p, size_t n, unsigned char out[16])
{
    unsigned char buf[16];
    size_t len = 0, i = 0;
    long gap = -1;
    if (n >= 2 && p[0] == ':' && p[1] == ':') {
        gap = 0;
        i = 2;
    }
    while (i < n) {
        size_t end = i;
        while (end < n && p[end] != ':')
            end++;
        if (memchr(p + i, '.', end - i) != NULL) { /* the dotted-quad tail */
            if (end != n || len > 12 || !parse_ipv4(p + i, n - i, buf + len))
                return 0;
            len += 4;
            break;
        }
        long group = parse_hex_group(p + i, end - i);
        if (group < 0 || len == 16)
            return 0;
        buf[len++] = (unsigned char)(group >> 8);
        buf[len++] = (unsigned char)(group & 0xff);
        if (end == n)
            break;
        i = end + 1;
        if (i < n && p[i] == ':') {
            if (gap >= 0)
                return 0;
            gap = (long)len;
            i++;
        } else if (i == n) {
            return 0; /* a single trailing colon */
        }
    }
    if (!ipv6_expand(buf, len, gap))
        return 0;
    memcpy(out, buf, 16);
    return 1;
}

enum ut_ref_kind ut_ref_classify(const char *name, unsigned char addr[16])
{
    unsigned char scratch[16];
    if (name == NULL)
        return UT_REF_INVALID;
    if (addr == NULL)
        addr = scratch;
    const unsigned char *p = (const unsigned char *)name;
    size_t n = strlen(name);
    if (memchr(p, ':', n) != NULL)
        return parse_ipv6(p, n, addr) ? UT_REF_IPV6 : UT_REF_INVALID;
    if (parse_ipv4(p, n, addr))
        return UT_REF_IPV4;
    return dns_name_ok(p, strip_dot(p, n), 0) ? UT_REF_DNS : UT_REF_INVALID;
}

/* --- matching ------------------------------------------------------------- */

/* Does the presented DNS identifier pres[0..plen) (raw, from a dNSName or
 * the CN) match the valid reference ref[0..rlen) (trailing dot removed)? */
static int dns_id_matches(const unsigned char *pres, size_t plen,
                          const unsigned char *ref, size_t rlen)
{
    plen = strip_dot(pres, plen);
    if (!dns_name_ok(pres, plen, 1)) /* also rejects NUL bytes */
        return 0;
    if (pres[0] != '*')
        return plen == rlen && ascii_ieq(pres, ref, rlen);
    /* "*.rest": the reference must be "label.rest" with one label. */
    const unsigned char *dot = memchr(ref, '.', rlen);
    if (dot == NULL)
        return 0;
    size_t first = (size_t)(dot - ref);
    if (first >= 4 && ascii_ieq(ref, (const unsigned char *)"xn--", 4))
        return 0;
    return plen - 1 == rlen - first && ascii_ieq(pres + 1, dot, plen - 1);
}

/* Does any SAN of kind `want` match? For UT_SAN_DNS, ref is a valid DNS
 * reference name (trailing dot removed); for UT_SAN_IP, the address bytes. */
static int san_matches(const unitls_cert *cert, enum ut_san_kind want,
                       const unsigned char *ref, size_t ref_len)
{
    enum ut_san_kind kind;
    const unsigned char *raw;
    size_t raw_len;
    for (size_t i = 0;
         ut_cert_san_raw(cert, i, &kind, &raw, &raw_len) == UNITLS_OK; i++) {
        if (kind != want)
            continue;
        if (want == UT_SAN_DNS && dns_id_matches(raw, raw_len, ref, ref_len))
            return 1;
        if (want == UT_SAN_IP && raw_len == ref_len &&
            memcmp(raw, ref, ref_len) == 0)
            return 1;
    }
    return 0;
}

static int dns_ref_matches(const unitls_cert *cert, const unsigned char *ref,
                           size_t ref_len, int cn_fallback)
{
    if (ut_cert_has_san_ext(cert))
        return san_matches(cert, UT_SAN_DNS, ref, ref_len);
    const char *cn;
    size_t cn_len;
    if (!cn_fallback || ut_cert_subject_cn(cert, &cn, &cn_len) != UNITLS_OK)
        return 0;
    return dns_id_matches((const unsigned char *)cn, cn_len, ref, ref_len);
}

int ut_host_check(const unitls_cert *cert, const char *name, int cn_fallback,
                  unitls_verify_error *err)
{
    unsigned char addr[16];
    enum ut_ref_kind kind = ut_ref_classify(name, addr);
    if (cert == NULL || kind == UT_REF_INVALID)
        return UNITLS_E_INVALID_ARG;
    int match;
    if (kind == UT_REF_DNS) {
        const unsigned char *ref = (const unsigned char *)name;
        match = dns_ref_matches(cert, ref, strip_dot(ref, strlen(name)),
                                cn_fallback);
    } else {
        match = san_matches(cert, UT_SAN_IP, addr,
                            kind == UT_REF_IPV4 ? 4 : 16);
    }
    if (match)
        return UNITLS_OK;
    if (err != NULL)
        *err = kind == UT_REF_DNS ? UNITLS_VERR_HOSTNAME_MISMATCH
                                  : UNITLS_VERR_IP_MISMATCH;
    return UNITLS_E_VERIFY;
}
