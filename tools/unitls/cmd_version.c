/* unitls version: the library, its provider and the backend's own version. */
#include <stdio.h>

#include <unitls/unitls.h>

#include "args.h"
#include "commands.h"
#include "output.h"

static const struct cli_spec version_spec = {
    .command = "version",
    .arguments = "",
    .description = "Print the unitls library version, the provider it was "
                   "built with,\nthe backend's version and the provider's "
                   "optional features.\n",
    .options = NULL,
    .option_count = 0,
    .min_positional = 0,
    .max_positional = 0,
};

static void print_capabilities(void)
{
    static const struct {
        uint32_t bit;
        const char *name;
    } caps[] = {
        {UNITLS_CAP_TLS13, "tls1.3"},
        {UNITLS_CAP_TRUST_DIR, "trust-dir"},
        {UNITLS_CAP_SYSTEM_TRUST, "system-trust"},
        {UNITLS_CAP_TLS13_SUITES, "tls1.3-suites"},
        {UNITLS_CAP_CRL, "crl"},
        {UNITLS_CAP_VERIFY_TIME, "verify-time"},
        {UNITLS_CAP_PARTIAL_CHAIN, "partial-chain"},
        {UNITLS_CAP_UNTRUSTED, "untrusted"},
        {UNITLS_CAP_VERIFY_PURPOSE, "verify-purpose"},
        {UNITLS_CAP_SNI_SWITCH, "sni-switch"},
        {UNITLS_CAP_KEYLOG, "keylog"},
        {UNITLS_CAP_OCSP_STAPLE, "ocsp-staple"},
        {UNITLS_CAP_OCSP_CLIENT, "ocsp-client"},
        {UNITLS_CAP_PSK, "psk"},
        {UNITLS_CAP_PSK_TLS13, "psk-tls1.3"},
    };
    printf("features:");
    for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++)
        if (unitls_provider_has(caps[i].bit))
            printf(" %s", caps[i].name);
    printf("\n");
}

int cmd_version(int argc, char **argv)
{
    size_t count;
    int parsed = args_parse(&version_spec, argc, argv, NULL, &count);
    if (parsed != ARGS_RUN)
        return parsed;
    printf("unitls %s\n", unitls_version());
    printf("provider: %s\n", unitls_provider_name());
    printf("backend: %s\n", unitls_provider_version());
    print_capabilities();
    return output_finish(version_spec.command);
}
