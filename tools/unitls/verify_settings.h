/* The options of `unitls verify`: checked (usage errors) and applied to the
 * context that verifies. */
#ifndef UNITLS_CLI_VERIFY_SETTINGS_H
#define UNITLS_CLI_VERIFY_SETTINGS_H

#include <stddef.h>
#include <stdint.h>

#include <unitls/unitls.h>

#include "args.h"

/* How many times --ca, --untrusted and --crl may each be given. */
#define VERIFY_MAX_FILES 16

/* The options as given (strings borrowed from argv) and, once checked, what
 * they mean. */
struct verify_settings {
    const char *ca[VERIFY_MAX_FILES];        /* --ca, in order */
    const char *untrusted[VERIFY_MAX_FILES]; /* --untrusted */
    const char *crl[VERIFY_MAX_FILES];       /* --crl */
    size_t ca_count, untrusted_count, crl_count;
    const char *crl_check; /* --crl-check leaf|chain */
    const char *host;      /* --host NAME */
    const char *ip;        /* --ip ADDR */
    const char *at;        /* --at TIME */
    const char *purpose;   /* --purpose server|client */
    const char *depth;     /* --depth N */
    int partial_chain;     /* --partial-chain */
    int json;              /* --json */
    const char *cert;      /* CERT */

    /* Set by verify_settings_check(). */
    unitls_crl_check crl_mode;     /* UNITLS_CRL_NONE: leave it off */
    int64_t time;                  /* UNITLS_VERIFY_TIME_NOW: no --at */
    unitls_verify_purpose purpose_value; /* DEFAULT: no --purpose client */
    int depth_value;               /* -1: no --depth */
    const char *name;              /* --host or --ip, or NULL */
};

/* Checks what parsing cannot: exactly one kind of name, an IP literal for
 * --ip and none for --host, TIME, the purpose, the depth, the CRL mode, at
 * least one --ca; fills in the meanings. Returns ARGS_RUN or EXIT_USAGE
 * (reported with the usage of `spec`). */
int verify_settings_check(const struct cli_spec *spec,
                          struct verify_settings *settings);

/* Applies the checked settings to `ctx`: trust anchors, untrusted
 * intermediates, CRLs and CRL mode, depth, time, purpose, partial chains.
 * Returns 0, or -1 after reporting the library's error under `command`
 * (a file that cannot be loaded, an option the provider does not support). */
int verify_settings_apply(const char *command, unitls_ctx *ctx,
                          const struct verify_settings *settings);

#endif
