#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unitls/status.h>

void ut_strbuf_init(struct ut_strbuf *sb)
{
    sb->data = NULL;
    sb->len = 0;
    sb->cap = 0;
    sb->failed = 0;
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
    char *data = realloc(sb->data, cap);
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
    ut_strbuf_append(sb, &c, 1);
}

void ut_strbuf_printf(struct ut_strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        sb->failed = 1;
        return;
    }
    if (reserve(sb, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

int ut_strbuf_finish(struct ut_strbuf *sb, char **out, size_t *len)
{
    *out = NULL;
    if (len)
        *len = 0;
    if (reserve(sb, 0) != 0) { /* also allocates for an empty string */
        ut_strbuf_free(sb);
        return UNITLS_E_NOMEM;
    }
    sb->data[sb->len] = '\0';
    *out = sb->data;
    if (len)
        *len = sb->len;
    ut_strbuf_init(sb);
    return UNITLS_OK;
}

void ut_strbuf_free(struct ut_strbuf *sb)
{
    free(sb->data);
    ut_strbuf_init(sb);
}
