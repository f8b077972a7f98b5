/* Attribute values and types of distinguished names, converted as OpenSSL
 * converts them (ASN1_STRING_to_UTF8, OBJ_obj2txt), so that every provider
 * shows the same text. */
#include "cert_internal.h"

#include <unitls/status.h>

#include "json.h"
#include "oid_names.h"

/* Universal tags of attribute values. */
enum {
    TAG_BIT_STRING = 3,
    TAG_UTF8 = 12,
    TAG_SEQUENCE = 16,
    TAG_NUMERIC = 18,
    TAG_PRINTABLE = 19,
    TAG_T61 = 20,
    TAG_IA5 = 22,
    TAG_UNIVERSAL = 28,
    TAG_BMP = 30
};

/* Appends one code point, rejecting what OpenSSL rejects (surrogates and
 * values beyond U+10FFFF). Returns 0 or -1. */
static int put_code_point(struct ut_strbuf *sb, unsigned long cp)
{
    unsigned char utf8[4];
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return -1;
    ut_strbuf_append(sb, utf8, ut_utf8_encode(cp, utf8));
    return 0;
}

/* Converts a string of `width`-byte big-endian characters (1: Latin-1,
 * 2: UCS-2, 4: UCS-4) to UTF-8. */
static int convert_fixed_width(struct ut_strbuf *sb, const unsigned char *p,
                               size_t len, size_t width)
{
    if (len % width != 0)
        return UNITLS_E_PARSE;
    for (size_t i = 0; i < len; i += width) {
        unsigned long cp = 0;
        for (size_t k = 0; k < width; k++)
            cp = (cp << 8) | p[i + k];
        if (put_code_point(sb, cp) != 0)
            return UNITLS_E_PARSE;
    }
    return UNITLS_OK;
}

/* UTF8String contents must be valid UTF-8; they are copied unchanged. */
static int convert_utf8(struct ut_strbuf *sb, const unsigned char *p,
                        size_t len)
{
    unsigned long cp;
    for (size_t i = 0; i < len;) {
        size_t n = ut_utf8_decode(p + i, len - i, &cp);
        if (n == 0)
            return UNITLS_E_PARSE;
        i += n;
    }
    ut_strbuf_append(sb, p, len);
    return UNITLS_OK;
}

static int convert_string(struct ut_strbuf *sb, const struct ut_der_tlv *tlv)
{
    const unsigned char *p = tlv->content;
    size_t len = tlv->content_len;
    switch (tlv->tag) {
    case TAG_UTF8:
        return convert_utf8(sb, p, len);
    case TAG_NUMERIC:
    case TAG_PRINTABLE:
    case TAG_T61:
    case TAG_IA5:
        return convert_fixed_width(sb, p, len, 1);
    case TAG_BMP:
        return convert_fixed_width(sb, p, len, 2);
    case TAG_UNIVERSAL:
        return convert_fixed_width(sb, p, len, 4);
    default:
        return UNITLS_E_PARSE;
    }
}

/* Values OpenSSL accepts in a name but cannot turn into text: BIT STRING,
 * SEQUENCE and the types it files as "unknown". */
static int is_opaque_value(const struct ut_der_tlv *tlv)
{
    switch (tlv->tag) {
    case TAG_BIT_STRING:
        return !tlv->constructed && tlv->content_len > 0 &&
               tlv->content[0] <= 7;
    case TAG_SEQUENCE:
        return tlv->constructed;
    case 7: case 8: case 9: case 11: case 13: case 14: case 15: case 29:
        return 1;
    default:
        return 0;
    }
}

static void append_hex_dump(struct ut_strbuf *sb, const struct ut_der_tlv *tlv)
{
    ut_strbuf_putc(sb, '#');
    for (size_t i = 0; i < tlv->raw_len; i++)
        ut_strbuf_put_hex(sb, tlv->raw[i], 2);
}

int ut_cert_attr_value(struct ut_arena *arena, const struct ut_der_tlv *tlv,
                       struct ut_attr *attr)
{
    char room[UT_CERT_STRING_ROOM];
    struct ut_strbuf sb;
    ut_strbuf_init_with(&sb, room, sizeof(room));
    if (tlv->cls != UT_DER_CLASS_UNIVERSAL) {
        return UNITLS_E_PARSE;
    } else if (!tlv->constructed && convert_string(&sb, tlv) == UNITLS_OK) {
        attr->is_string = 1;
    } else if (is_opaque_value(tlv)) {
        ut_strbuf_free(&sb);
        append_hex_dump(&sb, tlv);
        attr->is_string = 0;
    } else {
        ut_strbuf_free(&sb);
        return UNITLS_E_PARSE;
    }
    attr->value.data = ut_arena_take(arena, &sb, &attr->value.len);
    return attr->value.data ? UNITLS_OK : UNITLS_E_NOMEM;
}

int ut_cert_oid_names(struct ut_arena *arena, const struct ut_der_tlv *oid,
                      const char **long_name, const char **short_name)
{
    if (ut_der_check_oid(oid) != UNITLS_OK)
        return UNITLS_E_PARSE;
    char room[UT_CERT_STRING_ROOM];
    struct ut_strbuf sb;
    ut_strbuf_init_with(&sb, room, sizeof(room));
    if (ut_oid_append_dotted(&sb, oid->content, oid->content_len) !=
        UNITLS_OK) {
        ut_strbuf_free(&sb);
        return UNITLS_E_PARSE;
    }
    const struct ut_oid_name *known = sb.failed ? NULL : ut_oid_lookup(sb.data);
    if (known != NULL) {
        ut_strbuf_free(&sb);
        *long_name = known->long_name;
        *short_name = known->short_name;
        return UNITLS_OK;
    }
    const char *dotted = ut_arena_take(arena, &sb, NULL);
    if (dotted == NULL)
        return UNITLS_E_NOMEM;
    *long_name = dotted;
    *short_name = dotted;
    return UNITLS_OK;
}
