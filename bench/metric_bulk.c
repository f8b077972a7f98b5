/* Bulk throughput: one connection, the client writes `bytes` in 16 KiB
 * writes, the server reads them all and answers one byte; timed from the
 * first write to that byte. MB/s are 10^6 bytes per second. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "rig.h"

enum { WRITE_SIZE = 16384 };

static int write_all(struct bench_conn *c, long long bytes)
{
    static char buf[WRITE_SIZE];
    memset(buf, 'x', sizeof(buf));
    while (bytes > 0) {
        size_t n = bytes < WRITE_SIZE ? (size_t)bytes : WRITE_SIZE;
        if (tls_write(c, buf, n) != 0)
            return -1;
        bytes -= (long long)n;
    }
    return 0;
}

static int check_suite(struct bench_conn *c, const char *want)
{
    const char *got = tls_cipher(c);
    if (got != NULL && strcmp(got, want) == 0)
        return 0;
    fprintf(stderr, "bench: negotiated %s instead of %s\n",
            got ? got : "(none)", want);
    return -1;
}

/* Where the suite cannot be forced, the defaults may still negotiate it
 * (BoringSSL picks AES-128-GCM first on CPUs with AES instructions): one
 * untimed connection tells. Sets *unsupported if they do not. */
static int probe_default(struct rig *r, const char *want, int *unsupported)
{
    int fd;
    struct bench_conn *c = rig_connect(r, JOB_HANDSHAKE, 0, NULL, &fd);
    if (c == NULL)
        return -1;
    const char *got = tls_cipher(c);
    *unsupported = got == NULL || strcmp(got, want) != 0;
    if (*unsupported)
        fprintf(stderr, "bench: %s cannot be forced, and the defaults "
                        "negotiate %s\n", want, got ? got : "(none)");
    return rig_finish(r, c, fd, 0, 0);
}

static int timed_transfer(struct rig *r, const char *want, long long bytes,
                          double *seconds)
{
    int fd;
    struct bench_conn *c = rig_connect(r, JOB_BULK, bytes, NULL, &fd);
    if (c == NULL)
        return -1;
    int rc = check_suite(c, want);
    double t0 = bench_now();
    if (rc == 0)
        rc = write_all(c, bytes) == 0 ? rig_read_ack(c) : -1;
    *seconds = bench_now() - t0;
    return rig_finish(r, c, fd, 1, rc);
}

int measure_bulk(const struct bench_tls_cfg *cfg, long long bytes,
                 double *mb_per_s, int *unsupported)
{
    struct bench_tls_cfg forced = *cfg;
    const char *want = cfg->suite;
    *unsupported = 0;
    if (!tls_can_force_suite())
        forced.suite = NULL;
    struct rig r;
    if (rig_open(&r, &forced, 0) != 0)
        return -1;
    double seconds = 0;
    int rc = forced.suite ? 0 : probe_default(&r, want, unsupported);
    if (rc == 0 && !*unsupported)
        rc = timed_transfer(&r, want, bytes, &seconds);
    rig_close(&r);
    if (rc == 0 && !*unsupported)
        *mb_per_s = seconds > 0 ? (double)bytes / 1e6 / seconds : 0;
    return rc;
}
