/* The outcome of `unitls verify`: as text, or as one JSON line. */
#ifndef UNITLS_CLI_VERIFY_OUTPUT_H
#define UNITLS_CLI_VERIFY_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include <unitls/unitls.h>

/* Prints "valid" or "not valid", then one line per error in the library's
 * order: "<name> at depth N: <subject>" (" at depth N" left out for an error
 * tied to no certificate, ": <subject>" when there is no certificate). */
void verify_print_text(FILE *out, const unitls_verify_result *result);

/* Renders {"valid": true|false, "errors": [{"error": "<name>", "depth": N,
 * "subject": "<subject>"}, ...]} and "\n" into a new buffer *json of *len
 * bytes (NUL-terminated; free it with free()): depth -1 and subject "" for
 * an error tied to no certificate. Subjects are rendered as in the text (see
 * dn.h), then JSON-escaped. Returns 0, or -1 when memory ran out (*json is
 * then NULL). */
int verify_render_json(const unitls_verify_result *result, char **json,
                       size_t *len);

#endif
