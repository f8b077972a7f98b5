/* Base64 (RFC 4648, standard alphabet, with padding), as PEM uses it. */
#ifndef UT_BASE64_H
#define UT_BASE64_H

#include <stddef.h>

#include "strbuf.h"

/* Appends the base64 encoding of data[0..len) to `out`, with a "\n" after
 * every `line_width` characters and after the last line (line_width 0: one
 * line, no newline). */
void ut_base64_encode(const unsigned char *data, size_t len,
                      size_t line_width, struct ut_strbuf *out);

/* Decodes base64 text[0..len). Spaces, tabs, CR and LF are ignored; anything
 * else outside the alphabet, misplaced '=' padding, or a character count
 * that is not a multiple of four is an error. On success *out is malloc'ed
 * (never NULL, even when *out_len is 0). Returns UNITLS_OK, UNITLS_E_PARSE
 * or UNITLS_E_NOMEM. */
int ut_base64_decode(const char *text, size_t len, unsigned char **out,
                     size_t *out_len);

#endif
