/* Helpers shared by the examples: contexts from the test PKI, loopback
 * sockets, and the one poll() wait that the non-blocking contract needs.
 *
 * Everything here uses the public API only (<unitls/unitls.h>) plus POSIX.
 * The functions are `static inline` so that each example stays one
 * translation unit and an example that does not use one gets no warning. */
#ifndef UNITLS_EXAMPLE_UTIL_H
#define UNITLS_EXAMPLE_UTIL_H

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <unitls/unitls.h>

/* No example waits longer than this for any single event: a stuck peer makes
 * the example fail instead of hanging (CTest has its own TIMEOUT on top). */
#define EXAMPLE_TIMEOUT_MS 10000

/* A client context that trusts the test root and checks the host name. */
static inline unitls_ctx *example_client_ctx(const char *pki_dir)
{
    char path[4096];
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    if (ctx == NULL)
        return NULL;
    snprintf(path, sizeof path, "%s/root-ca.crt", pki_dir);
    if (unitls_ctx_load_verify_file(ctx, path) != UNITLS_OK) {
        fprintf(stderr, "load %s: %s\n", path, unitls_ctx_error(ctx));
        unitls_ctx_free(ctx);
        return NULL;
    }
    return ctx;
}

/* A server context with the test server's chain and key. */
static inline unitls_ctx *example_server_ctx(const char *pki_dir)
{
    char chain[4096], key[4096];
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
    if (ctx == NULL)
        return NULL;
    snprintf(chain, sizeof chain, "%s/server-chain.pem", pki_dir);
    snprintf(key, sizeof key, "%s/server.key", pki_dir);
    if (unitls_ctx_use_certificate_file(ctx, chain, key, NULL) != UNITLS_OK) {
        fprintf(stderr, "load %s: %s\n", chain, unitls_ctx_error(ctx));
        unitls_ctx_free(ctx);
        return NULL;
    }
    return ctx;
}

static inline int example_set_nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL);
    return flags < 0 ? -1 : fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

/* Blocking sockets get a receive and send timeout, so that nothing blocks
 * for ever even where no poll() is involved. */
static inline void example_set_timeouts(int fd)
{
    struct timeval tv = {EXAMPLE_TIMEOUT_MS / 1000, 0};
    (void)setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    (void)setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

/* A listening TCP socket on 127.0.0.1 and a port the kernel picks (so tests
 * never collide); *port receives it. Returns the socket or -1. */
static inline int example_listen(unsigned short *port)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof sa;
    int one = 1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    (void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = 0;
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 ||
        listen(fd, 64) != 0 ||
        getsockname(fd, (struct sockaddr *)&sa, &len) != 0) {
        close(fd);
        return -1;
    }
    *port = ntohs(sa.sin_port);
    return fd;
}

/* A blocking TCP connection to 127.0.0.1:port, with timeouts. */
static inline int example_connect(unsigned short port)
{
    struct sockaddr_in sa;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    example_set_timeouts(fd);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = htons(port);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        perror("connect");
        close(fd);
        return -1;
    }
    return fd;
}

/* The heart of the non-blocking contract (rule 1): a WANT status names what
 * to wait for, whatever the call was. Returns the poll() events for it. */
static inline short example_events_for(int status)
{
    return status == UNITLS_WANT_WRITE ? POLLOUT : POLLIN;
}

/* Waits until `fd` is ready for what `status` (a WANT code) asks. Returns 0
 * when ready, -1 on timeout or error. */
static inline int example_wait(int fd, int status)
{
    struct pollfd p = {fd, example_events_for(status), 0};
    int n;
    do
        n = poll(&p, 1, EXAMPLE_TIMEOUT_MS);
    while (n < 0 && errno == EINTR);
    if (n == 0)
        fprintf(stderr, "timed out waiting for the peer\n");
    return n > 0 ? 0 : -1;
}

#endif
