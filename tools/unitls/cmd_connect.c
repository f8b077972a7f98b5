/* unitls connect: a minimal TLS client. What was negotiated goes to stderr;
 * stdout carries only the server's bytes. */
#include <stdio.h>

#include <unitls/unitls.h>

#include "args.h"
#include "client.h"
#include "commands.h"
#include "net.h"
#include "ocsp_settings.h"
#include "relay.h"
#include "report.h"
#include "session_file.h"
#include "session_info.h"

#define COMMAND "connect"

struct connect_options {
    const char *target;
    const char *server_name;
    int insecure;
    int ocsp;
    struct tls_settings tls;
    const char *sess_in, *sess_out;
};

static const char connect_description[] =
    "Connect to HOST:PORT over TLS, print the negotiated version, cipher and "
    "the\nserver's subject on stderr, then copy stdin to the server and the "
    "server's\nreplies to stdout. At stdin EOF it sends close_notify and "
    "waits for the\nserver to close. The server is verified against --ca, "
    "else the system trust\nstore, with the host name from --servername, "
    "else HOST.\nWith --psk-identity and --psk it offers that pre-shared "
    "key; a server that\naccepts it sends no certificate. --sess-in offers "
    "the\nsession saved in FILE (it must belong "
    "to the same server name); --sess-out\nsaves this connection's session "
    "to FILE (mode 0600) once the server has\nclosed. \"session: reused\" or "
    "\"session: new\" on stderr tells which it was.\n";

static int run_connect(const struct client_options *client,
                       const char *sess_out)
{
    struct client_session session;
    if (client_open(COMMAND, client, &session) != EXIT_OK)
        return EXIT_FAILED;
    session_print_summary(stderr, session.conn);
    if (client->ocsp)
        ocsp_print(stderr, session.conn);
    fprintf(stderr, "session: %s\n",
            unitls_conn_session_reused(session.conn) ? "reused" : "new");
    fflush(stderr);
    int code = relay_run(COMMAND, session.conn, session.fd, sess_out != NULL);
    if (code == EXIT_OK && sess_out != NULL)
        code = session_file_save(COMMAND, sess_out, session.conn);
    client_close(&session);
    return code;
}

static enum client_trust trust_from(const struct connect_options *options)
{
    if (options->insecure)
        return CLIENT_TRUST_NONE;
    return options->tls.ca != NULL ? CLIENT_TRUST_CA : CLIENT_TRUST_SYSTEM;
}

int cmd_connect(int argc, char **argv)
{
    struct connect_options options = {0};
    const struct cli_option option_table[] = {
        {"--ca", "FILE", "trust the CAs in FILE (default: system store)",
         &options.tls.ca, NULL},
        {"--servername", "NAME", "SNI and host name to check (default: HOST)",
         &options.server_name, NULL},
        {"--insecure", NULL, "do not verify the server at all", NULL,
         &options.insecure},
        {"--cert", "FILE", "client certificate chain (PEM or DER)",
         &options.tls.cert, NULL},
        {"--key", "FILE", "client private key (default: in --cert)",
         &options.tls.key, NULL},
        {"--pkcs12", "FILE", "client certificate, chain and key (PKCS#12)",
         &options.tls.pkcs12, NULL},
        {"--password", "PW", "password of an encrypted --key or --pkcs12",
         &options.tls.password, NULL},
        {"--password-file", "FILE", "the same, the first line of FILE",
         &options.tls.password_file, NULL},
        {"--tls-min", "1.2|1.3", "lowest protocol version to accept",
         &options.tls.tls_min, NULL},
        {"--tls-max", "1.2|1.3", "highest protocol version to offer",
         &options.tls.tls_max, NULL},
        TLS_SETTINGS_PROTOCOL_OPTIONS(options.tls),
        {"--ocsp", NULL, "ask for a stapled OCSP response and show its size",
         NULL, &options.ocsp},
        {"--psk-identity", "ID", "offer a pre-shared key by this identity",
         &options.tls.psk.identity, NULL},
        {"--psk", "HEX", "the pre-shared key, 1 to 64 bytes in hex",
         &options.tls.psk.hex, NULL},
        {"--sess-in", "FILE", "offer the session saved in FILE",
         &options.sess_in, NULL},
        {"--sess-out", "FILE", "save the session to FILE",
         &options.sess_out, NULL},
    };
    const struct cli_spec spec = {
        .command = COMMAND,
        .arguments = "HOST:PORT",
        .description = connect_description,
        .options = option_table,
        .option_count = sizeof(option_table) / sizeof(option_table[0]),
        .min_positional = 1,
        .max_positional = 1,
    };
    size_t count;
    int parsed = args_parse(&spec, argc, argv, &options.target, &count);
    if (parsed == ARGS_RUN)
        parsed = tls_settings_check(&spec, &options.tls);
    if (parsed != ARGS_RUN)
        return parsed;
    struct client_options client = {0};
    if (net_parse_target(options.target, &client.target) != 0)
        return args_usage_error(&spec, "'%s' is not HOST:PORT (PORT 1-65535, "
                                       "an IPv6 HOST in brackets)",
                                options.target);
    client.server_name = options.server_name;
    client.trust = trust_from(&options);
    client.tls = options.tls;
    client.ocsp = options.ocsp;
    client.sess_in = options.sess_in;
    return run_connect(&client, options.sess_out);
}
