/* The contexts, the server thread and the client's half of a connection;
 * see rig.h. */
#include "rig.h"

#include <stdio.h>
#include <unistd.h>

int rig_open(struct rig *r, const struct bench_tls_cfg *cfg, size_t keep)
{
    r->client = tls_ctx_new(BENCH_CLIENT, cfg);
    r->server_ctx = r->client ? tls_ctx_new(BENCH_SERVER, cfg) : NULL;
    if (r->server_ctx == NULL ||
        server_start(&r->server, r->server_ctx, keep) != 0) {
        tls_ctx_free(r->server_ctx);
        tls_ctx_free(r->client);
        return -1;
    }
    return 0;
}

void rig_close(struct rig *r)
{
    server_stop(&r->server);
    tls_ctx_free(r->server_ctx);
    tls_ctx_free(r->client);
}

struct bench_conn *rig_connect(struct rig *r, enum job_kind kind,
                               long long bytes, struct bench_session *resume,
                               int *fd)
{
    int fds[2];
    if (bench_socketpair(fds) != 0)
        return NULL;
    struct job job = {.kind = kind, .fd = fds[1], .bytes = bytes};
    if (server_submit(&r->server, &job) != 0) {
        close(fds[0]);
        close(fds[1]);
        return NULL;
    }
    *fd = fds[0];
    struct bench_conn *c = tls_conn_new(r->client, fds[0], resume);
    if (c != NULL && tls_handshake(c) == 0)
        return c;
    tls_conn_free(c);
    close(fds[0]);
    /* The server's side fails too once the socket is closed. */
    server_wait(&r->server);
    return NULL;
}

int rig_read_ack(struct bench_conn *c)
{
    char ack;
    if (tls_read(c, &ack, 1) != 1) {
        fprintf(stderr, "bench: no acknowledgement from the server\n");
        return -1;
    }
    return 0;
}

int rig_finish(struct rig *r, struct bench_conn *c, int fd, int acked,
               int rc)
{
    if (rc == 0 && !acked)
        rc = rig_read_ack(c);
    if (rc == 0)
        rc = tls_shutdown(c);
    tls_conn_free(c);
    close(fd); /* after a failure the server fails on the closed socket */
    return server_wait(&r->server) != 0 ? -1 : rc;
}

int rig_handshake_once(struct rig *r, struct bench_session **session,
                       int *resumed)
{
    int fd;
    struct bench_conn *c = rig_connect(r, JOB_HANDSHAKE, 0,
                                       session ? *session : NULL, &fd);
    if (c == NULL)
        return -1;
    int rc = rig_read_ack(c);
    if (resumed != NULL)
        *resumed = tls_resumed(c);
    if (rc == 0 && session != NULL) {
        struct bench_session *newest = tls_session_take(c);
        if (newest != NULL) {
            tls_session_free(*session);
            *session = newest;
        }
    }
    return rig_finish(r, c, fd, 1, rc);
}
