/* OCSP stapling on the command line: serve --ocsp-response FILE,
 * connect --ocsp. Failures are reported on stderr here. */
#ifndef UNITLS_CLI_OCSP_SETTINGS_H
#define UNITLS_CLI_OCSP_SETTINGS_H

#include <stdio.h>

#include <unitls/unitls.h>

/* Servers: staples the DER OCSP response read from `path` (NULL: none).
 * Returns EXIT_OK or EXIT_FAILED. */
int ocsp_staple_file(const char *command, unitls_ctx *ctx, const char *path);

/* Clients: asks for a stapled response when `on`. Returns EXIT_OK or
 * EXIT_FAILED. */
int ocsp_request(const char *command, unitls_ctx *ctx, int on);

/* Prints "ocsp: <N> bytes (not validated)" or "ocsp: (none stapled)". */
void ocsp_print(FILE *out, const unitls_conn *conn);

#endif
