/* JSON string literals exactly as Python's json.dumps() writes them with
 * its defaults (ensure_ascii=True), and the UTF-8 primitives they need. */
#ifndef UT_JSON_H
#define UT_JSON_H

#include <stddef.h>

#include "strbuf.h"

/* Appends s[0..len), read as UTF-8, as a JSON string literal with its
 * quotes: '"' and '\' escaped with a backslash; \n \r \t \b \f; other
 * characters below 0x20 and all from 0x7f up as \uXXXX (lower-case hex),
 * characters above U+FFFF as a surrogate pair. A byte that does not start a
 * valid UTF-8 sequence (Python could not have decoded it) is written as the
 * Latin-1 character of that byte, \u00XX. */
void ut_json_append_string(struct ut_strbuf *sb, const char *s, size_t len);

/* Decodes one UTF-8 sequence at s[0..len) (len > 0): shortest form, no
 * surrogates, at most U+10FFFF. Returns its length (1-4) and sets *cp, or
 * returns 0 if s does not start with a valid sequence. */
size_t ut_utf8_decode(const unsigned char *s, size_t len, unsigned long *cp);

/* Encodes code point cp (at most U+10FFFF) as UTF-8 into out; returns the
 * number of bytes (1-4). */
size_t ut_utf8_encode(unsigned long cp, unsigned char out[4]);

#endif
