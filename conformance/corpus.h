/* The certificate corpus (conformance/certs, next to pki/) and small tools
 * the corpus cases share: its files, the expected answers, PEM bodies
 * decoded independently of unitls, and a DER editor that makes malformed
 * variants of a certificate. */
#ifndef CONF_CORPUS_H
#define CONF_CORPUS_H

#include <stddef.h>

#include "pki.h"

/* Every <stem>.crt of the corpus, in the order of the cases. */
extern const char *const corpus_stems[];
extern const size_t corpus_count;

/* conf.pki_dir + "/../certs/" + name. */
struct path corpus_path(const char *name);

/* A corpus file, NUL-terminated; free() it. NULL if unreadable. */
char *corpus_read(const char *name, size_t *len);

/* expected/<stem>.json without its newline; free() it. */
char *corpus_expected_json(const char *stem);

/* The value of `key` in expected/<stem>.facts, into buf. Returns 0, or -1
 * (buf = "<missing>") when the file or the key is missing. */
int corpus_fact(const char *stem, const char *key, char *buf, size_t size);

/* The DER of the first PEM block of `pem`, decoded here (not by unitls);
 * malloc'ed, NULL if there is none. */
unsigned char *pem_to_der(const char *pem, size_t *len);

/* --- a DER editor for malformed variants -------------------------------- */

/* Where a TLV sits in a buffer. */
struct tlv_at {
    size_t start;   /* its identifier octet */
    size_t content; /* its first content octet */
    size_t end;     /* one past its last octet */
};

/* Follows `path` (child indices, outermost first) from the buffer's first
 * TLV: {} is the whole certificate, {0} its tbsCertificate, {0, 6} the
 * subjectPublicKeyInfo of a v3 certificate. Fills at[0..depth] with every
 * TLV on the way (at[0] the outermost). Returns 0, or -1 if the buffer does
 * not have that shape (single-octet tags, definite lengths only). */
int der_walk(const unsigned char *der, size_t len, const size_t *path,
             size_t depth, struct tlv_at *at);

/* Replaces der[from, to) by `ins` (ins_len octets) inside the nested TLVs
 * at[0..n), re-encoding each one's length (minimal form) to fit. Returns a
 * new buffer (free() it) and its length, or NULL. */
unsigned char *der_splice(const unsigned char *der, size_t len,
                          const struct tlv_at *at, size_t n, size_t from,
                          size_t to, const void *ins, size_t ins_len,
                          size_t *out_len);

/* Writes the DER identifier and minimal length of a TLV to out (at least
 * 6 octets); returns how many. */
size_t der_header(unsigned char *out, unsigned char tag, size_t len);

#endif
