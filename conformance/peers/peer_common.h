/* What the conformance peers (real TLS ends on the system's OpenSSL, run
 * as separate programs) share: alert recording and socket timeouts. */
#ifndef PEER_COMMON_H
#define PEER_COMMON_H

#include <openssl/ssl.h>

enum { PEER_IO_TIMEOUT_SECONDS = 10, PEER_LIST_MAX = 128 };

/* The alerts seen, as "<W|F>:<description>" joined by ","; "" if none. */
struct peer_alerts {
    char recv[PEER_LIST_MAX], sent[PEER_LIST_MAX];
    int fatal_recv; /* a fatal alert has arrived */
};

extern struct peer_alerts peer_alerts;

/* The info callback that fills peer_alerts. */
void peer_on_info(const SSL *ssl, int where, int value);

/* 10 s send and receive timeouts on fd, so that a peer never hangs.
 * Returns 1 on success. */
int peer_set_timeouts(int fd);

/* peer_alerts.recv or .sent, or "none". */
const char *peer_list(const char *list);

#endif
