/* I/O helpers for hooks: each records what it saw in the end's outcome. */
#ifndef CONF_IO_H
#define CONF_IO_H

#include <stddef.h>

#include "pair.h"

/* 1 if the end has a connection whose handshake succeeded. */
int end_ok(const struct end *e);

/* Writes all of buf (looping on partial writes); returns the last status. */
int io_write_all(unitls_conn *conn, const void *buf, size_t len);

/* Reads until `len` bytes have arrived or a read does not return data;
 * *got receives the count. Returns the last status. */
int io_read_exact(unitls_conn *conn, void *buf, size_t len, size_t *got);

/* One read of up to 64 bytes: records key=<status>/<nread> and expects
 * `want` with `want_n` bytes. */
void io_expect_read(struct end *e, const char *key, int want, size_t want_n);

/* The peer has sent close_notify: a read returns UNITLS_OK with 0 bytes,
 * unitls_conn_peer_closed() becomes 1, and a second read says the same. */
void io_expect_close_notify(struct end *e);

/* unitls_conn_shutdown() returns UNITLS_OK. */
void io_expect_shutdown(struct end *e, const char *key);

#endif
