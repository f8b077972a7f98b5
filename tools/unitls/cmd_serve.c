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
#include "output.h"
#include "tls_settings.h"

#define COMMAND "serve"

struct serve_options {
    struct tls_settings tls;
    const char *port_text;
    unsigned port;
    int require_client_cert;
    int once;
};

static const char serve_description[] =
    "Run a TLS echo server on 127.0.0.1. The first line on stdout is\n"
    "\"listening on 127.0.0.1:PORT\" (PORT is ephemeral unless --port is "
    "given).\nConnections are served one at a time: each is echoed until "
    "the client\ncloses. With --ca, client certificates are requested "
    "(and must verify if\nsent); --require-client-cert makes them "
    "mandatory. --once exits after the\nfirst connection: 0 if its "
    "handshake succeeded, else 1. With --psk-identity\nand --psk, clients "
    "that offer that identity with that key are accepted\n(PSK; --cert is "
    "then optional).\n";

/* Checks what parsing cannot. Returns ARGS_RUN or EXIT_USAGE. */
static int check_options(const struct cli_spec *spec,
                         struct serve_options *options)
{
    int status = tls_settings_check(spec, &options->tls);
    if (status != ARGS_RUN)
        return status;
    if (options->tls.cert == NULL && !psk_settings_given(&options->tls.psk))
        return args_usage_error(spec, "--cert is required (or --psk-identity "
                                      "and --psk)");
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

static unitls_ctx *build_context(const struct serve_options *options)
{
    unitls_ctx *ctx = tls_new_context(COMMAND, UNITLS_ROLE_SERVER);
    if (ctx == NULL)
        return NULL;
    if (tls_apply_versions(COMMAND, ctx, &options->tls) != EXIT_OK ||
        tls_apply_alpn(COMMAND, ctx, &options->tls) != EXIT_OK ||
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
    unitls_ctx *ctx = build_context(options);
    if (ctx == NULL)
        return EXIT_FAILED;
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
    return code;
}

int cmd_serve(int argc, char **argv)
{
    struct serve_options options = {0};
    const struct cli_option option_table[] = {
        {"--cert", "FILE", "server certificate chain (required without --psk)",
         &options.tls.cert, NULL},
        {"--key", "FILE", "private key (default: in --cert)",
         &options.tls.key, NULL},
        {"--password", "PW", "password of an encrypted --key",
         &options.tls.password, NULL},
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
        {"--alpn", "LIST", "ALPN protocols, comma-separated, preferred first",
         &options.tls.alpn, NULL},
        {"--psk-identity", "ID", "accept this PSK identity (with --psk)",
         &options.tls.psk.identity, NULL},
        {"--psk", "HEX", "its pre-shared key, 1 to 64 bytes in hex",
         &options.tls.psk.hex, NULL},
    };
    const struct cli_spec spec = {
        .command = COMMAND,
        .arguments = "",
        .description = serve_description,
        .options = option_table,
        .option_count = sizeof(option_table) / sizeof(option_table[0]),
        .min_positional = 0,
        .max_positional = 0,
    };
    size_t count;
    int parsed = args_parse(&spec, argc, argv, NULL, &count);
    if (parsed == ARGS_RUN)
        parsed = check_options(&spec, &options);
    if (parsed != ARGS_RUN)
        return parsed;
    return serve(&options);
}
