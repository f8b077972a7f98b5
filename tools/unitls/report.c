/* Error reporting: one line per failure, on stderr. */
#include "report.h"

#include <stdarg.h>
#include <stdio.h>

/* Writes `text` with control characters (line breaks above all) replaced by
 * spaces, so that a multi-line backend message cannot split the report. */
static void put_one_line(const char *text)
{
    for (const char *c = text; *c != '\0'; c++) {
        unsigned char byte = (unsigned char)*c;
        fputc(byte < 0x20 || byte == 0x7f ? ' ' : byte, stderr);
    }
}

static int is_empty(const char *text)
{
    return text == NULL || text[0] == '\0';
}

void report_status(const char *command, const char *what, int status,
                   const char *detail)
{
    fprintf(stderr, "unitls: %s: ", command);
    if (!is_empty(what)) {
        put_one_line(what);
        fputs(": ", stderr);
    }
    fprintf(stderr, "%s (%s)", unitls_strerror(status),
            unitls_status_name(status));
    if (!is_empty(detail)) {
        fputs(": ", stderr);
        put_one_line(detail);
    }
    fputc('\n', stderr);
}

void report_error(const char *command, const char *format, ...)
{
    va_list args;
    fprintf(stderr, "unitls: %s: ", command);
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
}

void report_verify_errors(const unitls_conn *conn)
{
    size_t count = unitls_conn_verify_error_count(conn);
    for (size_t i = 0; i < count; i++) {
        int depth = -1;
        unitls_verify_error error =
            unitls_conn_verify_error(conn, i, &depth, NULL);
        fprintf(stderr, "unitls: verify error: %s",
                unitls_verify_error_name(error));
        if (depth >= 0)
            fprintf(stderr, " at depth %d", depth);
        fprintf(stderr, " (%s)\n", unitls_verify_error_string(error));
    }
}

void report_conn_failure(const char *command, const char *what, int status,
                         const unitls_conn *conn)
{
    report_status(command, what, status, unitls_conn_error(conn));
    report_verify_errors(conn);
}

void report_ctx_failure(const char *command, const char *what, int status,
                        const unitls_ctx *ctx)
{
    report_status(command, what, status, unitls_ctx_error(ctx));
}
