/* Each metric group: its configuration (certificate, suite, tickets) and
 * the names and units of the values it yields. */
#include <stdio.h>
#include <time.h>

#include "bench.h"

enum { PATH_MAX_BENCH = 1024 };

struct pki_paths {
    char ca[PATH_MAX_BENCH], chain[PATH_MAX_BENCH], key[PATH_MAX_BENCH];
};

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The client trusts the root only; the server sends leaf + intermediate.
 * `leaf` is "server" (ECDSA P-256) or "server-rsa" (RSA-2048). */
static void pki_paths(struct pki_paths *p, const char *dir, const char *leaf)
{
    snprintf(p->ca, sizeof(p->ca), "%s/root-ca.crt", dir);
    snprintf(p->chain, sizeof(p->chain), "%s/%s-chain.pem", dir, leaf);
    snprintf(p->key, sizeof(p->key), "%s/%s.key", dir, leaf);
}

static void config(struct bench_tls_cfg *cfg, const struct pki_paths *p)
{
    *cfg = (struct bench_tls_cfg){.ca_file = p->ca,
                                  .chain_file = p->chain,
                                  .key_file = p->key,
                                  .host = "localhost"};
}

static int handshakes(enum bench_metric m, const struct bench_opts *o,
                      struct bench_value *out)
{
    static const char *const names[] = {"full_handshakes_per_s",
                                        "full_handshakes_rsa_per_s",
                                        "resumed_handshakes_per_s"};
    struct pki_paths p;
    struct bench_tls_cfg cfg;
    pki_paths(&p, o->pki, m == M_FULL_RSA ? "server-rsa" : "server");
    config(&cfg, &p);
    cfg.tickets = m == M_RESUMED;
    out->name = names[m - M_FULL];
    if (m == M_RESUMED && !tls_can_resume()) {
        out->unsupported = 1;
        return 1;
    }
    out->failed = measure_handshakes(&cfg, o->handshakes, m == M_RESUMED,
                                     &out->value) != 0;
    return 1;
}

static int bulk(enum bench_metric m, const struct bench_opts *o,
                struct bench_value *out)
{
    struct pki_paths p;
    struct bench_tls_cfg cfg;
    pki_paths(&p, o->pki, "server");
    config(&cfg, &p);
    cfg.suite = m == M_BULK_AES ? "TLS_AES_128_GCM_SHA256"
                                : "TLS_CHACHA20_POLY1305_SHA256";
    out->name = m == M_BULK_AES ? "bulk_aes128gcm_mb_per_s"
                                : "bulk_chacha20_mb_per_s";
    out->failed = measure_bulk(&cfg, o->bytes, &out->value,
                               &out->unsupported) != 0 &&
                  !out->unsupported;
    return 1;
}

static int idle(const struct bench_opts *o, struct bench_value *out)
{
    struct pki_paths p;
    struct bench_tls_cfg cfg;
    pki_paths(&p, o->pki, "server");
    config(&cfg, &p);
    out[0].name = "idle_rss_bytes_per_pair";
    out[1].name = "idle_heap_bytes_per_pair";
    int failed = measure_idle(&cfg, o->pairs, &out[0].value,
                              &out[1].value) != 0;
    out[0].failed = out[1].failed = failed;
    return 2;
}

int bench_run_metric(enum bench_metric m, const struct bench_opts *o,
                     struct bench_value *out)
{
    switch (m) {
    case M_FULL:
    case M_FULL_RSA:
    case M_RESUMED:
        return handshakes(m, o, out);
    case M_BULK_AES:
    case M_BULK_CHACHA:
        return bulk(m, o, out);
    case M_IDLE:
    default:
        return idle(o, out);
    }
}
