/* unitls ciphers: the cipher suites the provider can be configured with. */
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

int cmd_ciphers(int argc, char **argv)
{
    size_t count;
    int parsed = args_parse(&ciphers_spec, argc, argv, NULL, &count);
    if (parsed != ARGS_RUN)
        return parsed;
    for (size_t i = 0; i < unitls_provider_cipher_count(); i++)
        printf("%s\n", unitls_provider_cipher(i));
    return output_finish(ciphers_spec.command);
}
