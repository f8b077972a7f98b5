/* A growable, NUL-terminated byte string for building renderings.
 *
 * Appends never fail visibly: the first allocation failure marks the buffer
 * as failed, later appends do nothing, and ut_strbuf_finish() reports
 * UNITLS_E_NOMEM. So a rendering can append freely and check once. */
#ifndef UT_STRBUF_H
#define UT_STRBUF_H

#include <stddef.h>

struct ut_strbuf {
    char *data; /* NUL-terminated once anything was appended */
    size_t len;
    size_t cap;
    unsigned failed : 1;   /* an allocation failed */
    unsigned borrowed : 1; /* data is the caller's storage, not malloc'ed */
};

/* Starts an empty buffer. */
void ut_strbuf_init(struct ut_strbuf *sb);

/* Starts an empty buffer that writes into the caller's `storage` (`cap`
 * bytes, cap > 0, for example an array on the stack) and moves to the heap
 * only when a string outgrows it: short renderings then cost no
 * allocation. The storage must outlive the buffer's use; ut_strbuf_free()
 * empties the buffer and keeps the storage. */
void ut_strbuf_init_with(struct ut_strbuf *sb, char *storage, size_t cap);

/* Appends data[0..len) (may contain NUL bytes). */
void ut_strbuf_append(struct ut_strbuf *sb, const void *data, size_t len);

/* Appends a NUL-terminated string. */
void ut_strbuf_puts(struct ut_strbuf *sb, const char *s);

/* Appends one byte. */
void ut_strbuf_putc(struct ut_strbuf *sb, char c);

/* Appends `v` in decimal, padded on the left with `pad` to at least
 * `width` characters (printf's "%*llu", or "%0*llu" with pad '0'). */
void ut_strbuf_put_decimal(struct ut_strbuf *sb, unsigned long long v,
                           size_t width,
                           char pad);

/* Appends `v` in upper-case hexadecimal, zero-padded to at least `width`
 * digits (printf's "%0*llX"). */
void ut_strbuf_put_hex(struct ut_strbuf *sb, unsigned long long v,
                       size_t width);

/* Appends printf-formatted text. */
void ut_strbuf_printf(struct ut_strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Hands the string to the caller: *out (malloc'ed, NUL-terminated, "" if
 * nothing was appended) and *len (may be NULL). The buffer is left empty.
 * Returns UNITLS_OK, or UNITLS_E_NOMEM (then *out is NULL and the buffer
 * freed). */
int ut_strbuf_finish(struct ut_strbuf *sb, char **out, size_t *len);

/* Frees the buffer's storage (not borrowed storage) and leaves it empty. */
void ut_strbuf_free(struct ut_strbuf *sb);

#endif
