#include "ocsp_settings.h"

#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "file_io.h"
#include "report.h"

enum { OCSP_RESPONSE_MAX = 1 << 20 };

int ocsp_staple_file(const char *command, unitls_ctx *ctx, const char *path)
{
    if (path == NULL)
        return EXIT_OK;
    unsigned char *der = NULL;
    size_t len = 0;
    char what[512];
    snprintf(what, sizeof(what), "--ocsp-response %s", path);
    int err = file_read_all(path, OCSP_RESPONSE_MAX, &der, &len);
    if (err != 0) {
        report_status(command, what, UNITLS_E_FILE, strerror(err));
        return EXIT_FAILED;
    }
    int status = unitls_ctx_set_ocsp_response(ctx, der, len);
    free(der);
    if (status == UNITLS_OK)
        return EXIT_OK;
    report_ctx_failure(command, what, status, ctx);
    return EXIT_FAILED;
}

int ocsp_request(const char *command, unitls_ctx *ctx, int on)
{
    if (!on)
        return EXIT_OK;
    int status = unitls_ctx_set_ocsp_stapling(ctx, UNITLS_OCSP_REQUEST);
    if (status == UNITLS_OK)
        return EXIT_OK;
    report_ctx_failure(command, "--ocsp", status, ctx);
    return EXIT_FAILED;
}

void ocsp_print(FILE *out, const unitls_conn *conn)
{
    const unsigned char *der = NULL;
    size_t len = 0;
    if (unitls_conn_ocsp_response(conn, &der, &len) == UNITLS_OK && len > 0)
        fprintf(out, "ocsp: %zu bytes stapled (not validated)\n", len);
    else
        fputs("ocsp: (none stapled)\n", out);
}
