/* unitls fetch-cert: Python's ssl.get_server_certificate() as a tool. Only
 * the certificate goes to stdout, so the output can be piped. */
#include <stdio.h>

#include <unitls/unitls.h>

#include "args.h"
#include "cert_print.h"
#include "client.h"
#include "commands.h"
#include "net.h"
#include "report.h"

#define COMMAND "fetch-cert"

struct fetch_options {
    const char *target;
    const char *ca;
    const char *server_name;
    int chain;
    int json;
};

/* Room for the longest chain --chain will print; a server sending more is
 * cut here, and says so. */
#define MAX_PRINTED_CERTS 16

/* Fills certs[] with what to print: the leaf, or with --chain every
 * certificate the server sent, in its order. */
static size_t collect_certs(const unitls_conn *conn, int chain,
                            const unitls_cert **certs)
{
    if (!chain) {
        certs[0] = unitls_conn_peer_cert(conn);
        return certs[0] != NULL;
    }
    size_t count = unitls_conn_peer_chain_count(conn);
    if (count > MAX_PRINTED_CERTS) {
        report_error(COMMAND, "the server sent %zu certificates; printing "
                              "the first %d", count, MAX_PRINTED_CERTS);
        count = MAX_PRINTED_CERTS;
    }
    for (size_t i = 0; i < count; i++)
        certs[i] = unitls_conn_peer_chain_cert(conn, i);
    return count;
}

static int print_certs(const unitls_conn *conn,
                       const struct fetch_options *options)
{
    const unitls_cert *certs[MAX_PRINTED_CERTS];
    size_t count = collect_certs(conn, options->chain, certs);
    if (count == 0) {
        report_error(COMMAND, "the server sent no certificate");
        return EXIT_FAILED;
    }
    if (options->json)
        return cert_print_json(COMMAND, certs, count, options->chain);
    return cert_print_pem(COMMAND, certs, count);
}

static int fetch(const struct client_options *client,
                 const struct fetch_options *options)
{
    struct client_session session;
    if (client_open(COMMAND, client, &session) != EXIT_OK)
        return EXIT_FAILED;
    int code = print_certs(session.conn, options);
    /* Best effort: the certificate is what was asked for, and a server may
     * well have closed already. */
    (void)unitls_conn_shutdown(session.conn);
    client_close(&session);
    return code;
}

int cmd_fetch_cert(int argc, char **argv)
{
    struct fetch_options options = {0};
    const struct cli_option option_table[] = {
        {"--ca", "FILE", "verify the server against the CAs in FILE",
         &options.ca, NULL},
        {"--servername", "NAME", "SNI and host name to check (default: HOST)",
         &options.server_name, NULL},
        {"--chain", NULL, "every certificate the server sent, in its order", NULL,
         &options.chain},
        {"--json", NULL, "print Python's getpeercert() dict instead of PEM",
         NULL, &options.json},
    };
    const struct cli_spec spec = {
        .command = COMMAND,
        .arguments = "HOST:PORT",
        .description =
            "Connect to HOST:PORT (a name, IPv4 address or [IPv6] address), "
            "run the TLS\nhandshake and print the server's certificate as "
            "PEM. Without --ca nothing\nis verified (like Python's "
            "ssl.get_server_certificate); with --ca the\nchain and the host "
            "name (--servername, else HOST) must verify, or it exits 1.\n",
        .options = option_table,
        .option_count = sizeof(option_table) / sizeof(option_table[0]),
        .min_positional = 1,
        .max_positional = 1,
    };
    size_t count;
    int parsed = args_parse(&spec, argc, argv, &options.target, &count);
    if (parsed != ARGS_RUN)
        return parsed;
    struct client_options client = {0};
    if (net_parse_target(options.target, &client.target) != 0)
        return args_usage_error(&spec, "'%s' is not HOST:PORT (PORT 1-65535, "
                                       "an IPv6 HOST in brackets)",
                                options.target);
    client.server_name = options.server_name;
    client.trust = options.ca != NULL ? CLIENT_TRUST_CA : CLIENT_TRUST_NONE;
    client.tls.ca = options.ca;
    return fetch(&client, &options);
}
