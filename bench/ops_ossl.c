/* The TLS ops on OpenSSL 3 or BoringSSL used directly (one source for both,
 * differences in raw_ossl_compat.h): configured as unitls configures them,
 * so that both do the same work. Verification is the library's own
 * (SSL_VERIFY_PEER, SSL_set1_host), as a direct user would have it. */
#include <stdio.h>
#include <stdlib.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "raw_ossl_compat.h"
#include "tls_ops.h"

struct bench_ctx {
    SSL_CTX *ssl_ctx;
    const char *host;
    int client;
};

struct bench_conn {
    SSL *ssl;
    SSL_SESSION *newest; /* client: the last ticket's session */
};

const char *tls_impl_name(void) { return "raw"; }
const char *tls_provider_name(void) { return RAW_PROVIDER; }
const char *tls_backend_version(void) { return RAW_BACKEND_VERSION(); }
int tls_can_force_suite(void) { return RAW_CAN_FORCE_SUITE; }
int tls_can_resume(void) { return 1; }
void tls_thread_end(void) {} /* OpenSSL and BoringSSL clean up themselves */

static int fail(const char *what)
{
    char buf[256];
    ERR_error_string_n(ERR_get_error(), buf, sizeof(buf));
    fprintf(stderr, "raw: %s: %s\n", what, buf);
    ERR_clear_error();
    return -1;
}

/* TLS 1.2 sessions are irrelevant (TLS 1.3 only); a client keeps the
 * newest ticket of each connection itself (new_session below). */
static int new_session(SSL *ssl, SSL_SESSION *session)
{
    struct bench_conn *c = SSL_get_app_data(ssl);
    SSL_SESSION_free(c->newest);
    c->newest = session;
    return 1; /* the reference is ours */
}

/* unitls' defaults, spelled out: no compression or renegotiation, the
 * server's order, groups X25519:P-256:P-384, and no tickets or session
 * cache unless resumption is measured (then one ticket per connection). */
static int session_policy(SSL_CTX *c, int client, int tickets)
{
    SSL_CTX_set_options(c, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION |
                               SSL_OP_CIPHER_SERVER_PREFERENCE);
    if (!tickets)
        SSL_CTX_set_options(c, SSL_OP_NO_TICKET);
    if (!SSL_CTX_set_num_tickets(c, tickets ? 1 : 0))
        return fail("tickets");
    if (client && tickets) {
        SSL_CTX_set_session_cache_mode(
            c, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
        SSL_CTX_sess_set_new_cb(c, new_session);
    } else {
        SSL_CTX_set_session_cache_mode(c, SSL_SESS_CACHE_OFF);
    }
    return 0;
}

static int configure(struct bench_ctx *b, const struct bench_tls_cfg *cfg)
{
    SSL_CTX *c = b->ssl_ctx;
    if (!SSL_CTX_set_min_proto_version(c, TLS1_3_VERSION) ||
        !SSL_CTX_set_max_proto_version(c, TLS1_3_VERSION))
        return fail("versions");
    if (!raw_set_groups(c, "X25519:P-256:P-384"))
        return fail("groups");
    if (cfg->suite && !raw_set_tls13_suite(c, cfg->suite))
        return fail("suite");
    if (session_policy(c, b->client, cfg->tickets) != 0)
        return -1;
    if (b->client) {
        SSL_CTX_set_verify(c, SSL_VERIFY_PEER, NULL);
        return SSL_CTX_load_verify_locations(c, cfg->ca_file, NULL)
                   ? 0
                   : fail("trust anchor");
    }
    if (SSL_CTX_use_certificate_chain_file(c, cfg->chain_file) != 1 ||
        SSL_CTX_use_PrivateKey_file(c, cfg->key_file, SSL_FILETYPE_PEM) != 1)
        return fail("certificate");
    return 0;
}

struct bench_ctx *tls_ctx_new(enum bench_role role,
                              const struct bench_tls_cfg *cfg)
{
    struct bench_ctx *b = calloc(1, sizeof(*b));
    if (b == NULL)
        return NULL;
    b->host = cfg->host;
    b->client = role == BENCH_CLIENT;
    b->ssl_ctx = SSL_CTX_new(b->client ? TLS_client_method()
                                       : TLS_server_method());
    if (b->ssl_ctx == NULL || configure(b, cfg) != 0) {
        tls_ctx_free(b);
        return NULL;
    }
    return b;
}

void tls_ctx_free(struct bench_ctx *ctx)
{
    if (ctx == NULL)
        return;
    SSL_CTX_free(ctx->ssl_ctx);
    free(ctx);
}

static int client_setup(struct bench_ctx *ctx, struct bench_conn *c,
                        struct bench_session *resume)
{
    if (!SSL_set_tlsext_host_name(c->ssl, ctx->host) ||
        !SSL_set1_host(c->ssl, ctx->host))
        return fail("host name");
    if (resume && !SSL_set_session(c->ssl, (SSL_SESSION *)resume))
        return fail("session");
    SSL_set_connect_state(c->ssl);
    return 0;
}

struct bench_conn *tls_conn_new(struct bench_ctx *ctx, int fd,
                                struct bench_session *resume)
{
    struct bench_conn *c = calloc(1, sizeof(*c));
    if (c == NULL)
        return NULL;
    c->ssl = SSL_new(ctx->ssl_ctx);
    int ok = c->ssl != NULL && SSL_set_fd(c->ssl, fd) &&
             SSL_set_app_data(c->ssl, c);
    if (ok && ctx->client)
        ok = client_setup(ctx, c, resume) == 0;
    else if (ok)
        SSL_set_accept_state(c->ssl);
    if (!ok) {
        fail("new connection");
        tls_conn_free(c);
        return NULL;
    }
    return c;
}

void tls_conn_free(struct bench_conn *conn)
{
    if (conn == NULL)
        return;
    SSL_free(conn->ssl);
    SSL_SESSION_free(conn->newest);
    free(conn);
}

int tls_handshake(struct bench_conn *conn)
{
    return SSL_do_handshake(conn->ssl) == 1 ? 0 : fail("handshake");
}

/* The int calls, which both libraries have; the harness writes 16 KiB at a
 * time, and without SSL_MODE_ENABLE_PARTIAL_WRITE each call writes all. */
int tls_write(struct bench_conn *conn, const void *buf, size_t len)
{
    return SSL_write(conn->ssl, buf, (int)len) == (int)len ? 0
                                                           : fail("write");
}

long tls_read(struct bench_conn *conn, void *buf, size_t len)
{
    int n = SSL_read(conn->ssl, buf, (int)len);
    if (n > 0)
        return n;
    if (SSL_get_error(conn->ssl, n) == SSL_ERROR_ZERO_RETURN)
        return 0;
    return fail("read");
}

/* 0: our close_notify went out, the peer's has not come yet. */
int tls_shutdown(struct bench_conn *conn)
{
    return SSL_shutdown(conn->ssl) >= 0 ? 0 : fail("shutdown");
}

const char *tls_cipher(struct bench_conn *conn)
{
    return SSL_CIPHER_standard_name(SSL_get_current_cipher(conn->ssl));
}

int tls_resumed(struct bench_conn *conn)
{
    return SSL_session_reused(conn->ssl);
}

struct bench_session *tls_session_take(struct bench_conn *conn)
{
    SSL_SESSION *s = conn->newest;
    conn->newest = NULL;
    return (struct bench_session *)s;
}

void tls_session_free(struct bench_session *session)
{
    SSL_SESSION_free((SSL_SESSION *)session);
}
