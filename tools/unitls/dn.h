/* Distinguished names on one line, for logs: "C=XY, O=unitls test,
 * CN=localhost" (RFC 4514 short names, in certificate order). */
#ifndef UNITLS_CLI_DN_H
#define UNITLS_CLI_DN_H

#include <stdio.h>

#include <unitls/unitls.h>

/* Prints the subject or issuer of `cert`. Attributes of a multi-valued RDN
 * are joined with " + "; ',', '+' and '\\' in values are escaped with '\\'
 * and control bytes are shown as \xHH, so a name can never break the line. */
void dn_print(FILE *out, const unitls_cert *cert, unitls_cert_name which);

#endif
