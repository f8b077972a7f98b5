/* JSON strings: text written as a quoted, escaped JSON string. */
#include "json_text.h"

/* Decodes the well-formed UTF-8 sequence (RFC 3629) at `s`, `left` bytes
 * available, into *cp. Returns its length, or 0 if there is none. */
static size_t utf8_decode(const unsigned char *s, size_t left,
                          unsigned long *cp)
{
    size_t need;
    unsigned long value, min;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        need = 2, value = s[0] & 0x1Fu, min = 0x80;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        need = 3, value = s[0] & 0x0Fu, min = 0x800;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        need = 4, value = s[0] & 0x07u, min = 0x10000;
    else
        return 0;
    if (left < need)
        return 0;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (s[i] & 0x3Fu);
    }
    if (value < min || value > 0x10FFFF ||
        (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    *cp = value;
    return need;
}

/* Writes one character as json.dumps() does. */
static void print_char(FILE *out, unsigned long cp)
{
    switch (cp) {
    case '"': fputs("\\\"", out); return;
    case '\\': fputs("\\\\", out); return;
    case '\n': fputs("\\n", out); return;
    case '\r': fputs("\\r", out); return;
    case '\t': fputs("\\t", out); return;
    case '\b': fputs("\\b", out); return;
    case '\f': fputs("\\f", out); return;
    default: break;
    }
    if (cp >= 0x20 && cp < 0x7F) {
        fputc((int)cp, out);
    } else if (cp < 0x10000) {
        fprintf(out, "\\u%04lx", cp);
    } else {
        unsigned long v = cp - 0x10000;
        fprintf(out, "\\u%04lx\\u%04lx", 0xD800 + (v >> 10),
                0xDC00 + (v & 0x3FF));
    }
}

void json_print_string(FILE *out, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    fputc('"', out);
    for (size_t i = 0; i < len;) {
        unsigned long cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            cp = s[i];
            n = 1;
        }
        print_char(out, cp);
        i += n;
    }
    fputc('"', out);
}
