/* Plain TCP for the subcommands: parse HOST:PORT, connect, listen on the
 * loopback address, accept. Failures are reported on stderr here, as one
 * line naming UNITLS_E_IO, so callers only return the exit code. */
#ifndef UNITLS_CLI_NET_H
#define UNITLS_CLI_NET_H

#include <stddef.h>

#define NET_HOST_MAX 256
#define NET_ADDRESS_MAX (NET_HOST_MAX + 16)

/* A parsed "HOST:PORT": host without the brackets of "[IPv6]:PORT". */
struct net_target {
    char host[NET_HOST_MAX];
    char port[12];
};

/* Parses "name:port", "192.0.2.1:port" or "[2001:db8::1]:port"; the port is
 * a decimal number from 1 to 65535. Returns 0, or -1 if `text` is not in
 * that form (nothing is reported). */
int net_parse_target(const char *text, struct net_target *target);

/* Parses a decimal port from 0 to 65535. Returns 0 or -1. */
int net_parse_port(const char *text, unsigned *port);

/* Resolves the target with getaddrinfo() and connects a blocking TCP socket
 * to the first address that accepts. Returns the descriptor, or -1 after
 * reporting why under `command`. */
int net_connect(const char *command, const struct net_target *target);

/* Listens on 127.0.0.1:`port` (0: an ephemeral port); *bound_port receives
 * the port in use. Returns the descriptor, or -1 after reporting. */
int net_listen_loopback(const char *command, unsigned port,
                        unsigned *bound_port);

/* Accepts one connection (retrying on EINTR and on a connection that went
 * away before it was accepted). `peer` receives its address as "host:port".
 * Returns the descriptor, or -1 after reporting. */
int net_accept(const char *command, int listener, char *peer,
               size_t peer_size);

/* Switches a descriptor to non-blocking mode. Returns 0, or -1 with errno. */
int net_set_nonblocking(int fd);

#endif
