/* The TLS ops through unitls' public API, as an application would write
 * them. */
#include <stdio.h>
#include <stdlib.h>

#include <unitls/unitls.h>

#include "tls_ops.h"

struct bench_ctx {
    unitls_ctx *ctx;
    const char *host;
};

struct bench_conn {
    unitls_conn *conn;
};

const char *tls_impl_name(void) { return "unitls"; }
const char *tls_provider_name(void) { return unitls_provider_name(); }
const char *tls_backend_version(void) { return unitls_provider_version(); }

int tls_can_force_suite(void)
{
    return unitls_provider_has(UNITLS_CAP_TLS13_SUITES);
}

int tls_can_resume(void) { return unitls_provider_has(UNITLS_CAP_SESSIONS); }
void tls_thread_end(void) {}

static int ctx_fail(struct bench_ctx *c, const char *what)
{
    fprintf(stderr, "unitls: %s: %s\n", what, unitls_ctx_error(c->ctx));
    return -1;
}

/* Everything that the raw side sets by hand is unitls' default: groups
 * X25519, P-256, P-384; client verification with host name checking; a
 * server's tickets (off unless resumption is measured, as on the raw
 * side). */
static int configure(struct bench_ctx *c, enum bench_role role,
                     const struct bench_tls_cfg *cfg)
{
    if (unitls_ctx_set_versions(c->ctx, UNITLS_TLS1_3, UNITLS_TLS1_3))
        return ctx_fail(c, "versions");
    if (role == BENCH_SERVER && !cfg->tickets &&
        unitls_provider_has(UNITLS_CAP_SESSIONS) &&
        unitls_ctx_set_session_tickets(c->ctx, 0))
        return ctx_fail(c, "tickets");
    if (cfg->suite && unitls_ctx_set_tls13_suites(c->ctx, cfg->suite))
        return ctx_fail(c, "suite");
    if (role == BENCH_CLIENT)
        return unitls_ctx_load_verify_file(c->ctx, cfg->ca_file)
                   ? ctx_fail(c, "trust anchor")
                   : 0;
    return unitls_ctx_use_certificate_file(c->ctx, cfg->chain_file,
                                           cfg->key_file, NULL)
               ? ctx_fail(c, "certificate")
               : 0;
}

struct bench_ctx *tls_ctx_new(enum bench_role role,
                              const struct bench_tls_cfg *cfg)
{
    struct bench_ctx *c = calloc(1, sizeof(*c));
    if (c == NULL)
        return NULL;
    c->host = cfg->host;
    c->ctx = unitls_ctx_new(role == BENCH_CLIENT ? UNITLS_ROLE_CLIENT
                                                 : UNITLS_ROLE_SERVER);
    if (c->ctx == NULL || configure(c, role, cfg) != 0) {
        tls_ctx_free(c);
        return NULL;
    }
    return c;
}

void tls_ctx_free(struct bench_ctx *ctx)
{
    if (ctx == NULL)
        return;
    unitls_ctx_free(ctx->ctx);
    free(ctx);
}

struct bench_conn *tls_conn_new(struct bench_ctx *ctx, int fd,
                                struct bench_session *resume)
{
    struct bench_conn *c = calloc(1, sizeof(*c));
    if (c == NULL)
        return NULL;
    c->conn = unitls_conn_new(ctx->ctx);
    int rc = c->conn ? unitls_conn_set_fd(c->conn, fd) : UNITLS_E_NOMEM;
    if (rc == UNITLS_OK && unitls_ctx_role(ctx->ctx) == UNITLS_ROLE_CLIENT)
        rc = unitls_conn_set_server_name(c->conn, ctx->host);
    if (rc == UNITLS_OK && resume != NULL)
        rc = unitls_conn_set_session(c->conn, (unitls_session *)resume);
    if (rc != UNITLS_OK) {
        fprintf(stderr, "unitls: new connection: %s\n",
                unitls_status_name(rc));
        tls_conn_free(c);
        return NULL;
    }
    return c;
}

void tls_conn_free(struct bench_conn *conn)
{
    if (conn == NULL)
        return;
    unitls_conn_free(conn->conn);
    free(conn);
}

static int conn_fail(struct bench_conn *c, const char *what, int rc)
{
    fprintf(stderr, "unitls: %s: %s: %s\n", what, unitls_status_name(rc),
            unitls_conn_error(c->conn));
    return -1;
}

int tls_handshake(struct bench_conn *conn)
{
    int rc = unitls_conn_handshake(conn->conn);
    return rc == UNITLS_OK ? 0 : conn_fail(conn, "handshake", rc);
}

int tls_write(struct bench_conn *conn, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        size_t n;
        int rc = unitls_conn_write(conn->conn, p, len, &n);
        if (rc != UNITLS_OK)
            return conn_fail(conn, "write", rc);
        p += n;
        len -= n;
    }
    return 0;
}

long tls_read(struct bench_conn *conn, void *buf, size_t len)
{
    size_t n;
    int rc = unitls_conn_read(conn->conn, buf, len, &n);
    if (rc != UNITLS_OK)
        return conn_fail(conn, "read", rc);
    return (long)n;
}

int tls_shutdown(struct bench_conn *conn)
{
    int rc = unitls_conn_shutdown(conn->conn);
    return rc == UNITLS_OK ? 0 : conn_fail(conn, "shutdown", rc);
}

const char *tls_cipher(struct bench_conn *conn)
{
    return unitls_conn_cipher(conn->conn);
}

int tls_resumed(struct bench_conn *conn)
{
    return unitls_conn_session_reused(conn->conn);
}

struct bench_session *tls_session_take(struct bench_conn *conn)
{
    unitls_session *sess = NULL;
    if (unitls_conn_session(conn->conn, &sess) != UNITLS_OK)
        return NULL;
    return (struct bench_session *)sess;
}

void tls_session_free(struct bench_session *session)
{
    unitls_session_free((unitls_session *)session);
}
