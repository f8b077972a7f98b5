/* PEM (RFC 7468) blocks: "-----BEGIN LABEL-----", base64,
 * "-----END LABEL-----". */
#ifndef UT_PEM_H
#define UT_PEM_H

#include <stddef.h>

#include "blob.h"

/* Decodes every PEM block labelled `label` (e.g. "CERTIFICATE") in
 * text[0..len) into DER, appended to *out. BEGIN and END lines must start a
 * line; text before, between and after blocks (and blocks with other labels)
 * is ignored; CRLF line endings are accepted. Returns UNITLS_OK (zero blocks
 * found is OK: check out->count), UNITLS_E_PARSE on bad base64 or a BEGIN
 * without END, UNITLS_E_NOMEM. On failure *out keeps the blocks it held
 * before the call plus any decoded so far. */
int ut_pem_decode_all(const char *text, size_t len, const char *label,
                      struct ut_blob_list *out);

/* Decodes only the first block labelled `label`; what follows it is not
 * looked at. *der is malloc'ed. Returns UNITLS_OK, UNITLS_E_PARSE (no such
 * block, bad base64, no END line) or UNITLS_E_NOMEM. */
int ut_pem_decode_first(const char *text, size_t len, const char *label,
                        unsigned char **der, size_t *der_len);

/* Returns 1 if data contains "-----BEGIN " (i.e. is PEM, not DER), else 0. */
int ut_is_pem(const void *data, size_t len);

/* Encodes DER as a PEM block with 64-column lines and "\n" line ends. *out
 * is NUL-terminated and malloc'ed; *out_len (may be NULL) its length without
 * the NUL. Returns UNITLS_OK or UNITLS_E_NOMEM (*out is then NULL). */
int ut_pem_encode(const char *label, const unsigned char *der, size_t len,
                  char **out, size_t *out_len);

#endif
