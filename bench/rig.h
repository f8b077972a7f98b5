/* A client context, a server context and the server thread: what every
 * measurement sets up before it starts timing, and the client's half of one
 * connection. */
#ifndef BENCH_RIG_H
#define BENCH_RIG_H

#include "server.h"
#include "tls_ops.h"

struct rig {
    struct bench_ctx *client;
    struct bench_ctx *server_ctx;
    struct server server;
};

/* Both contexts from `cfg` and a server with room for `keep` idle
 * connections. 0 or -1. */
int rig_open(struct rig *r, const struct bench_tls_cfg *cfg, size_t keep);
void rig_close(struct rig *r);

/* A new socketpair whose server end goes to the server as a `kind` job,
 * and a client connection over the other end, handshake done (offering
 * `resume` if not NULL). *fd gets the client's socket, which the caller
 * closes after the connection. NULL on failure. */
struct bench_conn *rig_connect(struct rig *r, enum job_kind kind,
                               long long bytes, struct bench_session *resume,
                               int *fd);

/* Reads the server's one byte, which follows the handshake (and any
 * session ticket). 0 or -1. */
int rig_read_ack(struct bench_conn *c);

/* Ends a client connection of a JOB_HANDSHAKE or JOB_BULK job: the
 * server's one byte (unless `acked`), close_notify, free, close, and
 * waits for the server. 0 or -1 (after failing `rc`, -1 too). */
int rig_finish(struct rig *r, struct bench_conn *c, int fd, int acked,
               int rc);

/* The client's half of a whole JOB_HANDSHAKE connection, closed again once
 * both sides are done; *session (if not NULL) is offered and replaced by
 * the newest one. *resumed gets whether it resumed. 0 or -1. */
int rig_handshake_once(struct rig *r, struct bench_session **session,
                       int *resumed);

#endif
