#include "resume_run.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net.h"
#include "pki.h"

struct server_end {
    unitls_ctx *ctx;
    int fd;
    int hs;
    int reused;
};

static void *server_main(void *arg)
{
    struct server_end *s = arg;
    unitls_conn *conn = unitls_conn_new(s->ctx);
    s->hs = UNITLS_E_NOMEM;
    if (conn != NULL && unitls_conn_set_fd(conn, s->fd) == UNITLS_OK)
        s->hs = unitls_conn_handshake(conn);
    if (s->hs == UNITLS_OK) {
        s->reused = unitls_conn_session_reused(conn);
        size_t n;
        unsigned char buf[64];
        if (unitls_conn_write(conn, "x", 1, &n) == UNITLS_OK)
            for (int i = 0; i < 16; i++) /* until close_notify, bounded */
                if (unitls_conn_read(conn, buf, sizeof(buf), &n) !=
                        UNITLS_OK ||
                    n == 0)
                    break;
        unitls_conn_shutdown(conn);
    }
    shutdown(s->fd, SHUT_WR);
    unitls_conn_free(conn);
    return NULL;
}

static void observe(unitls_conn *conn, struct rs_result *r)
{
    const char *v = unitls_conn_version(conn), *c = unitls_conn_cipher(conn);
    snprintf(r->version, sizeof(r->version), "%s", v ? v : "-");
    snprintf(r->cipher, sizeof(r->cipher), "%s", c ? c : "-");
    cert_cn(unitls_conn_peer_cert(conn), r->peer_cn, sizeof(r->peer_cn));
    r->peer_chain = unitls_conn_peer_chain_count(conn);
    r->verified_chain = unitls_conn_verified_chain_count(conn);
    r->verify_errors = unitls_conn_verify_error_count(conn);
    r->c_reused = unitls_conn_session_reused(conn);
}

static void client_run(const struct rs_client *c, int fd, struct rs_result *r)
{
    unitls_conn *conn = unitls_conn_new(c->ctx);
    r->c_hs = UNITLS_E_NOMEM;
    if (conn == NULL || unitls_conn_set_fd(conn, fd) != UNITLS_OK)
        goto out;
    if (c->server_name != NULL &&
        unitls_conn_set_server_name(conn, c->server_name) != UNITLS_OK)
        goto out;
    if (c->offer != NULL)
        r->set_session = unitls_conn_set_session(conn, c->offer);
    r->c_hs = unitls_conn_handshake(conn);
    if (r->c_hs != UNITLS_OK)
        goto out;
    observe(conn, r);
    unitls_session *early = NULL;
    r->take_early = unitls_conn_session(conn, &early);
    unitls_session_free(early);
    unsigned char buf[8];
    size_t n = 0;
    if (c->close_first)
        unitls_conn_shutdown(conn);
    unitls_conn_read(conn, buf, sizeof(buf), &n);
    r->take = unitls_conn_session(conn, &r->session);
    unitls_conn_shutdown(conn);
    unitls_session *again = NULL;
    r->take_closed = unitls_conn_session(conn, &again);
    unitls_session_free(again);
out:
    shutdown(fd, SHUT_WR);
    unitls_conn_free(conn);
}

int rs_connect(unitls_ctx *server, const struct rs_client *c,
               struct rs_result *r)
{
    memset(r, 0, sizeof(*r));
    r->c_hs = r->s_hs = r->take = r->take_early = r->take_closed =
        UNITLS_E_INTERNAL;
    int fds[2];
    if (net_socketpair(fds) != 0)
        return -1;
    struct server_end s = {.ctx = server, .fd = fds[1]};
    pthread_t th;
    if (pthread_create(&th, NULL, server_main, &s) != 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    client_run(c, fds[0], r);
    pthread_join(th, NULL);
    close(fds[0]);
    close(fds[1]);
    r->s_hs = s.hs;
    r->s_reused = s.reused;
    return 0;
}

static int set_max(unitls_ctx *ctx, int max_version)
{
    return max_version == 0
               ? UNITLS_OK
               : unitls_ctx_set_versions(ctx, UNITLS_TLS1_2, max_version);
}

unitls_ctx *rs_server_ctx(int max_version)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
    if (ctx != NULL &&
        (unitls_ctx_use_certificate_file(
             ctx, pki_path("server-chain.pem").s,
             pki_path("server.key").s, NULL) != UNITLS_OK ||
         set_max(ctx, max_version) != UNITLS_OK)) {
        unitls_ctx_free(ctx);
        ctx = NULL;
    }
    return ctx;
}

unitls_ctx *rs_client_ctx(int max_version)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    if (ctx != NULL &&
        (unitls_ctx_load_verify_file(ctx, pki_path("root-ca.crt").s) !=
             UNITLS_OK ||
         set_max(ctx, max_version) != UNITLS_OK)) {
        unitls_ctx_free(ctx);
        ctx = NULL;
    }
    return ctx;
}
