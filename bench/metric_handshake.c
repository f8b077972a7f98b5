/* Handshakes per second: whole connections (socketpair, both handshakes,
 * the server's one byte, both frees), one after the other. Resumed ones
 * offer the session (ticket) of the previous connection, as a client
 * reconnecting to the same server does. */
#include <stdio.h>

#include "bench.h"
#include "rig.h"

static int timed_loop(struct rig *r, long n, struct bench_session **session,
                      double *seconds)
{
    double t0 = bench_now();
    for (long i = 0; i < n; i++) {
        int resumed = 0;
        if (rig_handshake_once(r, session, &resumed) != 0)
            return -1;
        if (session != NULL && !resumed) {
            fprintf(stderr, "bench: handshake %ld did not resume\n", i);
            return -1;
        }
    }
    *seconds = bench_now() - t0;
    return 0;
}

int measure_handshakes(const struct bench_tls_cfg *cfg, long n, int resume,
                       double *per_s)
{
    struct rig r;
    if (rig_open(&r, cfg, 0) != 0)
        return -1;
    struct bench_session *session = NULL;
    double seconds = 0;
    /* One connection first, untimed: lazy initialisation in the libraries,
     * and the first ticket when resuming. */
    int rc = rig_handshake_once(&r, resume ? &session : NULL, NULL);
    if (rc == 0 && resume && session == NULL) {
        fprintf(stderr, "bench: the server sent no session ticket\n");
        rc = -1;
    }
    if (rc == 0)
        rc = timed_loop(&r, n, resume ? &session : NULL, &seconds);
    tls_session_free(session);
    rig_close(&r);
    if (rc == 0)
        *per_s = seconds > 0 ? (double)n / seconds : 0;
    return rc;
}
