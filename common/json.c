#include "json.h"

size_t ut_utf8_decode(const unsigned char *s, size_t len, unsigned long *cp)
{
    unsigned char c = s[0];
    size_t n;
    unsigned long v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2, v = c & 0x1fu, min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3, v = c & 0x0fu, min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4, v = c & 0x07u, min = 0x10000;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3fu);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return 0;
    *cp = v;
    return n;
}

size_t ut_utf8_encode(unsigned long cp, unsigned char out[4])
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xc0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xe0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (unsigned char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (unsigned char)(0xf0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (unsigned char)(0x80 | (cp & 0x3f));
    return 4;
}

/* Writes one character as json.dumps does. */
static void append_char(struct ut_strbuf *sb, unsigned long cp)
{
    switch (cp) {
    case '"': ut_strbuf_puts(sb, "\\\""); return;
    case '\\': ut_strbuf_puts(sb, "\\\\"); return;
    case '\n': ut_strbuf_puts(sb, "\\n"); return;
    case '\r': ut_strbuf_puts(sb, "\\r"); return;
    case '\t': ut_strbuf_puts(sb, "\\t"); return;
    case '\b': ut_strbuf_puts(sb, "\\b"); return;
    case '\f': ut_strbuf_puts(sb, "\\f"); return;
    default: break;
    }
    if (cp >= 0x20 && cp < 0x7f) {
        ut_strbuf_putc(sb, (char)cp);
    } else if (cp < 0x10000) {
        ut_strbuf_printf(sb, "\\u%04lx", cp);
    } else {
        unsigned long v = cp - 0x10000;
        ut_strbuf_printf(sb, "\\u%04lx\\u%04lx", 0xd800 + (v >> 10),
                         0xdc00 + (v & 0x3ff));
    }
}

void ut_json_append_string(struct ut_strbuf *sb, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    ut_strbuf_putc(sb, '"');
    for (size_t i = 0; i < len;) {
        unsigned long cp;
        size_t n = ut_utf8_decode(p + i, len - i, &cp);
        if (n == 0) {
            cp = p[i];
            n = 1;
        }
        append_char(sb, cp);
        i += n;
    }
    ut_strbuf_putc(sb, '"');
}
