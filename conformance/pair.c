#include "pair.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "conf.h"
#include "net.h"

struct pair {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int server_done;
    struct end client, server;
};

static void end_init(struct end *e, struct pair *p, const struct side *cfg,
                     int is_server, int fd, const char *id)
{
    memset(e, 0, sizeof(*e));
    e->cfg = cfg;
    e->is_server = is_server;
    e->fd = fd;
    e->pair = p;
    oc_init(&e->o, id, is_server ? "s." : "c.");
}

/* Runs one end and half-closes its socket, so a peer still reading sees
 * EOF rather than waiting for the socket timeout. */
static void end_run_and_half_close(struct end *e)
{
    end_run(e);
    shutdown(e->fd, SHUT_WR);
}

static void *server_main(void *arg)
{
    struct pair *p = arg;

    end_run_and_half_close(&p->server);
    pthread_mutex_lock(&p->mu);
    p->server_done = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static int wait_server(struct pair *p)
{
    struct timespec deadline;
    int rc = 0;

    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += JOIN_TIMEOUT_SECONDS;
    pthread_mutex_lock(&p->mu);
    while (!p->server_done && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&p->cv, &p->mu, &deadline);
    rc = p->server_done;
    pthread_mutex_unlock(&p->mu);
    return rc;
}

int end_wait_peer_done(struct end *e)
{
    return wait_server(e->pair);
}

static int make_transport(enum transport t, int fds[2])
{
    return t == TR_TCP ? net_tcp_pair(fds) : net_socketpair(fds);
}

/* Runs the client here and the server in a thread. On a server that does
 * not finish in time the test fails at once (the child process exits, so
 * the thread never outlives the case). */
static void run_ends(struct pair *p, struct outcome *o)
{
    pthread_t th;

    if (pthread_create(&th, NULL, server_main, p) != 0) {
        oc_fail(o, "pthread_create failed");
        return;
    }
    end_run_and_half_close(&p->client);
    if (!wait_server(p)) {
        oc_merge(o, &p->client.o);
        oc_fail(o, "server end did not finish within %d s",
                JOIN_TIMEOUT_SECONDS);
        oc_finish(o);
    }
    pthread_join(th, NULL);
    oc_merge(o, &p->client.o);
    oc_merge(o, &p->server.o);
}

void pair_run(const struct pair_case *pc, struct outcome *o)
{
    struct pair p;
    int fds[2];

    if (make_transport(pc->transport, fds) != 0) {
        oc_fail(o, "cannot create the transport: %s", strerror(errno));
        return;
    }
    memset(&p, 0, sizeof(p));
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv, NULL);
    end_init(&p.client, &p, &pc->client, 0, fds[0], pc->id);
    end_init(&p.server, &p, &pc->server, 1, fds[1], pc->id);
    run_ends(&p, o);
    end_release(&p.client);
    end_release(&p.server);
    close(fds[0]);
    close(fds[1]);
    pthread_cond_destroy(&p.cv);
    pthread_mutex_destroy(&p.mu);
}

void pair_case_run(const struct pair_case *pc)
{
    struct outcome o;

    oc_init(&o, pc->id, "");
    pair_run(pc, &o);
    oc_finish(&o);
}
