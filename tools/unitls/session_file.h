/* connect --sess-in / --sess-out: a client session kept in a file between
 * runs (unitls_session_to_bytes / _from_bytes). Failures are reported
 * here; callers only return the exit code. */
#ifndef UNITLS_CLI_SESSION_FILE_H
#define UNITLS_CLI_SESSION_FILE_H

#include <unitls/unitls.h>

/* Reads the session in `path` and offers it on `conn` (before the
 * handshake). Returns EXIT_OK, or EXIT_FAILED after reporting: the file
 * cannot be read, is no session, or belongs to another server. */
int session_file_offer(const char *command, const char *path,
                       unitls_conn *conn);

/* Writes the session of `conn` (after the server's data was read) to
 * `path`, created with mode 0600 (it holds the session's secret). Returns
 * EXIT_OK or EXIT_FAILED after reporting. */
int session_file_save(const char *command, const char *path,
                      unitls_conn *conn);

#endif
