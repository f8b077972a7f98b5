/* consumer: a small TLS client built outside the unitls tree, against an
 * installed unitls, the way any program would use it.
 *
 *   consumer HOST PORT CA_FILE [SERVER_NAME]
 *
 * Connects to HOST:PORT, verifies the server against the CAs in CA_FILE for
 * SERVER_NAME (default HOST), sends one line, reads it back (the server is an
 * echo server such as `unitls serve`), closes with close_notify both ways and
 * prints what it saw. Exit status 0 on success, 1 on any failure.
 *
 * It also checks that the header it was compiled with and the library it
 * runs with agree on the provider and the version: with several providers
 * installed side by side, that is what picking one when linking means. */
#define _POSIX_C_SOURCE 200809L

#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <unitls/unitls.h>

static const char message[] = "hello from the consumer\n";

/* A connected TCP socket to host:port, or -1. Reads and writes time out
 * after 10 seconds, so a silent server cannot hang the program. */
static int tcp_connect(const char *host, const char *port)
{
    struct addrinfo hints, *addrs, *a;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    int rc = getaddrinfo(host, port, &hints, &addrs);
    if (rc != 0) {
        fprintf(stderr, "consumer: %s:%s: %s\n", host, port, gai_strerror(rc));
        return -1;
    }
    int fd = -1;
    for (a = addrs; a != NULL && fd < 0; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (fd < 0)
            continue;
        if (connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(addrs);
    if (fd < 0) {
        perror("consumer: connect");
        return -1;
    }
    struct timeval timeout = {10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    return fd;
}

/* The header (compile time) and the library (run time) must be the same
 * unitls: same provider, same major version. */
static int check_build_matches_library(void)
{
    if (strcmp(UNITLS_PROVIDER_NAME, unitls_provider_name()) != 0) {
        fprintf(stderr,
                "consumer: compiled against unitls for %s but running with "
                "the %s library\n",
                UNITLS_PROVIDER_NAME, unitls_provider_name());
        return -1;
    }
    char major[16];
    snprintf(major, sizeof major, "%d.", UNITLS_VERSION_MAJOR);
    if (strncmp(unitls_version(), major, strlen(major)) != 0) {
        fprintf(stderr, "consumer: compiled against unitls %s, running %s\n",
                UNITLS_VERSION_STRING, unitls_version());
        return -1;
    }
    return 0;
}

static void print_verify_errors(const unitls_conn *conn)
{
    for (size_t i = 0; i < unitls_conn_verify_error_count(conn); i++) {
        int depth;
        unitls_verify_error e = unitls_conn_verify_error(conn, i, &depth, NULL);
        fprintf(stderr, "  %s at depth %d\n", unitls_verify_error_name(e),
                depth);
    }
}

/* Sends the message, reads until it has come back, then closes both ways.
 * Returns 0 on success. */
static int echo_once(unitls_conn *conn)
{
    size_t n;
    int rc = unitls_conn_write(conn, message, strlen(message), &n);
    if (rc != UNITLS_OK) {
        fprintf(stderr, "consumer: write: %s: %s\n", unitls_status_name(rc),
                unitls_conn_error(conn));
        return -1;
    }
    char reply[256];
    size_t got = 0;
    while (got < strlen(message)) {
        rc = unitls_conn_read(conn, reply + got, sizeof reply - 1 - got, &n);
        if (rc != UNITLS_OK || n == 0) {
            fprintf(stderr, "consumer: read: %s: %s\n",
                    rc == UNITLS_OK ? "closed early" : unitls_status_name(rc),
                    unitls_conn_error(conn));
            return -1;
        }
        got += n;
    }
    reply[got] = '\0';
    if (strcmp(reply, message) != 0) {
        fprintf(stderr, "consumer: the echo differs: '%s'\n", reply);
        return -1;
    }
    printf("echo: %s", reply);

    rc = unitls_conn_shutdown(conn);
    if (rc != UNITLS_OK) {
        fprintf(stderr, "consumer: shutdown: %s: %s\n", unitls_status_name(rc),
                unitls_conn_error(conn));
        return -1;
    }
    /* The server answers our close_notify with its own. */
    do {
        rc = unitls_conn_read(conn, reply, sizeof reply, &n);
    } while (rc == UNITLS_OK && n > 0);
    if (rc != UNITLS_OK) {
        fprintf(stderr, "consumer: waiting for close_notify: %s: %s\n",
                unitls_status_name(rc), unitls_conn_error(conn));
        return -1;
    }
    printf("closed: close_notify both ways\n");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: consumer HOST PORT CA_FILE [SERVER_NAME]\n");
        return 1;
    }
    const char *host = argv[1], *port = argv[2], *ca_file = argv[3];
    const char *server_name = argc == 5 ? argv[4] : host;

    printf("unitls %s, provider %s (%s)\n", unitls_version(),
           unitls_provider_name(), unitls_provider_version());
    if (check_build_matches_library() != 0)
        return 1;

    int status = 1, fd = -1;
    unitls_conn *conn = NULL;
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    if (ctx == NULL) {
        fprintf(stderr, "consumer: unitls_ctx_new failed\n");
        return 1;
    }
    int rc = unitls_ctx_load_verify_file(ctx, ca_file);
    if (rc != UNITLS_OK) {
        fprintf(stderr, "consumer: %s: %s: %s\n", ca_file,
                unitls_status_name(rc), unitls_ctx_error(ctx));
        goto out;
    }
    fd = tcp_connect(host, port);
    if (fd < 0)
        goto out;
    conn = unitls_conn_new(ctx);
    if (conn == NULL || unitls_conn_set_fd(conn, fd) != UNITLS_OK ||
        unitls_conn_set_server_name(conn, server_name) != UNITLS_OK) {
        fprintf(stderr, "consumer: cannot set up the connection: %s\n",
                unitls_conn_error(conn));
        goto out;
    }
    rc = unitls_conn_handshake(conn);
    if (rc != UNITLS_OK) {
        fprintf(stderr, "consumer: handshake: %s: %s\n",
                unitls_status_name(rc), unitls_conn_error(conn));
        print_verify_errors(conn);
        goto out;
    }
    printf("handshake: %s %s, server verified as %s\n",
           unitls_conn_version(conn), unitls_conn_cipher(conn), server_name);
    if (echo_once(conn) == 0)
        status = 0;
out:
    unitls_conn_free(conn);
    unitls_ctx_free(ctx);
    if (fd >= 0)
        close(fd);
    return status;
}
