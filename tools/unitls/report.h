/* Error reporting: every failure is one line on stderr that starts with
 * "unitls: COMMAND: " and names the unitls status, for example
 *   unitls: fetch-cert: certificate verification failed (UNITLS_E_VERIFY): ...
 * Verification problems follow as extra lines, one per error. */
#ifndef UNITLS_CLI_REPORT_H
#define UNITLS_CLI_REPORT_H

#include <unitls/unitls.h>

#include "args.h"

/* Prints "unitls: COMMAND: [WHAT: ]<strerror> (<NAME>)[: DETAIL]".
 * `what` and `detail` may be NULL or empty; line breaks in them are turned
 * into spaces so the report stays one line. */
void report_status(const char *command, const char *what, int status,
                   const char *detail);

/* Prints "unitls: COMMAND: <message>" for failures that have no unitls
 * status (a name that does not resolve, a refused connection). */
void report_error(const char *command, const char *format, ...)
    CLI_PRINTF(2, 3);

/* Prints one line per verification error recorded on `conn`:
 *   unitls: verify error: hostname_mismatch at depth 0 (description) */
void report_verify_errors(const unitls_conn *conn);

/* Reports a failed handshake, read, write or shutdown on `conn`: the status
 * line with unitls_conn_error() as detail, then the verification errors. */
void report_conn_failure(const char *command, const char *what, int status,
                         const unitls_conn *conn);

/* Reports a failed context call with unitls_ctx_error() as detail. */
void report_ctx_failure(const char *command, const char *what, int status,
                        const unitls_ctx *ctx);

#endif
