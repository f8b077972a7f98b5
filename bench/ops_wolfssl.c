/* The TLS ops on wolfSSL's native API used directly, configured as unitls
 * configures it (wolf_ctx_defaults.c), so that both do the same work.
 * Verification is wolfSSL's own, host name included
 * (wolfSSL_check_domain_name), as a direct user would have it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wolfssl/options.h>
#include <wolfssl/ssl.h>
#include <wolfssl/wolfcrypt/ecc.h>

#include "tls_ops.h"

struct bench_ctx {
    WOLFSSL_CTX *ssl_ctx;
    const char *host;
    int client;
};

struct bench_conn {
    WOLFSSL *ssl;
    int client;
};

const char *tls_impl_name(void) { return "raw"; }
const char *tls_provider_name(void) { return "wolfssl"; }
const char *tls_backend_version(void) { return wolfSSL_lib_version(); }
int tls_can_force_suite(void) { return 1; }
int tls_can_resume(void) { return 1; }

/* Debian's wolfSSL (FP_ECC, HAVE_THREAD_LS) keeps a per-thread cache of ECC
 * fixed-point tables that only the thread itself can free. */
void tls_thread_end(void)
{
#ifdef FP_ECC
    wc_ecc_fp_free();
#endif
}

static int fail_code(const char *what, int err)
{
    char buf[256];
    wolfSSL_ERR_error_string_n((unsigned long)err, buf, sizeof(buf));
    fprintf(stderr, "raw: %s: %s (%d)\n", what, buf, err);
    return -1;
}

static int fail(const char *what) { return fail_code(what, 0); }

/* The TLS 1.3 suites by IANA name, in unitls' default order. */
static const struct {
    const char *name;
    unsigned char code[2];
} tls13_suites[] = {
    {"TLS_AES_128_GCM_SHA256", {0x13, 0x01}},
    {"TLS_AES_256_GCM_SHA384", {0x13, 0x02}},
    {"TLS_CHACHA20_POLY1305_SHA256", {0x13, 0x03}},
};

/* The suites as two-byte codes, replacing wolfSSL's list (as unitls does):
 * the forced one, or all three in order. */
static int set_suites(WOLFSSL_CTX *c, const char *suite)
{
    unsigned char codes[6];
    int len = 0;
    for (size_t i = 0; i < sizeof(tls13_suites) / sizeof(tls13_suites[0]);
         i++) {
        if (suite == NULL || strcmp(suite, tls13_suites[i].name) == 0) {
            codes[len++] = tls13_suites[i].code[0];
            codes[len++] = tls13_suites[i].code[1];
        }
    }
    if (len == 0)
        return fail("unknown suite");
    return wolfSSL_CTX_set_cipher_list_bytes(c, codes, len) == WOLFSSL_SUCCESS
               ? 0
               : fail("suites");
}

/* No tickets or session cache unless resumption is measured. */
static int session_policy(struct bench_ctx *b, int tickets)
{
    if (tickets)
        return 0; /* wolfSSL's default: a TLS 1.3 server sends a ticket */
    wolfSSL_CTX_set_session_cache_mode(b->ssl_ctx, WOLFSSL_SESS_CACHE_OFF);
    wolfSSL_CTX_set_options(b->ssl_ctx, WOLFSSL_OP_NO_TICKET);
    if (!b->client && wolfSSL_CTX_no_ticket_TLSv13(b->ssl_ctx) != 0)
        return fail("tickets");
    return 0;
}

static int configure(struct bench_ctx *b, const struct bench_tls_cfg *cfg)
{
    WOLFSSL_CTX *c = b->ssl_ctx;
    int groups[] = {WOLFSSL_ECC_X25519, WOLFSSL_ECC_SECP256R1,
                    WOLFSSL_ECC_SECP384R1};
    if (wolfSSL_CTX_set_min_proto_version(c, TLS1_3_VERSION) !=
            WOLFSSL_SUCCESS ||
        wolfSSL_CTX_set_max_proto_version(c, TLS1_3_VERSION) !=
            WOLFSSL_SUCCESS)
        return fail("versions");
    if (set_suites(c, cfg->suite) != 0)
        return -1;
    if (wolfSSL_CTX_set_groups(c, groups, 3) != WOLFSSL_SUCCESS)
        return fail("groups");
    wolfSSL_CTX_set_options(c, WOLFSSL_OP_CIPHER_SERVER_PREFERENCE);
    if (session_policy(b, cfg->tickets) != 0)
        return -1;
    if (b->client) {
        wolfSSL_CTX_set_verify(c, WOLFSSL_VERIFY_PEER, NULL);
        return wolfSSL_CTX_load_verify_locations(c, cfg->ca_file, NULL) ==
                       WOLFSSL_SUCCESS
                   ? 0
                   : fail("trust anchor");
    }
    if (wolfSSL_CTX_use_certificate_chain_file(c, cfg->chain_file) !=
            WOLFSSL_SUCCESS ||
        wolfSSL_CTX_use_PrivateKey_file(c, cfg->key_file,
                                        WOLFSSL_FILETYPE_PEM) !=
            WOLFSSL_SUCCESS)
        return fail("certificate");
    return 0;
}

struct bench_ctx *tls_ctx_new(enum bench_role role,
                              const struct bench_tls_cfg *cfg)
{
    if (wolfSSL_Init() != WOLFSSL_SUCCESS) /* counted: once per context */
        return NULL;
    struct bench_ctx *b = calloc(1, sizeof(*b));
    if (b == NULL)
        return NULL;
    b->host = cfg->host;
    b->client = role == BENCH_CLIENT;
    b->ssl_ctx = wolfSSL_CTX_new(b->client ? wolfSSLv23_client_method()
                                           : wolfSSLv23_server_method());
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
    wolfSSL_CTX_free(ctx->ssl_ctx);
    free(ctx);
    wolfSSL_Cleanup();
}

static int client_setup(struct bench_ctx *ctx, WOLFSSL *ssl,
                        struct bench_session *resume)
{
    if (wolfSSL_UseSNI(ssl, WOLFSSL_SNI_HOST_NAME, ctx->host,
                       (unsigned short)strlen(ctx->host)) != WOLFSSL_SUCCESS ||
        wolfSSL_check_domain_name(ssl, ctx->host) != WOLFSSL_SUCCESS)
        return fail("host name");
    if (resume &&
        wolfSSL_set_session(ssl, (WOLFSSL_SESSION *)resume) != WOLFSSL_SUCCESS)
        return fail("session");
    return 0;
}

struct bench_conn *tls_conn_new(struct bench_ctx *ctx, int fd,
                                struct bench_session *resume)
{
    struct bench_conn *c = calloc(1, sizeof(*c));
    if (c == NULL)
        return NULL;
    c->client = ctx->client;
    c->ssl = wolfSSL_new(ctx->ssl_ctx);
    int ok = c->ssl != NULL && wolfSSL_set_fd(c->ssl, fd) == WOLFSSL_SUCCESS;
    if (ok && ctx->client)
        ok = client_setup(ctx, c->ssl, resume) == 0;
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
    wolfSSL_free(conn->ssl);
    free(conn);
}

int tls_handshake(struct bench_conn *conn)
{
    int ret = conn->client ? wolfSSL_connect(conn->ssl)
                           : wolfSSL_accept(conn->ssl);
    return ret == WOLFSSL_SUCCESS
               ? 0
               : fail_code("handshake", wolfSSL_get_error(conn->ssl, ret));
}

/* The harness writes 16 KiB at a time; a blocking wolfSSL_write writes
 * all of it. */
int tls_write(struct bench_conn *conn, const void *buf, size_t len)
{
    int ret = wolfSSL_write(conn->ssl, buf, (int)len);
    return ret == (int)len
               ? 0
               : fail_code("write", wolfSSL_get_error(conn->ssl, ret));
}

long tls_read(struct bench_conn *conn, void *buf, size_t len)
{
    int n = wolfSSL_read(conn->ssl, buf, (int)len);
    if (n > 0)
        return n;
    int err = wolfSSL_get_error(conn->ssl, n);
    return err == WOLFSSL_ERROR_ZERO_RETURN ? 0 : fail_code("read", err);
}

/* WOLFSSL_SHUTDOWN_NOT_DONE: ours went out, the peer's has not come. */
int tls_shutdown(struct bench_conn *conn)
{
    int ret = wolfSSL_shutdown(conn->ssl);
    return ret == WOLFSSL_SUCCESS || ret == WOLFSSL_SHUTDOWN_NOT_DONE
               ? 0
               : fail_code("shutdown", wolfSSL_get_error(conn->ssl, ret));
}

const char *tls_cipher(struct bench_conn *conn)
{
    int id = wolfSSL_get_current_cipher_suite(conn->ssl);
    return wolfSSL_get_cipher_name_iana_from_suite(
        (unsigned char)(id >> 8), (unsigned char)(id & 0xff));
}

int tls_resumed(struct bench_conn *conn)
{
    return wolfSSL_session_reused(conn->ssl);
}

struct bench_session *tls_session_take(struct bench_conn *conn)
{
    return (struct bench_session *)wolfSSL_get1_session(conn->ssl);
}

void tls_session_free(struct bench_session *session)
{
    wolfSSL_SESSION_free((WOLFSSL_SESSION *)session);
}
