/* The serial number as Python shows it: OpenSSL's i2a_ASN1_INTEGER of the
 * value's magnitude, read back one line at a time (BIO_gets). */
#include "cert_internal.h"

#include <stdlib.h>

#include <unitls/status.h>

/* i2a_ASN1_INTEGER breaks its output with "\\\n" every 35 octets; Python
 * keeps only the first line, break included. */
#define SERIAL_OCTETS_PER_LINE 35

/* Writes the magnitude of a minimal two's complement integer into mag and
 * returns its length, as OpenSSL's c2i_ibuf does. */
static size_t magnitude(const unsigned char *p, size_t len, int neg,
                        unsigned char *mag)
{
    if (len > 1 && (p[0] == 0x00 || (p[0] == 0xff && neg))) {
        /* 0xff is padding only if another octet is non-zero */
        int padded = p[0] == 0x00;
        for (size_t i = 1; i < len && !padded; i++)
            padded = p[i] != 0;
        if (padded) {
            p++;
            len--;
        }
    }
    /* two's complement (negate) when negative: ~value + 1 */
    unsigned carry = neg ? 1 : 0;
    for (size_t i = len; i-- > 0;) {
        unsigned v = (neg ? (unsigned)(p[i] ^ 0xffu) : p[i]) + carry;
        mag[i] = (unsigned char)v;
        carry = v >> 8;
    }
    return len;
}

int ut_cert_parse_serial(struct ut_arena *arena, const struct ut_der_tlv *tlv,
                         const char **python, const char **full)
{
    if (!ut_der_is(tlv, UT_DER_INTEGER) ||
        ut_der_check_integer(tlv) != UNITLS_OK)
        return UNITLS_E_PARSE;
    int neg = (tlv->content[0] & 0x80) != 0;
    unsigned char *mag = malloc(tlv->content_len);
    if (mag == NULL)
        return UNITLS_E_NOMEM;
    size_t n = magnitude(tlv->content, tlv->content_len, neg, mag);

    char room[UT_CERT_STRING_ROOM];
    struct ut_strbuf sb;
    ut_strbuf_init_with(&sb, room, sizeof(room));
    if (neg)
        ut_strbuf_putc(&sb, '-');
    for (size_t i = 0; i < n; i++)
        ut_strbuf_put_hex(&sb, mag[i], 2);
    free(mag);
    size_t len;
    *full = ut_arena_take(arena, &sb, &len);
    if (*full == NULL)
        return UNITLS_E_NOMEM;
    *python = *full;
    if (n > SERIAL_OCTETS_PER_LINE) {
        size_t keep = (neg ? 1 : 0) + 2 * SERIAL_OCTETS_PER_LINE;
        ut_strbuf_append(&sb, *full, keep);
        ut_strbuf_puts(&sb, "\\\n");
        *python = ut_arena_take(arena, &sb, NULL);
    }
    return *python ? UNITLS_OK : UNITLS_E_NOMEM;
}
