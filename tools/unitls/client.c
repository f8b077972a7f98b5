/* The client side shared by fetch-cert and connect. */
#include "client.h"

#include <stdio.h>
#include <unistd.h>

#include "commands.h"
#include "ocsp_settings.h"
#include "report.h"
#include "session_file.h"

static int load_system_trust(const char *command, unitls_ctx *ctx)
{
    int status = unitls_ctx_load_system_trust(ctx);
    if (status == UNITLS_E_UNSUPPORTED) {
        report_status(command, "system trust store", status,
                      "this provider cannot load the system store; "
                      "use --ca FILE (or --insecure)");
        return EXIT_FAILED;
    }
    if (status != UNITLS_OK) {
        report_ctx_failure(command, "system trust store", status, ctx);
        return EXIT_FAILED;
    }
    return EXIT_OK;
}

static int set_up_trust(const char *command, unitls_ctx *ctx,
                        const struct client_options *options)
{
    switch (options->trust) {
    case CLIENT_TRUST_CA:
        return tls_load_ca(command, ctx, &options->tls);
    case CLIENT_TRUST_SYSTEM:
        return load_system_trust(command, ctx);
    case CLIENT_TRUST_NONE:
        break;
    }
    int status = unitls_ctx_set_check_hostname(ctx, 0);
    if (status != UNITLS_OK) {
        report_ctx_failure(command, "host name checking", status, ctx);
        return EXIT_FAILED;
    }
    return tls_set_verify_mode(command, ctx, UNITLS_VERIFY_NONE);
}

static unitls_ctx *build_context(const char *command,
                                 const struct client_options *options)
{
    unitls_ctx *ctx = tls_new_context(command, UNITLS_ROLE_CLIENT);
    if (ctx == NULL)
        return NULL;
    if (tls_apply_versions(command, ctx, &options->tls) != EXIT_OK ||
        tls_apply_alpn(command, ctx, &options->tls) != EXIT_OK ||
        tls_apply_suites_and_groups(command, ctx, &options->tls) != EXIT_OK ||
        tls_apply_keylog(command, ctx, &options->tls) != EXIT_OK ||
        ocsp_request(command, ctx, options->ocsp) != EXIT_OK ||
        psk_apply(command, ctx, &options->tls.psk) != EXIT_OK ||
        set_up_trust(command, ctx, options) != EXIT_OK ||
        tls_load_identity(command, ctx, &options->tls) != EXIT_OK) {
        unitls_ctx_free(ctx);
        return NULL;
    }
    return ctx;
}

/* Creates the connection on the socket and runs the handshake. */
static int handshake(const char *command, const struct client_options *options,
                     struct client_session *session)
{
    const char *name = options->server_name != NULL ? options->server_name
                                                    : options->target.host;
    session->conn = unitls_conn_new(session->ctx);
    if (session->conn == NULL) {
        report_status(command, "cannot create a connection", UNITLS_E_NOMEM,
                      NULL);
        return EXIT_FAILED;
    }
    int status = unitls_conn_set_fd(session->conn, session->fd);
    if (status != UNITLS_OK) {
        report_conn_failure(command, "attach socket", status, session->conn);
        return EXIT_FAILED;
    }
    status = unitls_conn_set_server_name(session->conn, name);
    if (status != UNITLS_OK) {
        char what[NET_HOST_MAX + 32];
        snprintf(what, sizeof(what), "server name '%s'", name);
        report_conn_failure(command, what, status, session->conn);
        return EXIT_FAILED;
    }
    if (options->sess_in != NULL &&
        session_file_offer(command, options->sess_in, session->conn) !=
            EXIT_OK)
        return EXIT_FAILED;
    status = unitls_conn_handshake(session->conn);
    if (status != UNITLS_OK) {
        report_conn_failure(command, NULL, status, session->conn);
        return EXIT_FAILED;
    }
    return EXIT_OK;
}

int client_open(const char *command, const struct client_options *options,
                struct client_session *session)
{
    session->conn = NULL;
    session->fd = -1;
    session->ctx = build_context(command, options);
    if (session->ctx == NULL)
        return EXIT_FAILED;
    session->fd = net_connect(command, &options->target);
    if (session->fd < 0 || handshake(command, options, session) != EXIT_OK) {
        client_close(session);
        return EXIT_FAILED;
    }
    return EXIT_OK;
}

void client_close(struct client_session *session)
{
    unitls_conn_free(session->conn);
    unitls_ctx_free(session->ctx);
    if (session->fd >= 0)
        close(session->fd);
    session->conn = NULL;
    session->ctx = NULL;
    session->fd = -1;
}
