/* One connection of `unitls serve`: handshake, echo, close. */
#ifndef UNITLS_CLI_ECHO_SERVER_H
#define UNITLS_CLI_ECHO_SERVER_H

#include <unitls/unitls.h>

/* Runs a blocking TLS handshake on the accepted socket `fd`, then echoes
 * what the client sends until it closes (close_notify or EOF), then sends
 * close_notify. Logs the outcome to stderr, naming the client by `peer`.
 * Does not close `fd`. Returns 1 if the handshake succeeded, else 0. */
int echo_serve_connection(const char *command, unitls_ctx *ctx, int fd,
                          const char *peer);

#endif
