/* The benchmark harness: options, the metrics and their results. Shared by
 * bench-unitls and bench-raw, which differ only in their TLS ops
 * (tls_ops.h). */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stddef.h>

#include "tls_ops.h"

/* A group of metrics that --metric selects by name. */
enum bench_metric {
    M_FULL,       /* full_handshakes: ECDSA P-256 certificate */
    M_FULL_RSA,   /* full_handshakes_rsa: RSA-2048 certificate */
    M_RESUMED,    /* resumed_handshakes: TLS 1.3 session tickets */
    M_BULK_AES,   /* bulk_aes128gcm */
    M_BULK_CHACHA,/* bulk_chacha20 */
    M_IDLE,       /* idle_memory: RSS and heap per established pair */
    M_COUNT
};

struct bench_opts {
    int only;            /* a bench_metric, or -1 for all */
    int json;            /* --json: one JSON object instead of lines */
    int about;           /* --about: the implementation and backend only */
    long handshakes;     /* per handshake metric */
    long long bytes;     /* per bulk metric */
    long pairs;          /* for idle_memory */
    const char *pki;     /* directory of the test PKI */
};

/* One measured value; `unsupported` when this implementation cannot do
 * the metric, `failed` when it went wrong (the reason is on stderr). */
struct bench_value {
    const char *name;
    double value;
    int unsupported;
    int failed;
};

/* Parses argv; returns 0, 1 after --help, or -1 on a bad option. */
int bench_parse(int argc, char **argv, struct bench_opts *o);
/* The group's name for --metric, as "full_handshakes". */
const char *bench_metric_name(enum bench_metric m);

/* Runs one group, storing up to 2 values; returns how many. */
int bench_run_metric(enum bench_metric m, const struct bench_opts *o,
                     struct bench_value *out);

/* The measurements (metric_*.c). Each returns 0 on success. */
int measure_handshakes(const struct bench_tls_cfg *cfg, long n, int resume,
                       double *per_s);
int measure_bulk(const struct bench_tls_cfg *cfg, long long bytes,
                 double *mb_per_s, int *unsupported);
int measure_idle(const struct bench_tls_cfg *cfg, long pairs,
                 double *rss_per_pair, double *heap_per_pair);

/* Seconds on a monotonic clock. */
double bench_now(void);

#endif
