/* A client and a server of unitls talking through callback I/O
 * (unitls_conn_set_io) over two in-memory byte streams, both driven from
 * the calling thread. Every byte each end wrote is kept, so a case can
 * read what went over the wire (the ClientHello, an application record).
 * Deterministic: the streams never block, and every loop is bounded. */
#ifndef CONF_MEMLINK_H
#define CONF_MEMLINK_H

#include <stddef.h>

#include <unitls/unitls.h>

/* One direction: everything written, and how much of it was read. */
struct mem_stream {
    unsigned char *buf;
    size_t len, cap, read;
};

/* One end's view: what it reads from, what it writes to. */
struct mem_io {
    struct mem_stream *in, *out;
};

struct memlink {
    struct mem_stream c2s, s2c;
    struct mem_io client_io, server_io;
    unitls_conn *client, *server;
    int client_hs, server_hs; /* the last handshake statuses */
};

/* The usual contexts: a client trusting root-ca.crt (checks "localhost"),
 * a server with server-chain.pem / server.key. NULL on failure. */
unitls_ctx *memlink_client_ctx(void);
unitls_ctx *memlink_server_ctx(void);

/* Makes one connection of each context, attached to the streams (the
 * client's server name "localhost"). Returns 0, or -1 (then call
 * memlink_free anyway). */
int memlink_open(struct memlink *l, unitls_ctx *client, unitls_ctx *server);

/* Drives both handshakes until neither wants more (a bounded number of
 * rounds); the statuses are left in client_hs / server_hs (a WANT there
 * means the pair got stuck). Returns 1 when both succeeded. */
int memlink_handshake(struct memlink *l);

/* Writes `len` bytes from the client and reads them on the server (one
 * record each way is enough for a few bytes). Returns 1 when the server
 * read exactly those bytes. */
int memlink_client_send(struct memlink *l, const void *data, size_t len);

/* Frees both connections and the streams. */
void memlink_free(struct memlink *l);

/* The 32-byte random of the ClientHello the client sent first (in the
 * first record of c2s), or NULL when the stream does not start with one. */
const unsigned char *memlink_client_random(const struct memlink *l);

/* 1 when the client's first ClientHello carries the extension `type`
 * (5: status_request), 0 when not, -1 when it cannot be read. */
int memlink_hello_has_extension(const struct memlink *l, unsigned type);

/* TLS 1.2: 1 when the server's plaintext handshake flight holds a message
 * of `type` (22: CertificateStatus), 0 when not, -1 when it cannot be
 * read. */
int memlink_server_flight_has(const struct memlink *l, unsigned type);

#endif
