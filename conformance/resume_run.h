/* One client connection against a server context that outlives it, for the
 * resumption cases (conformance/cases_resume.c): the pair harness makes
 * fresh contexts per case, resumption needs the same server context (its
 * ticket key) across connections.
 *
 * The server end runs in a thread: handshake, writes one byte, reads until
 * the client's close_notify. The client: optionally offers a session,
 * handshakes, tries to take a session before reading, reads the byte (in
 * TLS 1.3 the server's ticket precedes it), takes a session, closes, and
 * takes it once more.
 * Sockets carry timeouts (net.h), so nothing waits forever. */
#ifndef CONF_RESUME_RUN_H
#define CONF_RESUME_RUN_H

#include <stddef.h>

#include <unitls/unitls.h>

struct rs_client {
    unitls_ctx *ctx;
    const char *server_name;     /* NULL: none */
    const unitls_session *offer; /* NULL: offer none */
    int close_first; /* send close_notify before reading the server's byte
                        (and its ticket) */
};

struct rs_result {
    int set_session;  /* status of unitls_conn_set_session (OK if none) */
    int c_hs, s_hs;   /* handshake statuses */
    int c_reused, s_reused;
    char version[16], cipher[64];
    char peer_cn[64];        /* the client's peer certificate, "-": none */
    size_t peer_chain;       /* unitls_conn_peer_chain_count */
    size_t verified_chain;   /* unitls_conn_verified_chain_count */
    size_t verify_errors;
    int take_early;  /* unitls_conn_session before the first read */
    int take;        /* and after it */
    int take_closed; /* once more after unitls_conn_shutdown() */
    unitls_session *session; /* the session taken after reading; owned by
                                the caller (unitls_session_free) */
};

/* Runs one connection. Returns 0, or -1 when the harness itself failed
 * (socketpair, thread). */
int rs_connect(unitls_ctx *server, const struct rs_client *c,
               struct rs_result *r);

/* A server context (test PKI's server chain, versions up to max_version,
 * 0: default) and a verifying client context (trusting the test root). */
unitls_ctx *rs_server_ctx(int max_version);
unitls_ctx *rs_client_ctx(int max_version);

#endif
