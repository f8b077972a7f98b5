/* The client side shared by fetch-cert and connect: build the context, open
 * the TCP connection, run the handshake. Failures are reported here. */
#ifndef UNITLS_CLI_CLIENT_H
#define UNITLS_CLI_CLIENT_H

#include <unitls/unitls.h>

#include "net.h"
#include "tls_settings.h"

/* Where the client's trust comes from. */
enum client_trust {
    CLIENT_TRUST_NONE,   /* verification NONE: accept any server */
    CLIENT_TRUST_CA,     /* --ca FILE, REQUIRED, host name checked */
    CLIENT_TRUST_SYSTEM  /* the system store, REQUIRED, host name checked */
};

struct client_options {
    struct net_target target;
    const char *server_name; /* --servername; NULL: the target's host */
    enum client_trust trust;
    struct tls_settings tls;
    int ocsp; /* --ocsp: ask for a stapled OCSP response */
    const char *sess_in; /* connect --sess-in FILE: a session to offer */
};

/* An open client connection. */
struct client_session {
    int fd;
    unitls_ctx *ctx;
    unitls_conn *conn;
};

/* Connects and completes the handshake. Returns EXIT_OK with *session
 * filled in, or EXIT_FAILED after reporting (the session is then closed). */
int client_open(const char *command, const struct client_options *options,
                struct client_session *session);

/* Frees the connection and the context and closes the socket. It sends
 * nothing: call unitls_conn_shutdown() first for a clean close. */
void client_close(struct client_session *session);

#endif
