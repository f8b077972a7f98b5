/* The options of `unitls verify`: checked and applied to the context. */
#include "verify_settings.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "report.h"
#include "time_arg.h"

static int is_ip_literal(const char *text)
{
    unsigned char address[16];
    return inet_pton(AF_INET, text, address) == 1 ||
           inet_pton(AF_INET6, text, address) == 1;
}

/* --host NAME or --ip ADDR (not both); NULL when neither is given. */
static int check_name(const struct cli_spec *spec,
                      struct verify_settings *settings)
{
    if (settings->host != NULL && settings->ip != NULL)
        return args_usage_error(spec, "--host and --ip do not go together");
    if (settings->ip != NULL && !is_ip_literal(settings->ip))
        return args_usage_error(spec, "--ip '%s' is not an IPv4 or IPv6 "
                                      "address", settings->ip);
    if (settings->host != NULL && is_ip_literal(settings->host))
        return args_usage_error(spec, "--host '%s' is an IP address; use "
                                      "--ip", settings->host);
    settings->name = settings->host != NULL ? settings->host : settings->ip;
    return ARGS_RUN;
}

/* --crl-check leaf|chain; --crl alone means leaf. */
static int check_crl_mode(const struct cli_spec *spec,
                          struct verify_settings *settings)
{
    const char *mode = settings->crl_check;
    if (mode == NULL)
        settings->crl_mode =
            settings->crl_count > 0 ? UNITLS_CRL_LEAF : UNITLS_CRL_NONE;
    else if (strcmp(mode, "leaf") == 0)
        settings->crl_mode = UNITLS_CRL_LEAF;
    else if (strcmp(mode, "chain") == 0)
        settings->crl_mode = UNITLS_CRL_CHAIN;
    else
        return args_usage_error(spec, "--crl-check must be leaf or chain, "
                                      "not '%s'", mode);
    return ARGS_RUN;
}

/* --purpose server (the default of a client context: nothing to set) or
 * client. */
static int check_purpose(const struct cli_spec *spec,
                         struct verify_settings *settings)
{
    const char *purpose = settings->purpose;
    settings->purpose_value = UNITLS_PURPOSE_DEFAULT;
    if (purpose == NULL || strcmp(purpose, "server") == 0)
        return ARGS_RUN;
    if (strcmp(purpose, "client") == 0) {
        settings->purpose_value = UNITLS_PURPOSE_CLIENT;
        return ARGS_RUN;
    }
    return args_usage_error(spec, "--purpose must be server or client, not "
                                  "'%s'", purpose);
}

/* "0" to UNITLS_VERIFY_DEPTH_MAX, digits only; -1 for anything else. */
static int parse_depth(const char *text)
{
    size_t len = strlen(text);
    if (len == 0 || len > 3)
        return -1;
    int value = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value <= UNITLS_VERIFY_DEPTH_MAX ? value : -1;
}

static int check_depth(const struct cli_spec *spec,
                       struct verify_settings *settings)
{
    settings->depth_value = -1;
    if (settings->depth == NULL)
        return ARGS_RUN;
    settings->depth_value = parse_depth(settings->depth);
    if (settings->depth_value < 0)
        return args_usage_error(spec, "--depth must be a number from 0 to "
                                      "%d, not '%s'",
                                UNITLS_VERIFY_DEPTH_MAX, settings->depth);
    return ARGS_RUN;
}

static int check_time(const struct cli_spec *spec,
                      struct verify_settings *settings)
{
    settings->time = UNITLS_VERIFY_TIME_NOW;
    if (settings->at == NULL || time_arg_parse(settings->at,
                                               &settings->time) == 0)
        return ARGS_RUN;
    return args_usage_error(spec, "--at '%s' is neither an RFC 3339 time "
                                  "(2030-01-02T03:04:05Z) nor seconds since "
                                  "the epoch", settings->at);
}

int verify_settings_check(const struct cli_spec *spec,
                          struct verify_settings *settings)
{
    if (settings->ca_count == 0)
        return args_usage_error(spec, "--ca FILE is required: the trust "
                                      "anchors");
    int status = check_name(spec, settings);
    if (status == ARGS_RUN)
        status = check_crl_mode(spec, settings);
    if (status == ARGS_RUN)
        status = check_purpose(spec, settings);
    if (status == ARGS_RUN)
        status = check_depth(spec, settings);
    if (status == ARGS_RUN)
        status = check_time(spec, settings);
    return status;
}

typedef int (*load_fn)(unitls_ctx *ctx, const char *path);

/* Loads each file of an option; reports the first failure. */
static int load_files(const char *command, unitls_ctx *ctx,
                      const char *option, const char *const *paths,
                      size_t count, load_fn load)
{
    for (size_t i = 0; i < count; i++) {
        int status = load(ctx, paths[i]);
        if (status != UNITLS_OK) {
            char what[512];
            snprintf(what, sizeof(what), "%s %s", option, paths[i]);
            report_ctx_failure(command, what, status, ctx);
            return -1;
        }
    }
    return 0;
}

/* Reports a failed setter named by `option`, if `status` is a failure. */
static int check_set(const char *command, const unitls_ctx *ctx,
                     const char *option, int status)
{
    if (status == UNITLS_OK)
        return 0;
    report_ctx_failure(command, option, status, ctx);
    return -1;
}

static int apply_files(const char *command, unitls_ctx *ctx,
                       const struct verify_settings *s)
{
    if (load_files(command, ctx, "--ca", s->ca, s->ca_count,
                   unitls_ctx_load_verify_file) != 0 ||
        load_files(command, ctx, "--untrusted", s->untrusted,
                   s->untrusted_count, unitls_ctx_load_untrusted_file) != 0 ||
        load_files(command, ctx, "--crl", s->crl, s->crl_count,
                   unitls_ctx_load_crl_file) != 0)
        return -1;
    return 0;
}

/* Each setter runs only for an option that was given, so that an option the
 * provider lacks fails only when it is asked for. */
static int apply_switches(const char *command, unitls_ctx *ctx,
                          const struct verify_settings *s)
{
    if (s->crl_mode != UNITLS_CRL_NONE &&
        check_set(command, ctx, "--crl-check",
                  unitls_ctx_set_crl_check(ctx, s->crl_mode)) != 0)
        return -1;
    if (s->depth_value >= 0 &&
        check_set(command, ctx, "--depth",
                  unitls_ctx_set_verify_depth(ctx, s->depth_value)) != 0)
        return -1;
    if (s->time != UNITLS_VERIFY_TIME_NOW &&
        check_set(command, ctx, "--at",
                  unitls_ctx_set_verify_time(ctx, s->time)) != 0)
        return -1;
    if (s->purpose_value != UNITLS_PURPOSE_DEFAULT &&
        check_set(command, ctx, "--purpose",
                  unitls_ctx_set_verify_purpose(ctx, s->purpose_value)) != 0)
        return -1;
    if (s->partial_chain &&
        check_set(command, ctx, "--partial-chain",
                  unitls_ctx_set_partial_chain(ctx, 1)) != 0)
        return -1;
    return 0;
}

int verify_settings_apply(const char *command, unitls_ctx *ctx,
                          const struct verify_settings *settings)
{
    if (apply_files(command, ctx, settings) != 0)
        return -1;
    return apply_switches(command, ctx, settings);
}
