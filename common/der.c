#include "der.h"

#include <limits.h>
#include <string.h>

#include <unitls/status.h>

/* Longest length field accepted: four octets (values up to 4 GiB - 1). */
#define DER_MAX_LENGTH_OCTETS 4
/* Longest high-tag-number field accepted: four octets (tags < 2^28). */
#define DER_MAX_TAG_OCTETS 4

void ut_der_init(struct ut_der *der, const unsigned char *buf, size_t len)
{
    der->p = buf;
    der->len = buf ? len : 0;
    der->depth = 0;
}

int ut_der_at_end(const struct ut_der *der)
{
    return der->len == 0;
}

/* Reads the identifier octets at p[*pos]. */
static int read_tag(const unsigned char *p, size_t len, size_t *pos,
                    struct ut_der_tlv *out)
{
    if (*pos >= len)
        return UNITLS_E_PARSE;
    unsigned char first = p[(*pos)++];
    out->cls = first & 0xc0u;
    out->constructed = (first & 0x20u) != 0;
    out->tag = first & 0x1fu;
    if (out->tag != 0x1f)
        return UNITLS_OK;

    /* High tag number form: base 128, shortest form, value >= 31. */
    unsigned long tag = 0;
    for (int n = 0;; n++) {
        if (*pos >= len || n == DER_MAX_TAG_OCTETS)
            return UNITLS_E_PARSE;
        unsigned char c = p[(*pos)++];
        if (n == 0 && c == 0x80)
            return UNITLS_E_PARSE;
        tag = (tag << 7) | (c & 0x7fu);
        if (!(c & 0x80))
            break;
    }
    if (tag < 0x1f)
        return UNITLS_E_PARSE;
    out->tag = tag;
    return UNITLS_OK;
}

/* Reads the length octets at p[*pos]: definite and minimal only. */
static int read_length(const unsigned char *p, size_t len, size_t *pos,
                       size_t *out)
{
    if (*pos >= len)
        return UNITLS_E_PARSE;
    unsigned char first = p[(*pos)++];
    if (first < 0x80) {
        *out = first;
        return UNITLS_OK;
    }
    size_t octets = first & 0x7fu;
    if (octets == 0 || octets > DER_MAX_LENGTH_OCTETS) /* 0x80: indefinite */
        return UNITLS_E_PARSE;
    if (len - *pos < octets || p[*pos] == 0)
        return UNITLS_E_PARSE;
    size_t value = 0;
    for (size_t i = 0; i < octets; i++)
        value = (value << 8) | p[(*pos)++];
    if (value < 0x80) /* would have fitted the short form */
        return UNITLS_E_PARSE;
    *out = value;
    return UNITLS_OK;
}

int ut_der_peek(const struct ut_der *der, struct ut_der_tlv *out)
{
    size_t pos = 0, content_len;
    if (read_tag(der->p, der->len, &pos, out) != UNITLS_OK ||
        read_length(der->p, der->len, &pos, &content_len) != UNITLS_OK)
        return UNITLS_E_PARSE;
    if (der->len - pos < content_len)
        return UNITLS_E_PARSE;
    out->content = der->p + pos;
    out->content_len = content_len;
    out->raw = der->p;
    out->raw_len = pos + content_len;
    out->depth = der->depth;
    return UNITLS_OK;
}

int ut_der_read(struct ut_der *der, struct ut_der_tlv *out)
{
    int rc = ut_der_peek(der, out);
    if (rc != UNITLS_OK)
        return rc;
    der->p += out->raw_len;
    der->len -= out->raw_len;
    return UNITLS_OK;
}

int ut_der_is(const struct ut_der_tlv *tlv, unsigned ident)
{
    if (tlv->tag >= 0x1f)
        return 0;
    unsigned have = tlv->cls | (tlv->constructed ? 0x20u : 0u) |
                    (unsigned)tlv->tag;
    return have == ident;
}

int ut_der_expect(struct ut_der *der, unsigned ident, struct ut_der_tlv *out)
{
    struct ut_der_tlv tlv;
    if (ut_der_read(der, &tlv) != UNITLS_OK || !ut_der_is(&tlv, ident))
        return UNITLS_E_PARSE;
    *out = tlv;
    return UNITLS_OK;
}

int ut_der_optional(struct ut_der *der, unsigned ident,
                    struct ut_der_tlv *out, int *present)
{
    *present = 0;
    if (ut_der_at_end(der))
        return UNITLS_OK;
    struct ut_der_tlv tlv;
    if (ut_der_peek(der, &tlv) != UNITLS_OK)
        return UNITLS_E_PARSE;
    if (!ut_der_is(&tlv, ident))
        return UNITLS_OK;
    *present = 1;
    return ut_der_read(der, out);
}

static int open_contents(const struct ut_der_tlv *tlv, struct ut_der *inner)
{
    if (tlv->depth + 1 > UT_DER_MAX_DEPTH)
        return UNITLS_E_PARSE;
    inner->p = tlv->content;
    inner->len = tlv->content_len;
    inner->depth = tlv->depth + 1;
    return UNITLS_OK;
}

int ut_der_enter(const struct ut_der_tlv *tlv, struct ut_der *inner)
{
    if (!tlv->constructed)
        return UNITLS_E_PARSE;
    return open_contents(tlv, inner);
}

int ut_der_enter_encapsulated(const struct ut_der_tlv *tlv,
                              struct ut_der *inner)
{
    return open_contents(tlv, inner);
}

int ut_der_count(const struct ut_der *der, size_t *count)
{
    struct ut_der walk = *der;
    struct ut_der_tlv tlv;
    size_t n = 0;
    while (!ut_der_at_end(&walk)) {
        if (ut_der_read(&walk, &tlv) != UNITLS_OK)
            return UNITLS_E_PARSE;
        n++;
    }
    *count = n;
    return UNITLS_OK;
}

int ut_der_check_integer(const struct ut_der_tlv *tlv)
{
    const unsigned char *c = tlv->content;
    if (tlv->constructed || tlv->content_len == 0)
        return UNITLS_E_PARSE;
    if (tlv->content_len > 1 &&
        ((c[0] == 0x00 && !(c[1] & 0x80)) || (c[0] == 0xff && (c[1] & 0x80))))
        return UNITLS_E_PARSE;
    return UNITLS_OK;
}

int ut_der_get_long(const struct ut_der_tlv *tlv, long *value)
{
    if (ut_der_check_integer(tlv) != UNITLS_OK ||
        tlv->content_len > sizeof(long))
        return UNITLS_E_PARSE;
    /* Sign-extend the first octet, then shift in the rest, unsigned to stay
     * clear of undefined behaviour. */
    unsigned long v = (tlv->content[0] & 0x80) ? ULONG_MAX : 0;
    for (size_t i = 0; i < tlv->content_len; i++)
        v = (v << 8) | tlv->content[i];
    *value = v <= LONG_MAX ? (long)v : -(long)(ULONG_MAX - v) - 1;
    return UNITLS_OK;
}

int ut_der_check_oid(const struct ut_der_tlv *tlv)
{
    const unsigned char *c = tlv->content;
    size_t n = tlv->content_len;
    if (tlv->constructed || n == 0 || (c[n - 1] & 0x80))
        return UNITLS_E_PARSE;
    for (size_t i = 0; i < n; i++) {
        int starts_subid = i == 0 || !(c[i - 1] & 0x80);
        if (starts_subid && c[i] == 0x80)
            return UNITLS_E_PARSE;
    }
    return UNITLS_OK;
}

int ut_der_oid_equals(const struct ut_der_tlv *tlv, const unsigned char *oid,
                      size_t len)
{
    return tlv->content_len == len && memcmp(tlv->content, oid, len) == 0;
}
