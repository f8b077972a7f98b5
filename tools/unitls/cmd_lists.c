/* unitls ciphers, unitls groups: what the provider can be configured with,
 * one name per line. */
#include <stdio.h>

#include <unitls/unitls.h>

#include "args.h"
#include "commands.h"
#include "output.h"

static const struct cli_spec ciphers_spec = {
    .command = "ciphers",
    .arguments = "",
    .description = "Print the cipher suites this provider can be configured "
                   "with, one IANA name\nper line: the TLS 1.3 suites first, "
                   "then the TLS 1.2 ones: the names\n"
                   "unitls_ctx_set_tls13_suites() and unitls_ctx_set_ciphers() "
                   "accept.\n",
    .options = NULL,
    .option_count = 0,
    .min_positional = 0,
    .max_positional = 0,
};

static const struct cli_spec groups_spec = {
    .command = "groups",
    .arguments = "",
    .description = "Print the key-exchange groups this provider can be "
                   "configured with, one name\nper line: the names "
                   "unitls_ctx_set_groups() and --groups accept.\n",
    .options = NULL,
    .option_count = 0,
    .min_positional = 0,
    .max_positional = 0,
};

static int print_list(const struct cli_spec *spec, int argc, char **argv,
                      size_t (*count)(void), const char *(*item)(size_t))
{
    size_t positional;
    int parsed = args_parse(spec, argc, argv, NULL, &positional);
    if (parsed != ARGS_RUN)
        return parsed;
    for (size_t i = 0; i < count(); i++)
        printf("%s\n", item(i));
    return output_finish(spec->command);
}

int cmd_ciphers(int argc, char **argv)
{
    return print_list(&ciphers_spec, argc, argv, unitls_provider_cipher_count,
                      unitls_provider_cipher);
}

int cmd_groups(int argc, char **argv)
{
    return print_list(&groups_spec, argc, argv, unitls_provider_group_count,
                      unitls_provider_group);
}
