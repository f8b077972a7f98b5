/* The certificate model: what common/'s DER reader extracts from a
 * certificate. `struct unitls_cert` itself is private to common/cert_*.c; the
 * rest of the library uses these accessors and the public unitls_cert_*
 * functions. */
#ifndef UT_CERT_MODEL_H
#define UT_CERT_MODEL_H

#include <stddef.h>

#include <unitls/cert.h>

/* Parses one DER certificate (the whole buffer, no trailing bytes) into a new
 * model. Returns UNITLS_OK, UNITLS_E_PARSE or UNITLS_E_NOMEM; *out is NULL on
 * failure. Free with unitls_cert_free(). */
int ut_cert_parse(const unsigned char *der, size_t len, unitls_cert **out);

/* A run of DER bytes inside a caller's buffer. */
struct ut_der_span {
    const unsigned char *p;
    size_t len;
};

/* The issuer and subject Names of a DER certificate, each as its whole
 * SEQUENCE (tag and length included), pointing into `der`; found by reading
 * tbsCertificate up to the subject only, so much cheaper than
 * ut_cert_parse() (which a certificate may still fail). Returns UNITLS_OK
 * or UNITLS_E_PARSE. */
int ut_cert_names_raw(const unsigned char *der, size_t len,
                      struct ut_der_span *issuer, struct ut_der_span *subject);

/* Kinds of subjectAltName GeneralName (RFC 5280 tags). */
enum ut_san_kind {
    UT_SAN_OTHERNAME = 0,
    UT_SAN_EMAIL = 1,
    UT_SAN_DNS = 2,
    UT_SAN_X400 = 3,
    UT_SAN_DIRNAME = 4,
    UT_SAN_EDIPARTY = 5,
    UT_SAN_URI = 6,
    UT_SAN_IP = 7,
    UT_SAN_RID = 8
};

/* Returns 1 if the certificate has a subjectAltName extension (even an empty
 * or unusable one), else 0. */
int ut_cert_has_san_ext(const unitls_cert *cert);

/* SAN entry `index` (same order and count as unitls_cert_san_count): its kind
 * and its raw value: the IA5String bytes for DNS, email and URI (may contain
 * NUL bytes); 4 or 16 address bytes for IP; the DER of other kinds.
 * Returns UNITLS_OK or UNITLS_E_INVALID_ARG. */
int ut_cert_san_raw(const unitls_cert *cert, size_t index,
                    enum ut_san_kind *kind, const unsigned char **raw,
                    size_t *raw_len);

/* The value of the most specific (last) commonName attribute of the subject,
 * as UTF-8 (may contain NUL bytes). Returns UNITLS_OK, or UNITLS_E_PARSE if
 * the subject has no commonName. */
int ut_cert_subject_cn(const unitls_cert *cert, const char **value,
                       size_t *value_len);

#endif
