/* Memory per idle established connection pair: the growth of the process's
 * resident set (RSS) and of the bytes malloc() has handed out (glibc's
 * mallinfo2(), every arena) while `pairs` client and server connections
 * are established and left idle, divided by `pairs`. Both contexts exist
 * and one connection has come and gone before the baseline, so that what
 * is counted is the connections only. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench.h"
#include "rig.h"

struct mem {
    double rss;
    double heap;
};

static int read_mem(struct mem *m)
{
    long pages_total, pages_resident;
    FILE *f = fopen("/proc/self/statm", "r");
    int ok = f && fscanf(f, "%ld %ld", &pages_total, &pages_resident) == 2;
    if (f)
        fclose(f);
    if (!ok) {
        fprintf(stderr, "bench: cannot read /proc/self/statm\n");
        return -1;
    }
    m->rss = (double)pages_resident * (double)sysconf(_SC_PAGESIZE);
    m->heap = (double)mallinfo2().uordblks;
    return 0;
}

/* The client halves stay open in `conns`/`fds` until the caller frees
 * them; the server keeps its own halves. */
static int open_pairs(struct rig *r, long pairs, struct bench_conn **conns,
                      int *fds)
{
    for (long i = 0; i < pairs; i++) {
        conns[i] = rig_connect(r, JOB_KEEP, 0, NULL, &fds[i]);
        if (conns[i] == NULL || rig_read_ack(conns[i]) != 0 ||
            server_wait(&r->server) != 0)
            return -1;
    }
    return 0;
}

static void close_pairs(struct bench_conn **conns, int *fds, long pairs)
{
    for (long i = 0; i < pairs && conns[i] != NULL; i++) {
        tls_conn_free(conns[i]);
        close(fds[i]);
    }
}

int measure_idle(const struct bench_tls_cfg *cfg, long pairs,
                 double *rss_per_pair, double *heap_per_pair)
{
    struct bench_conn **conns = calloc((size_t)pairs, sizeof(*conns));
    int *fds = calloc((size_t)pairs, sizeof(*fds));
    struct rig r;
    if (conns == NULL || fds == NULL || rig_open(&r, cfg, (size_t)pairs)) {
        free(conns);
        free(fds);
        return -1;
    }
    struct mem before, after;
    int rc = rig_handshake_once(&r, NULL, NULL);
    if (rc == 0)
        rc = read_mem(&before);
    if (rc == 0)
        rc = open_pairs(&r, pairs, conns, fds);
    if (rc == 0)
        rc = read_mem(&after);
    close_pairs(conns, fds, pairs);
    rig_close(&r);
    free(conns);
    free(fds);
    if (rc == 0) {
        *rss_per_pair = (after.rss - before.rss) / (double)pairs;
        *heap_per_pair = (after.heap - before.heap) / (double)pairs;
    }
    return rc;
}
