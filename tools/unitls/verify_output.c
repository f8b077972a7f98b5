/* The outcome of `unitls verify`: as text, or as one JSON line. */
#include "verify_output.h"

#include <stdlib.h>
#include <string.h>

#include "dn.h"
#include "json_text.h"

void verify_print_text(FILE *out, const unitls_verify_result *result)
{
    fputs(unitls_verify_result_valid(result) ? "valid\n" : "not valid\n", out);
    size_t count = unitls_verify_result_error_count(result);
    for (size_t i = 0; i < count; i++) {
        int depth = -1;
        const unitls_cert *cert = NULL;
        unitls_verify_error error =
            unitls_verify_result_error(result, i, &depth, &cert);
        fputs(unitls_verify_error_name(error), out);
        if (depth >= 0)
            fprintf(out, " at depth %d", depth);
        if (cert != NULL) {
            fputs(": ", out);
            dn_print(out, cert, UNITLS_CERT_SUBJECT);
        }
        fputc('\n', out);
    }
}

/* Writes the subject of `cert` (NULL: "") to `out` as a JSON string.
 * dn_print() writes to a stream, so the name is first rendered into memory
 * and then escaped. Returns 0, or -1 when memory ran out. */
static int print_json_subject(FILE *out, const unitls_cert *cert)
{
    if (cert == NULL) {
        json_print_string(out, "", 0);
        return 0;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *buffer = open_memstream(&text, &len);
    if (buffer == NULL)
        return -1;
    dn_print(buffer, cert, UNITLS_CERT_SUBJECT);
    int failed = ferror(buffer);
    if (fclose(buffer) != 0 || failed) {
        free(text);
        return -1;
    }
    json_print_string(out, text, len);
    free(text);
    return 0;
}

static int print_json_error(FILE *out, const unitls_verify_result *result,
                            size_t index)
{
    int depth = -1;
    const unitls_cert *cert = NULL;
    unitls_verify_error error =
        unitls_verify_result_error(result, index, &depth, &cert);
    const char *name = unitls_verify_error_name(error);
    fputs("{\"error\": ", out);
    json_print_string(out, name, strlen(name));
    fprintf(out, ", \"depth\": %d, \"subject\": ", depth < 0 ? -1 : depth);
    if (print_json_subject(out, cert) != 0)
        return -1;
    fputc('}', out);
    return 0;
}

static int print_json(FILE *out, const unitls_verify_result *result)
{
    fprintf(out, "{\"valid\": %s, \"errors\": [",
            unitls_verify_result_valid(result) ? "true" : "false");
    size_t count = unitls_verify_result_error_count(result);
    for (size_t i = 0; i < count; i++) {
        if (i > 0)
            fputs(", ", out);
        if (print_json_error(out, result, i) != 0)
            return -1;
    }
    fputs("]}\n", out);
    return 0;
}

int verify_render_json(const unitls_verify_result *result, char **json,
                       size_t *len)
{
    *json = NULL;
    *len = 0;
    char *text = NULL;
    size_t text_len = 0;
    FILE *buffer = open_memstream(&text, &text_len);
    if (buffer == NULL)
        return -1;
    int failed = print_json(buffer, result) != 0 || ferror(buffer);
    if (fclose(buffer) != 0 || failed) {
        free(text);
        return -1;
    }
    *json = text;
    *len = text_len;
    return 0;
}
