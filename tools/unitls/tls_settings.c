/* The TLS options several subcommands share, applied to a context. */
#include "tls_settings.h"

#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "file_io.h"
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
    if (settings->cert != NULL && settings->pkcs12 != NULL)
        return args_usage_error(spec, "--cert and --pkcs12 exclude each other");
    int identity = settings->cert != NULL || settings->pkcs12 != NULL;
    if (!identity && settings->password != NULL)
        return args_usage_error(spec, "--password needs --cert or --pkcs12");
    if (!identity && settings->password_file != NULL)
        return args_usage_error(spec,
                                "--password-file needs --cert or --pkcs12");
    if (settings->password != NULL && settings->password_file != NULL)
        return args_usage_error(spec, "--password and --password-file "
                                      "exclude each other");
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

int tls_apply_keylog(const char *command, unitls_ctx *ctx,
                     const struct tls_settings *settings)
{
    if (settings->keylog == NULL)
        return EXIT_OK;
    int status = unitls_ctx_set_keylog_file(ctx, settings->keylog);
    if (status == UNITLS_OK)
        return EXIT_OK;
    report_ctx_failure(command, "--keylog", status, ctx);
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

/* The password callback of --password-file: the file's first line. */
static int password_from_file(void *user, char *buf, size_t size)
{
    enum { PASSWORD_FILE_MAX = 4096 };
    unsigned char *data = NULL;
    size_t len = 0;
    if (file_read_all(user, PASSWORD_FILE_MAX, &data, &len) != 0)
        return -1;
    size_t n = 0;
    while (n < len && data[n] != '\n' && data[n] != '\r')
        n++;
    int result = n <= size ? (int)n : -1;
    if (result >= 0)
        memcpy(buf, data, n);
    memset(data, 0, len); /* a test tool; the library wipes its own copy */
    free(data);
    return result;
}

void tls_apply_password_file(unitls_ctx *ctx,
                             const struct tls_settings *settings)
{
    if (settings->password_file != NULL)
        unitls_ctx_set_password_callback(ctx, password_from_file,
                                         (void *)settings->password_file);
}

int tls_load_identity(const char *command, unitls_ctx *ctx,
                      const struct tls_settings *settings)
{
    tls_apply_password_file(ctx, settings);
    if (settings->pkcs12 != NULL) {
        int status = unitls_ctx_use_pkcs12_file(ctx, settings->pkcs12,
                                                settings->password);
        if (status == UNITLS_OK)
            return EXIT_OK;
        return report_file_option(command, "--pkcs12", settings->pkcs12,
                                  status, ctx);
    }
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
