/* unitls decode: print a certificate file as text or as Python's
 * getpeercert() JSON; with --chain, every certificate of a PEM bundle. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unitls/unitls.h>

#include "args.h"
#include "cert_chain.h"
#include "cert_print.h"
#include "commands.h"
#include "file_io.h"
#include "output.h"
#include "report.h"

#define COMMAND "decode"
/* Far above any real certificate; keeps a wrong file from filling memory. */
#define MAX_CERT_FILE (1024 * 1024)
/* A bundle of every public root is well under 1 MiB; leave room. */
#define MAX_BUNDLE_FILE (16 * 1024 * 1024)

struct decode_options {
    const char *path;
    int json;
    int der;
    int chain;
};

/* Reports a failed load of `path`; `errno_value` (if not 0) says why a file
 * could not be read. Returns EXIT_FAILED. */
static int report_load_failure(const char *path, int status, int errno_value,
                               int der)
{
    const char *detail = NULL;
    if (errno_value != 0)
        detail = strerror(errno_value);
    else if (status == UNITLS_E_PARSE)
        detail = der ? "not a DER certificate"
                     : "not a certificate (neither PEM nor DER)";
    report_status(COMMAND, path, status, detail);
    return EXIT_FAILED;
}

/* The library reads files itself and says only UNITLS_E_FILE; ask the system
 * why, so the message can say "No such file or directory". */
static int why_unreadable(const char *path)
{
    errno = 0;
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        return errno != 0 ? errno : EIO;
    char probe;
    size_t got = fread(&probe, 1, 1, file);
    int error = got == 0 && ferror(file) ? errno : 0;
    fclose(file);
    return error;
}

static int load_der(const char *path, unitls_cert **cert)
{
    unsigned char *data;
    size_t len;
    int error = file_read_all(path, MAX_CERT_FILE, &data, &len);
    if (error != 0)
        return report_load_failure(path, UNITLS_E_FILE, error, 1);
    int status = unitls_cert_from_der(data, len, cert);
    free(data);
    if (status != UNITLS_OK)
        return report_load_failure(path, status, 0, 1);
    return EXIT_OK;
}

static int load_any(const char *path, unitls_cert **cert)
{
    int status = unitls_cert_load_file(path, cert);
    if (status == UNITLS_E_FILE)
        return report_load_failure(path, status, why_unreadable(path), 0);
    if (status != UNITLS_OK)
        return report_load_failure(path, status, 0, 0);
    return EXIT_OK;
}

static int print_cert(const unitls_cert *cert, int json)
{
    char *rendering = NULL;
    size_t len = 0;
    int status = json ? unitls_cert_to_json(cert, &rendering, &len)
                      : unitls_cert_to_text(cert, &rendering, &len);
    if (status != UNITLS_OK) {
        report_status(COMMAND, json ? "render JSON" : "render text", status,
                      NULL);
        return EXIT_FAILED;
    }
    output_line(rendering, len);
    unitls_free(rendering);
    return output_finish(COMMAND);
}

/* Prints the certificates: texts separated by an empty line, or one JSON
 * array. */
static int print_all(const unitls_cert *const *certs, size_t count, int json)
{
    if (json)
        return cert_print_json(COMMAND, certs, count, 1);
    for (size_t i = 0; i < count; i++) {
        char *text = NULL;
        size_t len = 0;
        int status = unitls_cert_to_text(certs[i], &text, &len);
        if (status != UNITLS_OK) {
            report_status(COMMAND, "render text", status, NULL);
            return EXIT_FAILED;
        }
        if (i > 0)
            output_text("\n", 1);
        output_line(text, len);
        unitls_free(text);
    }
    return output_finish(COMMAND);
}

/* --chain: every certificate of a PEM file, in order (a DER file holds
 * just one). */
static int decode_chain(const struct decode_options *options)
{
    unsigned char *data;
    size_t len;
    int error = file_read_all(options->path, MAX_BUNDLE_FILE, &data, &len);
    if (error != 0)
        return report_load_failure(options->path, UNITLS_E_FILE, error,
                                   options->der);
    int pem = !options->der && looks_like_pem(data, len);
    unitls_cert **list = NULL, *single = NULL;
    size_t count = 0;
    int status = pem ? unitls_cert_list_from_pem(data, len, &list, &count)
                     : unitls_cert_from_der(data, len, &single);
    free(data);
    if (status != UNITLS_OK)
        return report_load_failure(options->path, status, 0, !pem);
    int code = pem ? print_all((const unitls_cert *const *)list, count,
                               options->json)
                   : print_all((const unitls_cert *const *)&single, 1,
                               options->json);
    unitls_cert_list_free(list, count);
    unitls_cert_free(single);
    return code;
}

int cmd_decode(int argc, char **argv)
{
    struct decode_options options = {0};
    const struct cli_option option_table[] = {
        {"--json", NULL, "print Python's getpeercert() dict as JSON", NULL,
         &options.json},
        {"--der", NULL, "the file is DER (default: detect PEM or DER)", NULL,
         &options.der},
        {"--chain", NULL, "every certificate of a PEM bundle (--json: an array)",
         NULL, &options.chain},
    };
    const struct cli_spec spec = {
        .command = COMMAND,
        .arguments = "FILE",
        .description = "Decode the first certificate in FILE (with --chain, "
                       "every one) and print it as\ntext, or with --json as "
                       "Python's getpeercert() dict. Exits 1 if FILE is\n"
                       "not a certificate.\n",
        .options = option_table,
        .option_count = sizeof(option_table) / sizeof(option_table[0]),
        .min_positional = 1,
        .max_positional = 1,
    };
    size_t count;
    int parsed = args_parse(&spec, argc, argv, &options.path, &count);
    if (parsed != ARGS_RUN)
        return parsed;
    if (options.chain)
        return decode_chain(&options);
    unitls_cert *cert = NULL;
    int code = options.der ? load_der(options.path, &cert)
                           : load_any(options.path, &cert);
    if (code == EXIT_OK)
        code = print_cert(cert, options.json);
    unitls_cert_free(cert);
    return code;
}
