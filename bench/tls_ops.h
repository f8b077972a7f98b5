/* The "TLS ops" layer: the only part of the benchmark that differs between
 * unitls (ops_unitls.c) and each backend used directly (ops_ossl.c for
 * OpenSSL and BoringSSL, ops_wolfssl.c). The harness (threads, socketpair,
 * timing, output) calls nothing else, so both sides do exactly the same
 * work around the TLS calls.
 *
 * Every function either succeeds or prints why on stderr and returns a
 * failure value: a benchmark that silently measures a failed handshake
 * would measure nothing. */
#ifndef BENCH_TLS_OPS_H
#define BENCH_TLS_OPS_H

#include <stddef.h>

enum bench_role { BENCH_CLIENT, BENCH_SERVER };

/* What both sides are configured with. The client always verifies the
 * chain against `ca_file` and the host name `host` (also sent as SNI);
 * TLS 1.3 only, groups X25519, P-256, P-384 (unitls' defaults). */
struct bench_tls_cfg {
    const char *ca_file;    /* client: the trust anchor */
    const char *chain_file; /* server: leaf + intermediate, PEM */
    const char *key_file;   /* server: the leaf's key, PEM */
    const char *host;       /* client: SNI and the name verified */
    const char *suite;      /* IANA name of the one TLS 1.3 suite to
                               force, or NULL for the defaults */
    int tickets;            /* 1: the server issues session tickets and
                               the client keeps them (resumption) */
};

struct bench_ctx;
struct bench_conn;
struct bench_session;

/* "unitls" or "raw". */
const char *tls_impl_name(void);
/* "openssl", "wolfssl" or "boringssl". */
const char *tls_provider_name(void);
/* The backend's run-time version string. */
const char *tls_backend_version(void);
/* 1 if bench_tls_cfg.suite can force a TLS 1.3 suite here. */
int tls_can_force_suite(void);
/* 1 if bench_tls_cfg.tickets and the session calls below work here. */
int tls_can_resume(void);

/* Called by a thread that did TLS work, before it exits: what the backend
 * keeps per thread and a direct user must release (wolfSSL's ECC cache;
 * unitls does it itself). */
void tls_thread_end(void);

struct bench_ctx *tls_ctx_new(enum bench_role role,
                              const struct bench_tls_cfg *cfg);
void tls_ctx_free(struct bench_ctx *ctx);

/* A connection over the connected, blocking socket `fd` (not owned). A
 * client given `resume` offers that session. */
struct bench_conn *tls_conn_new(struct bench_ctx *ctx, int fd,
                                struct bench_session *resume);
void tls_conn_free(struct bench_conn *conn);

/* 0 once the handshake is complete, -1 on failure. */
int tls_handshake(struct bench_conn *conn);
/* Writes all `len` bytes: 0, or -1 on failure. */
int tls_write(struct bench_conn *conn, const void *buf, size_t len);
/* Reads up to `len` bytes: the count (> 0), 0 at the end, -1 on failure. */
long tls_read(struct bench_conn *conn, void *buf, size_t len);

/* Sends close_notify (without waiting for the peer's): 0 or -1. A client
 * that closes cleanly keeps its session resumable (OpenSSL). */
int tls_shutdown(struct bench_conn *conn);

/* The negotiated suite's IANA name. */
const char *tls_cipher(struct bench_conn *conn);
/* 1 if the handshake resumed a session. */
int tls_resumed(struct bench_conn *conn);
/* A client's newest resumable session, once application data has been read
 * after the handshake (TLS 1.3 tickets follow it); NULL if none came. */
struct bench_session *tls_session_take(struct bench_conn *conn);
void tls_session_free(struct bench_session *session);

#endif
