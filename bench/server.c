/* The server thread; see server.h. */
#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int bench_socketpair(int fds[2])
{
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) {
        perror("socketpair");
        return -1;
    }
    return 0;
}

/* Reads exactly `bytes` of application data, 16 KiB at a time. */
static int read_all(struct bench_conn *c, long long bytes)
{
    static _Thread_local char buf[16384];
    while (bytes > 0) {
        long n = tls_read(c, buf, sizeof(buf));
        if (n <= 0)
            return -1;
        bytes -= n;
    }
    return 0;
}

/* The client's close_notify: the read that ends the stream. */
static int read_close(struct bench_conn *c)
{
    char byte;
    if (tls_read(c, &byte, 1) == 0)
        return 0;
    fprintf(stderr, "bench: the client did not close cleanly\n");
    return -1;
}

/* One job's connection: handshake, its data, the one byte that tells the
 * client that the server is done, then (unless kept) the client's
 * close_notify. Returns the connection, still open, or NULL on failure. */
static struct bench_conn *serve(struct server *s, const struct job *job)
{
    struct bench_conn *c = tls_conn_new(s->ctx, job->fd, NULL);
    if (c == NULL)
        return NULL;
    if (tls_handshake(c) != 0 ||
        (job->kind == JOB_BULK && read_all(c, job->bytes) != 0) ||
        tls_write(c, "!", 1) != 0 ||
        (job->kind != JOB_KEEP && read_close(c) != 0)) {
        tls_conn_free(c);
        return NULL;
    }
    return c;
}

static int keep(struct server *s, struct bench_conn *c, int fd)
{
    if (s->kept_count == s->kept_cap)
        return -1;
    s->kept[s->kept_count] = c;
    s->kept_fds[s->kept_count++] = fd;
    return 0;
}

static void *server_main(void *arg)
{
    struct server *s = arg;
    struct job job;
    while (read(s->jobs[0], &job, sizeof(job)) == (ssize_t)sizeof(job) &&
           job.kind != JOB_QUIT) {
        struct bench_conn *c = serve(s, &job);
        if (c == NULL) {
            s->failed = 1;
        } else if (job.kind == JOB_KEEP) {
            if (keep(s, c, job.fd) == 0)
                c = NULL, job.fd = -1; /* kept: closed by server_stop() */
            else
                s->failed = 1;
        }
        tls_conn_free(c);
        if (job.fd >= 0)
            close(job.fd);
        sem_post(&s->done);
    }
    tls_thread_end();
    return NULL;
}

int server_start(struct server *s, struct bench_ctx *ctx, size_t keep_cap)
{
    *s = (struct server){.ctx = ctx, .kept_cap = keep_cap};
    s->kept = calloc(keep_cap ? keep_cap : 1, sizeof(*s->kept));
    s->kept_fds = calloc(keep_cap ? keep_cap : 1, sizeof(*s->kept_fds));
    if (s->kept == NULL || s->kept_fds == NULL || pipe(s->jobs) != 0 ||
        sem_init(&s->done, 0, 0) != 0) {
        perror("server");
        return -1;
    }
    if (pthread_create(&s->thread, NULL, server_main, s) != 0) {
        fprintf(stderr, "server: cannot start the thread\n");
        return -1;
    }
    return 0;
}

int server_submit(struct server *s, const struct job *job)
{
    if (write(s->jobs[1], job, sizeof(*job)) != (ssize_t)sizeof(*job)) {
        perror("server: job");
        return -1;
    }
    return 0;
}

int server_wait(struct server *s)
{
    while (sem_wait(&s->done) != 0)
        ; /* EINTR */
    return s->failed ? -1 : 0;
}

void server_stop(struct server *s)
{
    struct job quit = {.kind = JOB_QUIT, .fd = -1};
    if (server_submit(s, &quit) == 0)
        pthread_join(s->thread, NULL);
    for (size_t i = 0; i < s->kept_count; i++) {
        tls_conn_free(s->kept[i]);
        close(s->kept_fds[i]);
    }
    free(s->kept);
    free(s->kept_fds);
    close(s->jobs[0]);
    close(s->jobs[1]);
    sem_destroy(&s->done);
}
