#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unitls/status.h>

void ut_strbuf_init(struct ut_strbuf *sb)
{
    *sb = (struct ut_strbuf){0};
}

void ut_strbuf_init_with(struct ut_strbuf *sb, char *storage, size_t cap)
{
    *sb = (struct ut_strbuf){.data = storage, .cap = cap, .borrowed = 1};
    storage[0] = '\0';
}

/* Leaves borrowed storage for the heap, keeping what was written. */
static char *grow(struct ut_strbuf *sb, size_t cap)
{
    if (!sb->borrowed)
        return realloc(sb->data, cap);
    char *data = malloc(cap);
    if (data != NULL) {
        memcpy(data, sb->data, sb->len);
        sb->borrowed = 0;
    }
    return data;
}

/* Makes room for `extra` more bytes plus the NUL. Returns 0 on success. */
static int reserve(struct ut_strbuf *sb, size_t extra)
{
    if (sb->failed)
        return -1;
    if (extra < sb->cap - sb->len)
        return 0;
    if (extra > (size_t)-1 / 2 - sb->len) {
        sb->failed = 1;
        return -1;
    }
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap - sb->len <= extra)
        cap *= 2;
    char *data = grow(sb, cap);
    if (data == NULL) {
        sb->failed = 1;
        return -1;
    }
    sb->data = data;
    sb->cap = cap;
    return 0;
}

void ut_strbuf_append(struct ut_strbuf *sb, const void *data, size_t len)
{
    if (reserve(sb, len) != 0)
        return;
    if (len)
        memcpy(sb->data + sb->len, data, len);
    sb->len += len;
    sb->data[sb->len] = '\0';
}

void ut_strbuf_puts(struct ut_strbuf *sb, const char *s)
{
    ut_strbuf_append(sb, s, strlen(s));
}

void ut_strbuf_putc(struct ut_strbuf *sb, char c)
{
    if (reserve(sb, 1) != 0)
        return;
    sb->data[sb->len++] = c;
    sb->data[sb->len] = '\0';
}

/* Appends the last `n` characters of `digits`, after `pad` up to `width`. */
static void put_padded(struct ut_strbuf *sb, const char *digits, size_t n,
                       size_t width, char pad)
{
    size_t total = n < width ? width : n;
    if (reserve(sb, total) != 0)
        return;
    char *out = sb->data + sb->len; /* a few bytes: no memset/memcpy call */
    for (size_t i = 0; i < total - n; i++)
        out[i] = pad;
    for (size_t i = 0; i < n; i++)
        out[total - n + i] = digits[i];
    sb->len += total;
    sb->data[sb->len] = '\0';
}

void ut_strbuf_put_decimal(struct ut_strbuf *sb, unsigned long long v,
                           size_t width, char pad)
{
    char digits[24];
    size_t n = 0;
    do {
        digits[sizeof(digits) - ++n] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    put_padded(sb, digits + sizeof(digits) - n, n, width, pad);
}

void ut_strbuf_put_hex(struct ut_strbuf *sb, unsigned long long v,
                       size_t width)
{
    static const char hex[] = "0123456789ABCDEF";
    char digits[2 * sizeof(v)];
    size_t n = 0;
    do {
        digits[sizeof(digits) - ++n] = hex[v & 0xf];
        v >>= 4;
    } while (v != 0);
    put_padded(sb, digits + sizeof(digits) - n, n, width, '0');
}

/* Formats straight into the free space when the text fits there, so that
 * most appends format once. */
void ut_strbuf_printf(struct ut_strbuf *sb, const char *fmt, ...)
{
    if (sb->failed)
        return;
    size_t room = sb->cap - sb->len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(room ? sb->data + sb->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n < 0) {
        sb->failed = 1;
        return;
    }
    if ((size_t)n >= room) {
        if (reserve(sb, (size_t)n) != 0)
            return;
        va_start(ap, fmt);
        vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    sb->len += (size_t)n;
}

int ut_strbuf_finish(struct ut_strbuf *sb, char **out, size_t *len)
{
    *out = NULL;
    if (len)
        *len = 0;
    if (sb->borrowed && !sb->failed) { /* the caller gets its own copy */
        char *copy = malloc(sb->len + 1);
        if (copy == NULL)
            sb->failed = 1;
        else
            memcpy(copy, sb->data, sb->len);
        *out = copy;
    } else if (reserve(sb, 0) == 0) { /* also allocates for "" */
        *out = sb->data;
    }
    if (sb->failed || *out == NULL) {
        ut_strbuf_free(sb);
        *out = NULL;
        return UNITLS_E_NOMEM;
    }
    (*out)[sb->len] = '\0';
    if (len)
        *len = sb->len;
    if (sb->borrowed)
        ut_strbuf_free(sb);
    else
        ut_strbuf_init(sb);
    return UNITLS_OK;
}

void ut_strbuf_free(struct ut_strbuf *sb)
{
    if (sb->borrowed) {
        sb->len = 0;
        sb->failed = 0;
        sb->data[0] = '\0';
        return;
    }
    free(sb->data);
    ut_strbuf_init(sb);
}
