/** @file
 * unitls: X.509 certificates, decoded the same way on every provider. */
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

/**
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

/** Which distinguished name of a certificate. */
typedef enum unitls_cert_name {
    UNITLS_CERT_SUBJECT = 0,
    UNITLS_CERT_ISSUER = 1
} unitls_cert_name;

/** Parses one DER certificate. The whole buffer must be the certificate: no
 * trailing bytes. Returns UNITLS_OK and sets *out; UNITLS_E_INVALID_ARG for
 * NULL arguments; UNITLS_E_PARSE for anything malformed; UNITLS_E_NOMEM.
 * On failure *out is set to NULL. */
UNITLS_API int unitls_cert_from_der(const void *der, size_t len,
                                    unitls_cert **out);

/** Parses the first certificate of a PEM text ("-----BEGIN CERTIFICATE-----";
 * text around it is ignored). Returns as unitls_cert_from_der(); no
 * CERTIFICATE block, bad base64 or a missing END line give UNITLS_E_PARSE. */
UNITLS_API int unitls_cert_from_pem(const void *pem, size_t len,
                                    unitls_cert **out);

/** Reads the first certificate of a file, PEM or DER (detected from the
 * content). Returns as unitls_cert_from_der(), plus UNITLS_E_FILE for a
 * missing or unreadable file. */
UNITLS_API int unitls_cert_load_file(const char *path, unitls_cert **out);

/** Frees a certificate the caller owns. NULL-safe. */
UNITLS_API void unitls_cert_free(unitls_cert *cert);

/** Returns the DER encoding; *len (may be NULL) receives its length.
 * Borrowed. */
UNITLS_API const unsigned char *unitls_cert_der(const unitls_cert *cert,
                                                size_t *len);

/** Renders the certificate as PEM ("-----BEGIN CERTIFICATE-----", 64-column
 * base64, `"\n"` line ends, NUL-terminated). The caller frees *pem with
 * unitls_free(). *len (if not NULL) receives the length without the NUL.
 * Returns UNITLS_OK, UNITLS_E_INVALID_ARG or UNITLS_E_NOMEM. */
UNITLS_API int unitls_cert_to_pem(const unitls_cert *cert, char **pem,
                                  size_t *len);

/** Returns the X.509 version as Python shows it: 1, 2 or 3. */
UNITLS_API int unitls_cert_version(const unitls_cert *cert);

/** Returns the serial number as Python's getpeercert() shows it: upper-case
 * hex, two digits per byte ("1001", "00" for zero). */
UNITLS_API const char *unitls_cert_serial(const unitls_cert *cert);

/** Validity. *_time returns seconds since the epoch (UTC);
 * *_string returns Python's form, "Jan  5 09:34:43 2018 GMT". */
/**@{*/
UNITLS_API int64_t unitls_cert_not_before(const unitls_cert *cert);
UNITLS_API int64_t unitls_cert_not_after(const unitls_cert *cert);
UNITLS_API const char *unitls_cert_not_before_string(const unitls_cert *cert);
UNITLS_API const char *unitls_cert_not_after_string(const unitls_cert *cert);
/**@}*/

/** A distinguished name is a sequence of RDNs; each RDN is a set of one or
 * more (type, value) attributes, kept in the certificate's order.
 * unitls_cert_rdn_count: the number of RDNs.
 * unitls_cert_rdn_attr_count: the number of attributes in RDN `rdn`.
 * unitls_cert_rdn_attr: attribute `attr` of RDN `rdn`. *type receives its
 *   OpenSSL long name ("commonName", "emailAddress") or dotted OID for an
 *   unknown type; *value its value as UTF-8 and *value_len its length (a
 *   value may contain NUL bytes). Returns UNITLS_OK or UNITLS_E_INVALID_ARG
 *   (NULL argument or index out of range). */
/**@{*/
UNITLS_API size_t unitls_cert_rdn_count(const unitls_cert *cert,
                                        unitls_cert_name which);
UNITLS_API size_t unitls_cert_rdn_attr_count(const unitls_cert *cert,
                                             unitls_cert_name which,
                                             size_t rdn);
UNITLS_API int unitls_cert_rdn_attr(const unitls_cert *cert,
                                    unitls_cert_name which, size_t rdn,
                                    size_t attr, const char **type,
                                    const char **value, size_t *value_len);
/**@}*/

/** subjectAltName entries, in certificate order. *type receives Python's
 * label ("DNS", "IP Address", "email", "URI", "DirName", "Registered ID",
 * "othername", ...) and *value Python's rendering of the value (for DirName,
 * the name as JSON). Returns UNITLS_OK or UNITLS_E_INVALID_ARG. */
/**@{*/
UNITLS_API size_t unitls_cert_san_count(const unitls_cert *cert);
UNITLS_API int unitls_cert_san(const unitls_cert *cert, size_t index,
                               const char **type, const char **value,
                               size_t *value_len);
/**@}*/

/** Checks whether the certificate is valid for `name` by unitls' host name
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

/** Renders the certificate as JSON exactly as Python's
 * json.dumps(ssl.SSLSocket.getpeercert()) renders the same certificate
 * (tuples become arrays; keys and order as Python's). NUL-terminated; the
 * caller frees *json with unitls_free(). *len may be NULL.
 * Returns UNITLS_OK, UNITLS_E_INVALID_ARG or UNITLS_E_NOMEM. */
UNITLS_API int unitls_cert_to_json(const unitls_cert *cert, char **json,
                                   size_t *len);

/** Renders the certificate as human-readable text (what `unitls decode`
 * prints). Ownership and returns as unitls_cert_to_json(). */
UNITLS_API int unitls_cert_to_text(const unitls_cert *cert, char **text,
                                   size_t *len);

/** Parses every certificate of a PEM text, in order: each
 * "-----BEGIN CERTIFICATE-----" block. Text before, between and after the
 * blocks, blocks with other labels and CRLF line ends are accepted.
 * On success *certs receives a new array of *count (at least 1)
 * certificates, which the caller frees with unitls_cert_list_free().
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG for NULL arguments;
 * UNITLS_E_PARSE when there is no CERTIFICATE block, a block has bad base64
 * or no END line, or any certificate is malformed (all or nothing);
 * UNITLS_E_NOMEM. On failure *certs is NULL and *count 0. */
UNITLS_API int unitls_cert_list_from_pem(const void *pem, size_t len,
                                         unitls_cert ***certs,
                                         size_t *count);

/** Frees an array from unitls_cert_list_from_pem() and its `count`
 * certificates. NULL-safe. */
UNITLS_API void unitls_cert_list_free(unitls_cert **certs, size_t count);

/** Digests for unitls_cert_fingerprint(). */
typedef enum unitls_digest {
    UNITLS_DIGEST_SHA256 = 0, /**< SHA-256, UNITLS_DIGEST_SHA256_LEN bytes */
    UNITLS_DIGEST_SHA1 = 1    /**< SHA-1, UNITLS_DIGEST_SHA1_LEN bytes */
} unitls_digest;

/** Length of a SHA-256 fingerprint in bytes. */
#define UNITLS_DIGEST_SHA256_LEN 32
/** Length of a SHA-1 fingerprint in bytes. */
#define UNITLS_DIGEST_SHA1_LEN 20
/** The longest fingerprint: room enough for any unitls_digest. */
#define UNITLS_DIGEST_MAX_LEN 32

/** Writes the fingerprint of the certificate, the `digest` of its DER
 * encoding (what `openssl x509 -fingerprint` prints as hex), to out: exactly
 * UNITLS_DIGEST_SHA256_LEN or UNITLS_DIGEST_SHA1_LEN bytes. Returns
 * UNITLS_OK; UNITLS_E_INVALID_ARG for a NULL cert or out, an unknown
 * digest, or an out_size smaller than the digest (out is then untouched). */
UNITLS_API int unitls_cert_fingerprint(const unitls_cert *cert,
                                       unitls_digest digest,
                                       unsigned char *out, size_t out_size);

/** The subject public key. *algorithm receives the OpenSSL long name of
 * its algorithm ("rsaEncryption", "id-ecPublicKey", "ED25519",
 * "rsassaPss", ...) or the dotted OID of one OpenSSL does not know; *curve
 * the OpenSSL name of an EC key's named curve ("prime256v1", "secp384r1",
 * ...), or NULL for other keys; *bits its size as OpenSSL's
 * EVP_PKEY_get_bits() gives it (RSA and DSA: the modulus / prime; EC: the
 * curve order; X25519 253, Ed25519 256, X448 448, Ed448 456), or 0 for a key
 * it could not load. Strings are borrowed; every out pointer may be NULL.
 * Returns UNITLS_OK, or UNITLS_E_INVALID_ARG for a NULL cert. */
UNITLS_API int unitls_cert_key_info(const unitls_cert *cert,
                                    const char **algorithm,
                                    const char **curve, int *bits);

/** The basicConstraints extension. *is_ca (may be NULL) receives 1 when it
 * says cA TRUE, else 0; *pathlen (may be NULL) its pathLenConstraint, or -1
 * when there is none. Returns 1 when the certificate has the extension, 0
 * when it has none (then *is_ca = 0, *pathlen = -1) or cert is NULL. As
 * for OpenSSL's X509_get_ext_d2i(), an extension that occurs twice or does
 * not decode counts as absent, and so does a negative pathLenConstraint or
 * one beyond INT_MAX. */
UNITLS_API int unitls_cert_basic_constraints(const unitls_cert *cert,
                                             int *is_ca, int *pathlen);

/** keyUsage bits for unitls_cert_key_usage() (RFC 5280 4.2.1.3): bit n is
 * KeyUsage bit n, from digitalSignature (0) to decipherOnly (8);
 * nonRepudiation is also called contentCommitment. */
/**@{*/
#define UNITLS_KU_DIGITAL_SIGNATURE 0x001u
#define UNITLS_KU_NON_REPUDIATION 0x002u
#define UNITLS_KU_KEY_ENCIPHERMENT 0x004u
#define UNITLS_KU_DATA_ENCIPHERMENT 0x008u
#define UNITLS_KU_KEY_AGREEMENT 0x010u
#define UNITLS_KU_KEY_CERT_SIGN 0x020u
#define UNITLS_KU_CRL_SIGN 0x040u
#define UNITLS_KU_ENCIPHER_ONLY 0x080u
#define UNITLS_KU_DECIPHER_ONLY 0x100u
/**@}*/

/** The keyUsage extension. *usage (may be NULL) receives its bits as
 * UNITLS_KU_* flags (0 when absent). Returns 1 when the certificate has the
 * extension, 0 when it has none or cert is NULL (an extension that occurs
 * twice or does not decode counts as absent). */
UNITLS_API int unitls_cert_key_usage(const unitls_cert *cert,
                                     unsigned int *usage);

/** Common extendedKeyUsage purposes (RFC 5280 4.2.1.12: id-kp-serverAuth,
 * clientAuth, codeSigning, emailProtection, timeStamping, OCSPSigning, and
 * anyExtendedKeyUsage), as unitls_cert_ext_key_usage_oid() returns them. */
/**@{*/
#define UNITLS_EKU_SERVER_AUTH "1.3.6.1.5.5.7.3.1"
#define UNITLS_EKU_CLIENT_AUTH "1.3.6.1.5.5.7.3.2"
#define UNITLS_EKU_CODE_SIGNING "1.3.6.1.5.5.7.3.3"
#define UNITLS_EKU_EMAIL_PROTECTION "1.3.6.1.5.5.7.3.4"
#define UNITLS_EKU_TIME_STAMPING "1.3.6.1.5.5.7.3.8"
#define UNITLS_EKU_OCSP_SIGNING "1.3.6.1.5.5.7.3.9"
#define UNITLS_EKU_ANY "2.5.29.37.0"
/**@}*/

/** The purposes of the extendedKeyUsage extension, in certificate order.
 * unitls_cert_ext_key_usage_count: how many (0 when the extension is
 * absent, twice present or does not decode, or cert is NULL).
 * unitls_cert_ext_key_usage_oid: purpose `index` as a dotted OID
 * ("1.3.6.1.5.5.7.3.1", see UNITLS_EKU_*), borrowed; NULL for a NULL cert
 * or an index out of range. */
/**@{*/
UNITLS_API size_t unitls_cert_ext_key_usage_count(const unitls_cert *cert);
UNITLS_API const char *unitls_cert_ext_key_usage_oid(const unitls_cert *cert,
                                                     size_t index);
/**@}*/

/** Converts a time in Python's getpeercert() form ("Jan  5 09:34:43 2018
 * GMT", as unitls_cert_not_before_string() returns) to seconds since the
 * epoch, exactly as Python's ssl.cert_time_to_seconds() does: the month in
 * English (any case), white space of any kind and amount between the
 * fields, a day of 1 to 31 that is not checked against the month (it rolls
 * over: "Feb 31" is March 3 or 2), seconds up to 61, a four-digit year from
 * 0001, "GMT" in any case and nothing after it. text is UTF-8 and
 * NUL-terminated. Returns UNITLS_OK and sets *out; UNITLS_E_INVALID_ARG for
 * NULL arguments; UNITLS_E_PARSE where Python raises ValueError, and for
 * text that is not UTF-8 (*out is then untouched). */
UNITLS_API int unitls_cert_time_to_seconds(const char *text, int64_t *out);

#ifdef __cplusplus
}
#endif

#endif
