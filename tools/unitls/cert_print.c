/* Printing certificates to stdout, as PEM or as getpeercert() JSON. */
#include "cert_print.h"

#include <stdio.h>

#include "commands.h"
#include "output.h"
#include "report.h"

typedef int (*render_fn)(const unitls_cert *cert, char **text, size_t *len);

/* Renders one certificate and writes it to stdout (buffered). */
static int print_one(const char *command, const unitls_cert *cert,
                     render_fn render, const char *what)
{
    char *text = NULL;
    size_t len = 0;
    int status = render(cert, &text, &len);
    if (status != UNITLS_OK) {
        report_status(command, what, status, NULL);
        return EXIT_FAILED;
    }
    output_text(text, len);
    unitls_free(text);
    return EXIT_OK;
}

int cert_print_pem(const char *command, const unitls_cert *const *certs,
                   size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (print_one(command, certs[i], unitls_cert_to_pem, "render PEM") !=
            EXIT_OK)
            return EXIT_FAILED;
    return output_finish(command);
}

int cert_print_json(const char *command, const unitls_cert *const *certs,
                    size_t count, int as_array)
{
    if (as_array)
        output_text("[", 1);
    for (size_t i = 0; i < count; i++) {
        if (i > 0)
            output_text(", ", 2);
        if (print_one(command, certs[i], unitls_cert_to_json,
                      "render JSON") != EXIT_OK)
            return EXIT_FAILED;
    }
    output_text(as_array ? "]\n" : "\n", as_array ? 2 : 1);
    return output_finish(command);
}
