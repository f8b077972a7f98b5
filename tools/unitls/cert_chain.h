/* A certificate chain read from a file: every certificate of a PEM file, in
 * order, or the one certificate of a DER file. */
#ifndef UNITLS_CLI_CERT_CHAIN_H
#define UNITLS_CLI_CERT_CHAIN_H

#include <stddef.h>

#include <unitls/unitls.h>

struct cert_chain {
    unitls_cert **list;  /* the PEM file's certificates, or NULL */
    unitls_cert *single; /* the DER file's certificate, or NULL */
    size_t count;
};

/* 1 if data holds a PEM block marker: such a file is read as PEM, anything
 * else as DER (as the library tells them apart). */
int looks_like_pem(const unsigned char *data, size_t len);

/* Reads `path` into *chain. Returns UNITLS_OK; UNITLS_E_FILE (*error_number
 * receives the errno value: the file cannot be read, or EFBIG when it is too
 * large); UNITLS_E_PARSE (a PEM file without a well-formed CERTIFICATE block,
 * or a file that is neither PEM nor one DER certificate); UNITLS_E_NOMEM.
 * On failure *chain is empty. */
int cert_chain_load(const char *path, struct cert_chain *chain,
                    int *error_number);

/* The certificates, leaf first: `chain->count` of them. Borrowed. */
const unitls_cert *const *cert_chain_items(const struct cert_chain *chain);

/* Frees the certificates; *chain is empty afterwards. */
void cert_chain_free(struct cert_chain *chain);

#endif
