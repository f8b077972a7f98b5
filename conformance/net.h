/* Transports for the pair harness: a connected pair of stream sockets, and
 * raw socket I/O for ends that do not speak TLS. Every descriptor made here
 * has SO_RCVTIMEO / SO_SNDTIMEO set, so no call can block forever. Raw writes
 * use MSG_NOSIGNAL: the suite itself never raises SIGPIPE, and it does not
 * ignore SIGPIPE either, so a SIGPIPE from the library kills the test. */
#ifndef CONF_NET_H
#define CONF_NET_H

#include <stddef.h>
#include <sys/types.h>

/* fds[0] is the client's end, fds[1] the server's. Return 0 or -1. */
int net_socketpair(int fds[2]);
int net_tcp_pair(int fds[2]);   /* over 127.0.0.1, ephemeral port */

/* Sends all of buf; returns 0, or -1 on error. */
int net_send_all(int fd, const void *buf, size_t len);

/* One recv(); returns its result. */
ssize_t net_recv_some(int fd, void *buf, size_t len);

/* Reads until EOF, an error or the timeout; returns the byte count. */
size_t net_drain(int fd);

#endif
