/* The server side of every measurement: one thread that serves the
 * connections the client (the main thread) hands it, one job at a time,
 * over the other end of a socketpair(). */
#ifndef BENCH_SERVER_H
#define BENCH_SERVER_H

#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>

#include "tls_ops.h"

enum job_kind {
    JOB_HANDSHAKE, /* handshake, send one byte, read close_notify, close */
    JOB_BULK,      /* the same, reading `bytes` before the one byte */
    JOB_KEEP,      /* handshake, send one byte, keep the connection idle */
    JOB_QUIT
};

struct job {
    enum job_kind kind;
    int fd;
    long long bytes;
};

struct server {
    pthread_t thread;
    struct bench_ctx *ctx;
    int jobs[2];   /* a pipe of struct job, main thread -> server */
    sem_t done;    /* posted once per job finished (or failed) */
    int failed;    /* a job failed; read after server_wait() */
    struct bench_conn **kept; /* JOB_KEEP's connections */
    int *kept_fds;
    size_t kept_count, kept_cap;
};

/* Starts the thread; `keep` is room for JOB_KEEP connections. 0 or -1. */
int server_start(struct server *s, struct bench_ctx *ctx, size_t keep);
/* Hands over a job; the server owns job->fd from here. 0 or -1. */
int server_submit(struct server *s, const struct job *job);
/* Waits until one more job is finished: 0, or -1 if any job failed. */
int server_wait(struct server *s);
/* Stops the thread and frees what it kept. */
void server_stop(struct server *s);

/* A connected socketpair: fds[0] for the client, fds[1] for the server. */
int bench_socketpair(int fds[2]);

#endif
