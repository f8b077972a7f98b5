/* Turning user input (PEM or DER bytes) into a list of DER certificates. */
#ifndef UT_CERTS_INPUT_H
#define UT_CERTS_INPUT_H

#include <stddef.h>

#include "blob.h"

/* Appends the certificates in data[0..len) to *out: every CERTIFICATE block
 * when the data is PEM, else the data itself as one DER certificate.
 * Returns UNITLS_OK; UNITLS_E_PARSE when there is no certificate or the PEM
 * is malformed; UNITLS_E_NOMEM. */
int ut_certs_from_buffer(const void *data, size_t len,
                         struct ut_blob_list *out);

#endif
