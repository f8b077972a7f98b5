#include "base64.h"

#include <stdlib.h>

#include <unitls/status.h>

static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void ut_base64_encode(const unsigned char *data, size_t len,
                      size_t line_width, struct ut_strbuf *out)
{
    size_t column = 0;
    for (size_t i = 0; i < len; i += 3) {
        unsigned long group = (unsigned long)data[i] << 16;
        if (i + 1 < len)
            group |= (unsigned long)data[i + 1] << 8;
        if (i + 2 < len)
            group |= data[i + 2];
        char quad[4] = {alphabet[(group >> 18) & 63],
                        alphabet[(group >> 12) & 63],
                        i + 1 < len ? alphabet[(group >> 6) & 63] : '=',
                        i + 2 < len ? alphabet[group & 63] : '='};
        for (int k = 0; k < 4; k++) {
            ut_strbuf_putc(out, quad[k]);
            if (line_width && ++column == line_width) {
                ut_strbuf_putc(out, '\n');
                column = 0;
            }
        }
    }
    if (line_width && column)
        ut_strbuf_putc(out, '\n');
}

/* Returns the 6-bit value of a base64 character, -1 for '=', -2 otherwise. */
static int sextet(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return c == '=' ? -1 : -2;
}

static int is_skipped(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Decodes one complete group of four characters (padding included) into
 * out; returns the number of bytes (1..3), or -1 if the group is invalid
 * ("=" only as the last one or two characters). */
static int decode_quad(const int v[4], unsigned char *out)
{
    if (v[0] < 0 || v[1] < 0 || (v[2] < 0 && v[3] >= 0))
        return -1;
    unsigned long group = ((unsigned long)v[0] << 18) |
                          ((unsigned long)v[1] << 12) |
                          ((unsigned long)(v[2] < 0 ? 0 : v[2]) << 6) |
                          (unsigned long)(v[3] < 0 ? 0 : v[3]);
    out[0] = (unsigned char)(group >> 16);
    out[1] = (unsigned char)(group >> 8);
    out[2] = (unsigned char)group;
    return v[2] < 0 ? 1 : v[3] < 0 ? 2 : 3;
}

int ut_base64_decode(const char *text, size_t len, unsigned char **out,
                     size_t *out_len)
{
    unsigned char *buf = malloc(len / 4 * 3 + 1);
    if (buf == NULL)
        return UNITLS_E_NOMEM;
    size_t n = 0;
    int v[4], have = 0, ended = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (is_skipped(c))
            continue;
        int s = sextet(c);
        if (s == -2 || ended)
            goto bad;
        v[have++] = s;
        if (have < 4)
            continue;
        int got = decode_quad(v, buf + n);
        if (got < 0)
            goto bad;
        n += (size_t)got;
        ended = got < 3; /* padding ends the data */
        have = 0;
    }
    if (have != 0)
        goto bad;
    *out = buf;
    *out_len = n;
    return UNITLS_OK;
bad:
    free(buf);
    return UNITLS_E_PARSE;
}
