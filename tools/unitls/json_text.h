/* JSON strings: text written as a quoted, escaped JSON string. */
#ifndef UNITLS_CLI_JSON_TEXT_H
#define UNITLS_CLI_JSON_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Writes `len` bytes of UTF-8 `text` to `out` as a JSON string, quotes
 * included, the way Python's json.dumps() does (and so the way the library's
 * getpeercert() JSON does): ASCII only, '"' '\\' and control characters
 * escaped, every other character as \uXXXX (a surrogate pair above U+FFFF).
 * A byte that is not part of well-formed UTF-8 is taken as the character of
 * the same number (U+0080 to U+00FF), as the library does. */
void json_print_string(FILE *out, const char *text, size_t len);

#endif
