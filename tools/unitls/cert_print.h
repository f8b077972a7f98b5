/* Printing certificates to stdout, as PEM or as getpeercert() JSON. */
#ifndef UNITLS_CLI_CERT_PRINT_H
#define UNITLS_CLI_CERT_PRINT_H

#include <stddef.h>

#include <unitls/unitls.h>

/* Prints each certificate as PEM, one after the other. Returns EXIT_OK or
 * EXIT_FAILED after reporting under `command`. */
int cert_print_pem(const char *command, const unitls_cert *const *certs,
                   size_t count);

/* Prints the certificates' JSON followed by "\n": the one dict alone when
 * `as_array` is 0 (count must be 1), else a JSON array of dicts.
 * Returns as cert_print_pem(). */
int cert_print_json(const char *command, const unitls_cert *const *certs,
                    size_t count, int as_array);

#endif
