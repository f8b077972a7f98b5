/* unitls verify: offline chain verification, with the engine and the
 * settings a handshake of a client context would use. Exit 0 means valid and
 * 1 not valid, nothing else: every other failure (usage, a file that cannot
 * be read, an option the provider does not support) exits 2, so that a
 * script can trust a 1. */
#include <stdlib.h>
#include <string.h>

#include <unitls/unitls.h>

#include "args.h"
#include "cert_chain.h"
#include "commands.h"
#include "output.h"
#include "report.h"
#include "tls_settings.h"
#include "verify_output.h"
#include "verify_settings.h"

#define COMMAND "verify"

/* The exit codes of this command. */
enum {
    VERIFY_VALID = EXIT_OK,
    VERIFY_NOT_VALID = EXIT_FAILED,
    VERIFY_ERROR = EXIT_USAGE
};

static int load_chain(const char *path, struct cert_chain *chain)
{
    int error_number = 0;
    int status = cert_chain_load(path, chain, &error_number);
    if (status == UNITLS_OK)
        return 0;
    const char *detail = NULL;
    if (error_number != 0)
        detail = strerror(error_number);
    else if (status == UNITLS_E_PARSE)
        detail = "not a certificate chain (PEM) or a certificate (DER)";
    report_status(COMMAND, path, status, detail);
    return -1;
}

/* Prints the result; returns the exit code. */
static int print_result(const struct verify_settings *settings,
                        const unitls_verify_result *result)
{
    if (settings->json) {
        char *json = NULL;
        size_t len = 0;
        if (verify_render_json(result, &json, &len) != 0) {
            report_status(COMMAND, "render JSON", UNITLS_E_NOMEM, NULL);
            return VERIFY_ERROR;
        }
        output_text(json, len);
        free(json);
    } else {
        verify_print_text(stdout, result);
    }
    if (output_finish(COMMAND) != EXIT_OK)
        return VERIFY_ERROR;
    return unitls_verify_result_valid(result) ? VERIFY_VALID
                                              : VERIFY_NOT_VALID;
}

/* What a failed unitls_verify_chain() is about, for the report: the name
 * when the library refused it, else CERT. */
static const char *failure_subject(const struct verify_settings *settings,
                                   int status)
{
    if (status == UNITLS_E_INVALID_ARG && settings->name != NULL)
        return settings->name;
    return settings->cert;
}

static int verify_with(unitls_ctx *ctx, const struct verify_settings *settings,
                       const struct cert_chain *chain)
{
    if (verify_settings_apply(COMMAND, ctx, settings) != 0)
        return VERIFY_ERROR;
    unitls_verify_result *result = NULL;
    int status = unitls_verify_chain(ctx, cert_chain_items(chain),
                                     chain->count, settings->name, &result);
    if (status != UNITLS_OK && status != UNITLS_E_VERIFY) {
        report_ctx_failure(COMMAND, failure_subject(settings, status),
                           status, ctx);
        return VERIFY_ERROR;
    }
    int code = print_result(settings, result);
    unitls_verify_result_free(result);
    return code;
}

static int run(const struct verify_settings *settings)
{
    struct cert_chain chain;
    if (load_chain(settings->cert, &chain) != 0)
        return VERIFY_ERROR;
    int code = VERIFY_ERROR;
    unitls_ctx *ctx = tls_new_context(COMMAND, UNITLS_ROLE_CLIENT);
    if (ctx != NULL)
        code = verify_with(ctx, settings, &chain);
    unitls_ctx_free(ctx);
    cert_chain_free(&chain);
    return code;
}

int cmd_verify(int argc, char **argv)
{
    struct verify_settings s = {0};
    const struct cli_option option_table[] = {
        {"--ca", "FILE", "trust anchors (PEM or DER); repeatable", NULL, NULL},
        {"--untrusted", "FILE", "untrusted intermediates; repeatable", NULL,
         NULL},
        {"--crl", "FILE", "CRLs (PEM or DER); repeatable; implies "
                          "--crl-check leaf", NULL, NULL},
        {"--crl-check", "WHICH", "check revocation of the leaf or the chain",
         &s.crl_check, NULL},
        {"--host", "NAME", "check the certificate against DNS name NAME",
         &s.host, NULL},
        {"--ip", "ADDR", "check it against IPv4 or IPv6 address ADDR", &s.ip,
         NULL},
        {"--at", "TIME", "verify at TIME (RFC 3339 or seconds since epoch)",
         &s.at, NULL},
        {"--purpose", "USE", "server (the default) or client authentication",
         &s.purpose, NULL},
        {"--depth", "N", "at most N intermediates (default and maximum 7)",
         &s.depth, NULL},
        {"--partial-chain", NULL, "accept a chain ending at any --ca "
                                  "certificate", NULL, &s.partial_chain},
        {"--json", NULL, "print the verdict and errors as one JSON line", NULL,
         &s.json},
    };
    struct cli_list lists[] = {
        {"--ca", s.ca, VERIFY_MAX_FILES, 0},
        {"--untrusted", s.untrusted, VERIFY_MAX_FILES, 0},
        {"--crl", s.crl, VERIFY_MAX_FILES, 0},
    };
    const struct cli_spec spec = {
        .command = COMMAND,
        .arguments = "CERT",
        .description =
            "Verify the chain in CERT (a PEM file: the leaf, then the "
            "intermediates a peer\nwould send; or one DER certificate) "
            "offline, as a client's handshake would.\nPrints \"valid\" or "
            "\"not valid\" and one line per error. Exits 0 when valid,\n"
            "1 when not valid, 2 for anything else.\n",
        .options = option_table,
        .option_count = sizeof(option_table) / sizeof(option_table[0]),
        .min_positional = 1,
        .max_positional = 1,
        .lists = lists,
        .list_count = sizeof(lists) / sizeof(lists[0]),
    };
    size_t count;
    int parsed = args_parse(&spec, argc, argv, &s.cert, &count);
    if (parsed != ARGS_RUN)
        return parsed;
    s.ca_count = lists[0].count;
    s.untrusted_count = lists[1].count;
    s.crl_count = lists[2].count;
    parsed = verify_settings_check(&spec, &s);
    if (parsed != ARGS_RUN)
        return parsed;
    return run(&s);
}
