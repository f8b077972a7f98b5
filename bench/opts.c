/* Command-line options; see usage(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#ifndef BENCH_PKI_DIR
#define BENCH_PKI_DIR "conformance/pki"
#endif

static const char *const metric_names[M_COUNT] = {
    "full_handshakes", "full_handshakes_rsa", "resumed_handshakes",
    "bulk_aes128gcm",  "bulk_chacha20",       "idle_memory",
};

const char *bench_metric_name(enum bench_metric m) { return metric_names[m]; }

static void usage(FILE *out, const char *prog)
{
    fprintf(out,
            "usage: %s [--metric NAME] [--handshakes N] [--bytes N] "
            "[--pairs N] [--json] [--pki DIR] [--about]\n"
            "  --metric NAME   one metric only: full_handshakes, "
            "full_handshakes_rsa,\n"
            "                  resumed_handshakes, bulk_aes128gcm, "
            "bulk_chacha20, idle_memory\n"
            "  --handshakes N  connections per handshake metric "
            "(default 1000)\n"
            "  --bytes N       bytes per bulk metric (default 268435456)\n"
            "  --pairs N       idle connection pairs (default 1000)\n"
            "  --json          one JSON object instead of one line per "
            "metric\n"
            "  --pki DIR       the test PKI (default %s)\n"
            "  --about         print the implementation and backend only\n",
            prog, BENCH_PKI_DIR);
}

/* A metric group by name; a metric's own output name (its group name plus
 * a unit suffix, "full_handshakes_per_s") is accepted too. */
static int metric_by_name(const char *name)
{
    int best = -1;
    size_t best_len = 0;
    for (int m = 0; m < M_COUNT; m++) {
        size_t len = strlen(metric_names[m]);
        if (strncmp(name, metric_names[m], len) == 0 &&
            (name[len] == '\0' || name[len] == '_') && len > best_len) {
            best = m;
            best_len = len;
        }
    }
    if (best == M_IDLE || strcmp(name, "idle_rss_bytes_per_pair") == 0 ||
        strcmp(name, "idle_heap_bytes_per_pair") == 0)
        return M_IDLE;
    return best;
}

static int number(const char *opt, const char *arg, long long *out)
{
    char *end;
    long long v = arg ? strtoll(arg, &end, 10) : 0;
    if (arg == NULL || *arg == '\0' || *end != '\0' || v <= 0) {
        fprintf(stderr, "%s needs a positive number\n", opt);
        return -1;
    }
    *out = v;
    return 0;
}

static int option(struct bench_opts *o, const char *opt, const char *arg,
                  int *used)
{
    long long v = 0;
    *used = 1;
    if (strcmp(opt, "--metric") == 0) {
        o->only = arg ? metric_by_name(arg) : -1;
        if (o->only < 0)
            fprintf(stderr, "unknown metric %s\n", arg ? arg : "(none)");
        return o->only < 0 ? -1 : 0;
    }
    if (strcmp(opt, "--pki") == 0) {
        o->pki = arg;
        return arg ? 0 : -1;
    }
    if (strcmp(opt, "--handshakes") == 0 || strcmp(opt, "--pairs") == 0 ||
        strcmp(opt, "--bytes") == 0) {
        if (number(opt, arg, &v) != 0)
            return -1;
        if (opt[2] == 'h')
            o->handshakes = (long)v;
        else if (opt[2] == 'p')
            o->pairs = (long)v;
        else
            o->bytes = v;
        return 0;
    }
    *used = 0;
    if (strcmp(opt, "--json") == 0)
        return o->json = 1, 0;
    if (strcmp(opt, "--about") == 0)
        return o->about = 1, 0;
    fprintf(stderr, "unknown option %s\n", opt);
    return -1;
}

int bench_parse(int argc, char **argv, struct bench_opts *o)
{
    *o = (struct bench_opts){.only = -1,
                             .handshakes = 1000,
                             .bytes = 256LL << 20,
                             .pairs = 1000,
                             .pki = BENCH_PKI_DIR};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout, argv[0]);
            return 1;
        }
        int used = 0;
        if (option(o, argv[i], i + 1 < argc ? argv[i + 1] : NULL, &used)) {
            usage(stderr, argv[0]);
            return -1;
        }
        i += used;
    }
    return 0;
}
