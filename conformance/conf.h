/* The suite's run-time configuration, set once by main() before any test
 * runs (Check forks each test, so the children inherit it). */
#ifndef CONF_CONF_H
#define CONF_CONF_H

struct conf {
    const char *pki_dir;   /* conformance/pki */
    const char *results;   /* results-<provider>.txt, or NULL: do not record */
    const char *provider;  /* the provider CMake built: "openssl", ... */
};

extern struct conf conf;

/* Every case waits at most this long for a peer or a socket: SO_RCVTIMEO /
 * SO_SNDTIMEO and the bounded join of the server thread. Check's own
 * per-test timeout (CASE_TIMEOUT) is only a safety net above it. */
#define IO_TIMEOUT_SECONDS 10
#define JOIN_TIMEOUT_SECONDS 30
#define CASE_TIMEOUT_SECONDS 60

#endif
