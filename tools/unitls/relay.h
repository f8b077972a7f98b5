/* The data phase of `unitls connect`: stdin to the server, the server to
 * stdout, until the server closes. */
#ifndef UNITLS_CLI_RELAY_H
#define UNITLS_CLI_RELAY_H

#include <unitls/unitls.h>

/* Relays over `conn` (handshake done) on socket `sock`, which it switches to
 * non-blocking mode. At stdin EOF it sends close_notify and keeps reading
 * until the server closes. Returns EXIT_OK when the server closed cleanly
 * (close_notify, or a bare EOF after our close_notify), else EXIT_FAILED
 * after reporting under `command`. With `hold_for_session`, close_notify
 * also waits until the connection's session is available or the server's
 * first data has arrived (connect --sess-out: tickets arriving after
 * close_notify are not kept). */
int relay_run(const char *command, unitls_conn *conn, int sock,
              int hold_for_session);

#endif
