/* bench-unitls / bench-raw: one process, a client (this thread) and a
 * server (a second thread) over socketpair(), TLS 1.3, measuring what
 * bench.h lists. One line per metric:
 *   provider=openssl impl=unitls metric=full_handshakes_per_s value=1234.5
 * or one JSON object with --json. */
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>

#include "bench.h"

/* Room for --pairs connections: two descriptors each. */
static void raise_fd_limit(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

static void print_value(const struct bench_value *v, int json, int first)
{
    if (json) {
        printf("%s\n    \"%s\": ", first ? "" : ",", v->name);
        if (v->unsupported || v->failed)
            printf("\"%s\"", v->unsupported ? "unsupported" : "failed");
        else
            printf("%.1f", v->value);
        return;
    }
    printf("provider=%s impl=%s metric=%s value=", tls_provider_name(),
           tls_impl_name(), v->name);
    if (v->unsupported || v->failed)
        printf("%s\n", v->unsupported ? "unsupported" : "failed");
    else
        printf("%.1f\n", v->value);
    fflush(stdout);
}

static void print_about(int json)
{
    if (json)
        printf("{\"provider\": \"%s\", \"impl\": \"%s\", \"backend\": \"%s\"}\n",
               tls_provider_name(), tls_impl_name(), tls_backend_version());
    else
        printf("provider=%s impl=%s backend=\"%s\"\n", tls_provider_name(),
               tls_impl_name(), tls_backend_version());
}

int main(int argc, char **argv)
{
    struct bench_opts o;
    int rc = bench_parse(argc, argv, &o);
    if (rc != 0)
        return rc < 0 ? 2 : 0;
    if (o.about) {
        print_about(o.json);
        return 0;
    }
    signal(SIGPIPE, SIG_IGN); /* a peer that fails closes its socket */
    raise_fd_limit();
    if (o.json)
        printf("{\n  \"provider\": \"%s\",\n  \"impl\": \"%s\",\n"
               "  \"backend\": \"%s\",\n  \"metrics\": {",
               tls_provider_name(), tls_impl_name(), tls_backend_version());
    int failed = 0, printed = 0;
    for (int m = 0; m < M_COUNT; m++) {
        if (o.only >= 0 && o.only != m)
            continue;
        struct bench_value v[2] = {{0}};
        int n = bench_run_metric((enum bench_metric)m, &o, v);
        for (int i = 0; i < n; i++) {
            print_value(&v[i], o.json, printed++ == 0);
            failed |= v[i].failed;
        }
    }
    if (o.json)
        printf("\n  }\n}\n");
    return failed ? 1 : 0;
}
