/* The committed test PKI (conformance/pki) and small helpers over it. */
#ifndef CONF_PKI_H
#define CONF_PKI_H

#include <stddef.h>
#include <stdint.h>

#include <unitls/unitls.h>

/* A path, returned by value so that threads need no shared buffer:
 * unitls_cert_load_file(pki_path("server.crt").s, &cert). */
struct path {
    char s[1024];
};

/* conf.pki_dir + "/" + name. */
struct path pki_path(const char *name);

/* Reads a whole file (pki_read: a file of the PKI directory) into
 * a NUL-terminated buffer the caller frees with free(); NULL on failure. */
char *read_file(const char *path, size_t *len);
char *pki_read(const char *name, size_t *len);

/* <dir>/expected/<stem>.json without its trailing newline; free() it.
 * pki_expected_json reads it from the PKI directory. */
char *expected_json_in(const char *dir, const char *stem);
char *pki_expected_json(const char *stem);

struct outcome;
/* Loads <dir>/<stem>.crt, recording its status as "load" (expecting
 * UNITLS_OK); NULL on failure. The caller frees the certificate. */
unitls_cert *load_crt_in(struct outcome *o, const char *dir,
                         const char *stem);
/* Checks that every *.crt file in `dir` has a case (listed(file) != 0):
 * records crt_files=<found> expecting `want`, and a failure per file
 * without one. */
void check_every_crt_listed(struct outcome *o, const char *dir,
                            int (*listed)(const char *file), size_t want);

/* The value of the last commonName of a certificate's subject, into buf
 * ("-" for a NULL certificate, "" when there is none). */
void cert_cn(const unitls_cert *cert, char *buf, size_t size);

/* The commonNames of the connection's verified chain (verified != 0) or of
 * the chain the peer sent, leaf first, as "leaf<intermediate<root" ("-"
 * when it is empty). */
void conn_chain_cns(const unitls_conn *conn, int verified, char *buf,
                    size_t size);

/* The connection's verification errors as "[name@depth,...]" ("[]" if none),
 * and the serials of the certificates they name as "[1006,-]". */
void conn_verify_list(const unitls_conn *conn, char *buf, size_t size);
void conn_verify_serials(const unitls_conn *conn, char *buf, size_t size);

/* FNV-1a 64, to record a rendering's identity in the results file. */
uint64_t fnv1a64(const void *data, size_t len);

/* Fills buf with a deterministic, non-repeating-looking byte pattern. */
void fill_pattern(unsigned char *buf, size_t len);

#endif
