/* The TLS options several subcommands share, applied to a context. */
#include "tls_settings.h"

#include <string.h>

#include "commands.h"
#include "report.h"

/* "1.2" -> UNITLS_TLS1_2, "1.3" -> UNITLS_TLS1_3, NULL -> 0 (keep the
 * default), anything else -> -1. */
static int parse_version(const char *text)
{
    if (text == NULL)
        return 0;
    if (strcmp(text, "1.2") == 0)
        return UNITLS_TLS1_2;
    if (strcmp(text, "1.3") == 0)
        return UNITLS_TLS1_3;
    return -1;
}

int tls_settings_check(const struct cli_spec *spec,
                       const struct tls_settings *settings)
{
    int min = parse_version(settings->tls_min);
    int max = parse_version(settings->tls_max);
    if (min < 0)
        return args_usage_error(spec, "--tls-min must be 1.2 or 1.3, not '%s'",
                                settings->tls_min);
    if (max < 0)
        return args_usage_error(spec, "--tls-max must be 1.2 or 1.3, not '%s'",
                                settings->tls_max);
    if (min != 0 && max != 0 && min > max)
        return args_usage_error(spec, "--tls-min %s is above --tls-max %s",
                                settings->tls_min, settings->tls_max);
    if (settings->cert == NULL && settings->key != NULL)
        return args_usage_error(spec, "--key needs --cert");
    if (settings->cert == NULL && settings->password != NULL)
        return args_usage_error(spec, "--password needs --cert");
    return psk_settings_check(spec, &settings->psk);
}

unitls_ctx *tls_new_context(const char *command, unitls_role role)
{
    unitls_ctx *ctx = unitls_ctx_new(role);
    if (ctx == NULL)
        report_status(command, "cannot create a TLS context",
                      UNITLS_E_INTERNAL,
                      "the provider failed to initialise or memory ran out");
    return ctx;
}

int tls_apply_versions(const char *command, unitls_ctx *ctx,
                       const struct tls_settings *settings)
{
    int min = parse_version(settings->tls_min);
    int max = parse_version(settings->tls_max);
    if (min == 0 && max == 0)
        return EXIT_OK;
    int status = unitls_ctx_set_versions(ctx, min, max);
    if (status == UNITLS_OK)
        return EXIT_OK;
    report_ctx_failure(command, "--tls-min/--tls-max", status, ctx);
    return EXIT_FAILED;
}

enum { ALPN_MAX_NAMES = 16 };

int tls_apply_alpn(const char *command, unitls_ctx *ctx,
                   const struct tls_settings *settings)
{
    if (settings->alpn == NULL)
        return EXIT_OK;
    char text[1024];
    const char *names[ALPN_MAX_NAMES];
    size_t count = 0;
    snprintf(text, sizeof(text), "%s", settings->alpn);
    for (char *p = text; p != NULL && count < ALPN_MAX_NAMES;) {
        names[count++] = p;
        if ((p = strchr(p, ',')) != NULL)
            *p++ = '\0';
    }
    int status = unitls_ctx_set_alpn(ctx, names, count);
    if (status == UNITLS_OK)
        return EXIT_OK;
    report_ctx_failure(command, "--alpn", status, ctx);
    return EXIT_FAILED;
}

/* Reports a failing context call about `option` FILE; returns EXIT_FAILED. */
static int report_file_option(const char *command, const char *option,
                              const char *path, int status,
                              const unitls_ctx *ctx)
{
    char what[512];
    snprintf(what, sizeof(what), "%s %s", option, path);
    report_ctx_failure(command, what, status, ctx);
    return EXIT_FAILED;
}

int tls_load_ca(const char *command, unitls_ctx *ctx,
                const struct tls_settings *settings)
{
    if (settings->ca == NULL)
        return EXIT_OK;
    int status = unitls_ctx_load_verify_file(ctx, settings->ca);
    if (status != UNITLS_OK)
        return report_file_option(command, "--ca", settings->ca, status, ctx);
    return EXIT_OK;
}

int tls_load_identity(const char *command, unitls_ctx *ctx,
                      const struct tls_settings *settings)
{
    if (settings->cert == NULL)
        return EXIT_OK;
    int status = unitls_ctx_use_certificate_file(
        ctx, settings->cert, settings->key, settings->password);
    if (status == UNITLS_OK)
        return EXIT_OK;
    char what[1024];
    if (settings->key != NULL)
        snprintf(what, sizeof(what), "--cert %s --key %s", settings->cert,
                 settings->key);
    else
        snprintf(what, sizeof(what), "--cert %s", settings->cert);
    report_ctx_failure(command, what, status, ctx);
    return EXIT_FAILED;
}

int tls_set_verify_mode(const char *command, unitls_ctx *ctx,
                        unitls_verify_mode mode)
{
    int status = unitls_ctx_set_verify_mode(ctx, mode);
    if (status == UNITLS_OK)
        return EXIT_OK;
    report_ctx_failure(command, "set verify mode", status, ctx);
    return EXIT_FAILED;
}
