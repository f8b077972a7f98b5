/* unitls: X.509 certificates, decoded the same way on every provider. */
#ifndef UNITLS_CERT_H
#define UNITLS_CERT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <unitls/export.h>
#include <unitls/status.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A parsed certificate. unitls decodes certificates itself, from DER, with
 * one strict decoder that every provider shares, so every field and every
 * rendering is byte-for-byte the same whatever the provider.
 *
 * Ownership: certificates returned through an `out` parameter belong to the
 * caller, who frees them with unitls_cert_free(). Certificates returned by
 * unitls_conn_peer_cert() are borrowed from the connection. All strings
 * returned by getters are borrowed and live as long as the certificate.
 * Threads: a certificate is immutable; any number of threads may read it.
 *
 * NULL: getters given a NULL certificate return NULL, 0 or an empty count;
 * functions that return a status return UNITLS_E_INVALID_ARG. Every `out`
 * pointer of a status-returning function is required unless it says "may be
 * NULL".
 */
typedef struct unitls_cert unitls_cert;

/* Which distinguished name of a certificate. */
typedef enum unitls_cert_name {
    UNITLS_CERT_SUBJECT = 0,
    UNITLS_CERT_ISSUER = 1
} unitls_cert_name;

/* Parses one DER certificate. The whole buffer must be the certificate: no
 * trailing bytes. Returns UNITLS_OK and sets *out; UNITLS_E_INVALID_ARG for
 * NULL arguments; UNITLS_E_PARSE for anything malformed; UNITLS_E_NOMEM.
 * On failure *out is set to NULL. */
UNITLS_API int unitls_cert_from_der(const void *der, size_t len,
                                    unitls_cert **out);

/* Parses the first certificate of a PEM text ("-----BEGIN CERTIFICATE-----";
 * text around it is ignored). Returns as unitls_cert_from_der(); no
 * CERTIFICATE block, bad base64 or a missing END line give UNITLS_E_PARSE. */
UNITLS_API int unitls_cert_from_pem(const void *pem, size_t len,
                                    unitls_cert **out);

/* Reads the first certificate of a file, PEM or DER (detected from the
 * content). Returns as unitls_cert_from_der(), plus UNITLS_E_FILE for a
 * missing or unreadable file. */
UNITLS_API int unitls_cert_load_file(const char *path, unitls_cert **out);

/* Frees a certificate the caller owns. NULL-safe. */
UNITLS_API void unitls_cert_free(unitls_cert *cert);

/* Returns the DER encoding; *len (may be NULL) receives its length.
 * Borrowed. */
UNITLS_API const unsigned char *unitls_cert_der(const unitls_cert *cert,
                                                size_t *len);

/* Renders the certificate as PEM ("-----BEGIN CERTIFICATE-----", 64-column
 * base64, "\n" line ends, NUL-terminated). The caller frees *pem with
 * unitls_free(). *len (if not NULL) receives the length without the NUL.
 * Returns UNITLS_OK, UNITLS_E_INVALID_ARG or UNITLS_E_NOMEM. */
UNITLS_API int unitls_cert_to_pem(const unitls_cert *cert, char **pem,
                                  size_t *len);

/* Returns the X.509 version as Python shows it: 1, 2 or 3. */
UNITLS_API int unitls_cert_version(const unitls_cert *cert);

/* Returns the serial number as Python's getpeercert() shows it: upper-case
 * hex, two digits per byte ("1001", "00" for zero). */
UNITLS_API const char *unitls_cert_serial(const unitls_cert *cert);

/* Validity. *_time returns seconds since the epoch (UTC);
 * *_string returns Python's form, "Jan  5 09:34:43 2018 GMT". */
UNITLS_API int64_t unitls_cert_not_before(const unitls_cert *cert);
UNITLS_API int64_t unitls_cert_not_after(const unitls_cert *cert);
UNITLS_API const char *unitls_cert_not_before_string(const unitls_cert *cert);
UNITLS_API const char *unitls_cert_not_after_string(const unitls_cert *cert);

/* A distinguished name is a sequence of RDNs; each RDN is a set of one or
 * more (type, value) attributes, kept in the certificate's order.
 * unitls_cert_rdn_count: the number of RDNs.
 * unitls_cert_rdn_attr_count: the number of attributes in RDN `rdn`.
 * unitls_cert_rdn_attr: attribute `attr` of RDN `rdn`. *type receives its
 *   OpenSSL long name ("commonName", "emailAddress") or dotted OID for an
 *   unknown type; *value its value as UTF-8 and *value_len its length (a
 *   value may contain NUL bytes). Returns UNITLS_OK or UNITLS_E_INVALID_ARG
 *   (NULL argument or index out of range). */
UNITLS_API size_t unitls_cert_rdn_count(const unitls_cert *cert,
                                        unitls_cert_name which);
UNITLS_API size_t unitls_cert_rdn_attr_count(const unitls_cert *cert,
                                             unitls_cert_name which,
                                             size_t rdn);
UNITLS_API int unitls_cert_rdn_attr(const unitls_cert *cert,
                                    unitls_cert_name which, size_t rdn,
                                    size_t attr, const char **type,
                                    const char **value, size_t *value_len);

/* subjectAltName entries, in certificate order. *type receives Python's
 * label ("DNS", "IP Address", "email", "URI", "DirName", "Registered ID",
 * "othername", ...) and *value Python's rendering of the value (for DirName,
 * the name as JSON). Returns UNITLS_OK or UNITLS_E_INVALID_ARG. */
UNITLS_API size_t unitls_cert_san_count(const unitls_cert *cert);
UNITLS_API int unitls_cert_san(const unitls_cert *cert, size_t index,
                               const char **type, const char **value,
                               size_t *value_len);

/* Checks whether the certificate is valid for `name` by unitls' host name
 * rules (the same matcher the handshake uses; RFC 6125): a DNS name is
 * matched against dNSName subjectAltNames, with a wildcard only as the whole
 * left-most label and never over a public suffix alone; an IPv4 or IPv6
 * literal only against iPAddress subjectAltNames; the subject commonName is
 * used only when the certificate has no subjectAltName extension. Case and
 * one trailing dot are ignored; names with NUL bytes never match.
 * Returns UNITLS_OK on a match; UNITLS_E_VERIFY when it does not match;
 * UNITLS_E_INVALID_ARG for NULL arguments, an empty name or a name that is
 * not a valid host name or address (for example a U-label: use the A-label,
 * "xn--..."). */
UNITLS_API int unitls_cert_check_host(const unitls_cert *cert,
                                      const char *name);

/* Renders the certificate as JSON exactly as Python's
 * json.dumps(ssl.SSLSocket.getpeercert()) renders the same certificate
 * (tuples become arrays; keys and order as Python's). NUL-terminated; the
 * caller frees *json with unitls_free(). *len may be NULL.
 * Returns UNITLS_OK, UNITLS_E_INVALID_ARG or UNITLS_E_NOMEM. */
UNITLS_API int unitls_cert_to_json(const unitls_cert *cert, char **json,
                                   size_t *len);

/* Renders the certificate as human-readable text (what `unitls decode`
 * prints). Ownership and returns as unitls_cert_to_json(). */
UNITLS_API int unitls_cert_to_text(const unitls_cert *cert, char **text,
                                   size_t *len);

#ifdef __cplusplus
}
#endif

#endif
