/* unitls serve: a TLS echo server on 127.0.0.1, one connection at a time.
 * stdout carries only "listening on 127.0.0.1:PORT"; the log goes to
 * stderr. */
#include <stdio.h>
#include <unistd.h>

#include <unitls/unitls.h>

#include "args.h"
#include "commands.h"
#include "echo_server.h"
#include "net.h"
#include "ocsp_settings.h"
#include "output.h"
#include "sni_table.h"
#include "tls_settings.h"

#define COMMAND "serve"

struct serve_options {
    struct tls_settings tls;
    const char *ocsp_response; /* --ocsp-response FILE */
    const char *port_text;
    unsigned port;
    int require_client_cert;
    int once;
    const char *sni[SNI_TABLE_MAX]; /* --sni NAME=CHAIN,KEY */
    size_t sni_count;
};

static const char serve_description[] =
    "Run a TLS echo server on 127.0.0.1. The first line on stdout is\n"
    "\"listening on 127.0.0.1:PORT\" (PORT is ephemeral unless --port is "
    "given).\nConnections are served one at a time: each is echoed until "
    "the client\ncloses. With --ca, client certificates are requested "
    "(and must verify if\nsent); --require-client-cert makes them "
    "mandatory. --once exits after the\nfirst connection: 0 if its "
    "handshake succeeded, else 1. Each --sni NAME=CHAIN,KEY\nserves that "
    "certificate to clients asking for NAME (SNI); others get --cert.\n"
    "With --psk-identity and --psk, clients that offer that identity with "
    "that\nkey are accepted (PSK; --cert is then optional).\n";

/* Checks what parsing cannot. Returns ARGS_RUN or EXIT_USAGE. */
static int check_options(const struct cli_spec *spec,
                         struct serve_options *options)
{
    int status = tls_settings_check(spec, &options->tls);
    if (status != ARGS_RUN)
        return status;
    if (options->tls.cert == NULL && options->tls.pkcs12 == NULL &&
        !psk_settings_given(&options->tls.psk))
        return args_usage_error(spec, "--cert or --pkcs12 is required (or "
                                      "--psk-identity and --psk)");
    for (size_t i = 0; i < options->sni_count; i++)
        if (!sni_spec_valid(options->sni[i]))
            return args_usage_error(spec, "--sni must be NAME=CHAIN,KEY, not "
                                          "'%s'",
                                    options->sni[i]);
    if (options->require_client_cert && options->tls.ca == NULL)
        return args_usage_error(spec, "--require-client-cert needs --ca");
    if (options->port_text != NULL &&
        net_parse_port(options->port_text, &options->port) != 0)
        return args_usage_error(spec, "--port must be 0 to 65535, not '%s'",
                                options->port_text);
    return ARGS_RUN;
}

static unitls_verify_mode client_verify_mode(const struct serve_options *o)
{
    if (o->tls.ca == NULL)
        return UNITLS_VERIFY_NONE;
    return o->require_client_cert ? UNITLS_VERIFY_REQUIRED
                                  : UNITLS_VERIFY_OPTIONAL;
}

static unitls_ctx *build_context(const struct serve_options *options,
                                 struct sni_table *sni)
{
    unitls_ctx *ctx = tls_new_context(COMMAND, UNITLS_ROLE_SERVER);
    if (ctx == NULL)
        return NULL;
    if (tls_apply_versions(COMMAND, ctx, &options->tls) != EXIT_OK ||
        sni_table_build(COMMAND, ctx, sni, options->sni, options->sni_count,
                        &options->tls) != EXIT_OK ||
        tls_apply_alpn(COMMAND, ctx, &options->tls) != EXIT_OK ||
        tls_apply_suites_and_groups(COMMAND, ctx, &options->tls) != EXIT_OK ||
        tls_apply_keylog(COMMAND, ctx, &options->tls) != EXIT_OK ||
        ocsp_staple_file(COMMAND, ctx, options->ocsp_response) != EXIT_OK ||
        psk_apply(COMMAND, ctx, &options->tls.psk) != EXIT_OK ||
        tls_load_identity(COMMAND, ctx, &options->tls) != EXIT_OK ||
        tls_load_ca(COMMAND, ctx, &options->tls) != EXIT_OK ||
        tls_set_verify_mode(COMMAND, ctx, client_verify_mode(options)) !=
            EXIT_OK) {
        unitls_ctx_free(ctx);
        return NULL;
    }
    return ctx;
}

/* Accepts and serves connections; returns only with --once or on an accept
 * failure. */
static int serve_loop(unitls_ctx *ctx, int listener, int once)
{
    for (;;) {
        char peer[NET_ADDRESS_MAX];
        int fd = net_accept(COMMAND, listener, peer, sizeof(peer));
        if (fd < 0)
            return EXIT_FAILED;
        int handshake_ok = echo_serve_connection(COMMAND, ctx, fd, peer);
        close(fd);
        if (once)
            return handshake_ok ? EXIT_OK : EXIT_FAILED;
    }
}

static int serve(const struct serve_options *options)
{
    struct sni_table sni = {0};
    unitls_ctx *ctx = build_context(options, &sni);
    if (ctx == NULL) {
        sni_table_free(&sni);
        return EXIT_FAILED;
    }
    unsigned bound_port = 0;
    int listener = net_listen_loopback(COMMAND, options->port, &bound_port);
    int code = EXIT_FAILED;
    if (listener >= 0) {
        printf("listening on 127.0.0.1:%u\n", bound_port);
        code = output_finish(COMMAND);
        if (code == EXIT_OK)
            code = serve_loop(ctx, listener, options->once);
        close(listener);
    }
    unitls_ctx_free(ctx);
    sni_table_free(&sni);
    return code;
}

int cmd_serve(int argc, char **argv)
{
    struct serve_options options = {0};
    const struct cli_option option_table[] = {
        {"--cert", "FILE", "server certificate chain (or --pkcs12, --psk)",
         &options.tls.cert, NULL},
        {"--key", "FILE", "private key (default: in --cert)",
         &options.tls.key, NULL},
        {"--pkcs12", "FILE", "certificate, chain and key from a PKCS#12 file",
         &options.tls.pkcs12, NULL},
        {"--password", "PW", "password of an encrypted --key or --pkcs12",
         &options.tls.password, NULL},
        {"--password-file", "FILE", "the same, the first line of FILE",
         &options.tls.password_file, NULL},
        {"--sni", "NAME=CHAIN,KEY", "serve CHAIN and KEY to clients asking "
                                    "for NAME (repeatable)",
         NULL, NULL},
        {"--ca", "FILE", "request client certificates; trust these CAs",
         &options.tls.ca, NULL},
        {"--require-client-cert", NULL, "reject clients without a certificate",
         NULL, &options.require_client_cert},
        {"--port", "N", "port on 127.0.0.1 (default 0: ephemeral)",
         &options.port_text, NULL},
        {"--once", NULL, "exit after the first connection", NULL,
         &options.once},
        {"--tls-min", "1.2|1.3", "lowest protocol version to accept",
         &options.tls.tls_min, NULL},
        {"--tls-max", "1.2|1.3", "highest protocol version to accept",
         &options.tls.tls_max, NULL},
        TLS_SETTINGS_PROTOCOL_OPTIONS(options.tls),
        {"--ocsp-response", "FILE",
         "staple this DER OCSP response for clients that ask",
         &options.ocsp_response, NULL},
        {"--psk-identity", "ID", "accept this PSK identity (with --psk)",
         &options.tls.psk.identity, NULL},
        {"--psk", "HEX", "its pre-shared key, 1 to 64 bytes in hex",
         &options.tls.psk.hex, NULL},
    };
    struct cli_list lists[] = {{"--sni", options.sni, SNI_TABLE_MAX, 0}};
    const struct cli_spec spec = {
        .command = COMMAND,
        .arguments = "",
        .lists = lists,
        .list_count = 1,
        .description = serve_description,
        .options = option_table,
        .option_count = sizeof(option_table) / sizeof(option_table[0]),
        .min_positional = 0,
        .max_positional = 0,
    };
    size_t count;
    int parsed = args_parse(&spec, argc, argv, NULL, &count);
    options.sni_count = lists[0].count;
    if (parsed == ARGS_RUN)
        parsed = check_options(&spec, &options);
    if (parsed != ARGS_RUN)
        return parsed;
    return serve(&options);
}
