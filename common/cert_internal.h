/* The certificate model: `struct unitls_cert` and the parsing steps that
 * fill it. Private to common/cert_*.c, except the accessors at the end,
 * which api/src/cert.c calls. */
#ifndef UT_CERT_INTERNAL_H
#define UT_CERT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <unitls/cert.h>

#include "cert_model.h"
#include "der.h"
#include "strbuf.h"

/* --- memory ---------------------------------------------------------------
 * Everything a certificate holds lives in one arena, released at once. */

struct ut_arena_chunk;

struct ut_arena {
    struct ut_arena_chunk *head;
};

/* Returns `size` zeroed bytes that live as long as the arena, or NULL. */
void *ut_arena_alloc(struct ut_arena *arena, size_t size);

/* Returns an array of `count` zeroed elements of `size` bytes, or NULL
 * (also on overflow). A zero count gives a valid, empty array. */
void *ut_arena_array(struct ut_arena *arena, size_t count, size_t size);

/* Copies data[0..len) and adds a NUL. Returns the copy or NULL. */
char *ut_arena_strndup(struct ut_arena *arena, const void *data, size_t len);

/* Stack room for the short strings a certificate is rendered into (names,
 * times, OIDs, addresses): a string buffer starts there
 * (ut_strbuf_init_with) and takes the heap only for longer ones. */
#define UT_CERT_STRING_ROOM 128

/* Takes the contents of a string buffer into the arena (the buffer is left
 * empty). Returns the copy, or NULL if the buffer or the copy failed. */
char *ut_arena_take(struct ut_arena *arena, struct ut_strbuf *sb,
                    size_t *len);

/* Frees every allocation of the arena. */
void ut_arena_free(struct ut_arena *arena);

/* --- the model ------------------------------------------------------- */

/* A string with its length; it may contain NUL bytes and is NUL-terminated. */
struct ut_bytes {
    const char *data;
    size_t len;
};

/* One attribute of a distinguished name. */
struct ut_attr {
    const char *long_name;  /* OpenSSL long name, or the dotted OID */
    const char *short_name; /* OpenSSL short name ("CN"), or the dotted OID */
    struct ut_bytes value;  /* UTF-8; "#<hex DER>" for non-string values */
    int is_string;          /* 0 when `value` is the "#..." hex form */
};

struct ut_rdn {
    struct ut_attr *attrs;
    size_t count; /* never 0: empty RDNs are dropped, as Python shows them */
};

struct ut_name {
    struct ut_rdn *rdns;
    size_t count;
};

/* One subjectAltName entry, with Python's rendering. */
struct ut_san {
    enum ut_san_kind kind;
    const char *label;       /* "DNS", "IP Address", "othername", ... */
    struct ut_bytes value;   /* Python's value (DirName: the name as JSON) */
    struct ut_bytes raw;     /* see ut_cert_san_raw() */
    struct ut_name dirname;  /* UT_SAN_DIRNAME only */
};

struct ut_uri_list {
    struct ut_bytes *items;
    size_t count;
};

/* basicConstraints, when present and decodable. */
struct ut_basic_constraints {
    int present;
    int is_ca;
    int pathlen; /* -1: no pathLenConstraint */
};

/* A validity time. */
struct ut_cert_time {
    int64_t seconds;    /* since the epoch, UTC */
    const char *text;   /* "Jan  5 09:34:43 2018 GMT" */
};

struct unitls_cert {
    struct ut_arena arena;
    const unsigned char *der; /* the whole certificate, owned (in the arena) */
    size_t der_len;
    int version;              /* 1, 2 or 3 */
    const char *serial;       /* Python's form: "1003", "-01" */
    const char *serial_hex;   /* all of it (Python cuts after 35 octets) */
    struct ut_cert_time not_before;
    struct ut_cert_time not_after;
    struct ut_name issuer;
    struct ut_name subject;
    const char *signature_algorithm; /* long name or dotted OID */
    const char *key_algorithm;       /* long name or dotted OID */
    const char *key_parameter;       /* named curve, or NULL */
    int has_san_ext;          /* the extension is there (even unusable) */
    int san_decoded;          /* ... once, and its value decodes */
    struct ut_san *sans;
    size_t san_count;
    struct ut_uri_list ocsp;
    struct ut_uri_list ca_issuers;
    struct ut_uri_list crl_uris;
    int key_bits;             /* as OpenSSL's EVP_PKEY_get_bits(); 0 unknown */
    struct ut_basic_constraints basic_constraints;
    int has_key_usage;        /* the extension is there and decodes */
    unsigned key_usage;       /* UNITLS_KU_* bits */
    const char **eku_oids;    /* extendedKeyUsage purposes, dotted */
    size_t eku_count;
};

/* --- parsing steps (cert_*.c) ------------------------------------------------
 * Each returns UNITLS_OK, UNITLS_E_PARSE or UNITLS_E_NOMEM. */

/* Converts an ASN.1 string value to UTF-8 as OpenSSL's ASN1_STRING_to_UTF8
 * does (or to "#<hex>" for the non-string values OpenSSL accepts in a name).
 * UNITLS_E_PARSE for the values OpenSSL rejects. */
int ut_cert_attr_value(struct ut_arena *arena, const struct ut_der_tlv *tlv,
                       struct ut_attr *attr);

/* Names an attribute type: long and short name from OpenSSL's table, or the
 * dotted OID for both. */
int ut_cert_oid_names(struct ut_arena *arena, const struct ut_der_tlv *oid,
                      const char **long_name, const char **short_name);

/* Parses the contents of a constructed TLV (a SET, or an implicitly tagged
 * one) as an RDN: SET OF AttributeTypeAndValue, possibly empty. */
int ut_cert_parse_rdn(struct ut_arena *arena, const struct ut_der_tlv *set,
                      struct ut_rdn *out);

/* Parses a Name (the SEQUENCE TLV). */
int ut_cert_parse_name(struct ut_arena *arena, const struct ut_der_tlv *tlv,
                       struct ut_name *out);

/* Parses a Time (UTCTime or GeneralizedTime TLV) as OpenSSL reads it. */
int ut_cert_parse_time(struct ut_arena *arena, const struct ut_der_tlv *tlv,
                       struct ut_cert_time *out);

/* Days since 1970-01-01 of a proleptic Gregorian date (any year >= 0;
 * month 1..12). */
int64_t ut_days_from_civil(int64_t year, int month, int day);

/* Renders the serial number INTEGER as Python shows it, and in full. */
int ut_cert_parse_serial(struct ut_arena *arena, const struct ut_der_tlv *tlv,
                         const char **python, const char **full);

/* Checks every extension of the [3] EXPLICIT Extensions TLV and fills
 * has_san_ext, sans, ocsp, ca_issuers, crl_uris, basic_constraints,
 * key_usage and eku_oids. */
int ut_cert_parse_extensions(unitls_cert *cert, const struct ut_der_tlv *tlv);

/* Opens the SEQUENCE an extension's value (the OCTET STRING TLV) holds.
 * Bytes after it are ignored, as OpenSSL's X509V3_EXT_d2i() ignores them.
 * Returns UNITLS_OK or UNITLS_E_PARSE. */
int ut_cert_ext_sequence(const struct ut_der_tlv *value, struct ut_der *contents);

/* Computes key_bits from the SubjectPublicKeyInfo's algorithm OID, its
 * parameters (NULL when absent) and the subjectPublicKey BIT STRING. Never
 * fails: a key it cannot size gets 0. */
void ut_cert_parse_key_bits(unitls_cert *cert, const struct ut_der_tlv *oid,
                            const struct ut_der_tlv *param,
                            const struct ut_der_tlv *key);

/* A GeneralName (RFC 5280), checked as OpenSSL decodes it. */
struct ut_general_name {
    enum ut_san_kind kind;
    struct ut_der_tlv tlv;      /* the whole GeneralName */
    struct ut_der_tlv value;    /* [0]: the ANY value; [8]: the OID */
    struct ut_der_tlv type_id;  /* [0] only: the type OID */
    struct ut_name dirname;     /* [4] only */
};

/* Reads the next GeneralName. UNITLS_E_PARSE if it is not one OpenSSL
 * would decode. */
int ut_cert_read_general_name(struct ut_arena *arena, struct ut_der *in,
                              struct ut_general_name *out);

/* Parse one extension's value (the OCTET STRING TLV) into the certificate.
 * A value that OpenSSL could not decode leaves the fields empty (UNITLS_OK):
 * Python then shows nothing for it. */
int ut_cert_parse_san(unitls_cert *cert, const struct ut_der_tlv *value);
int ut_cert_parse_aia(unitls_cert *cert, const struct ut_der_tlv *value);
int ut_cert_parse_crl_dp(unitls_cert *cert, const struct ut_der_tlv *value);
int ut_cert_parse_basic_constraints(unitls_cert *cert,
                                    const struct ut_der_tlv *value);
int ut_cert_parse_key_usage(unitls_cert *cert, const struct ut_der_tlv *value);
int ut_cert_parse_ext_key_usage(unitls_cert *cert,
                                const struct ut_der_tlv *value);

/* Renders one name as Python's tuple of RDN tuples, in JSON. */
void ut_cert_name_json(struct ut_strbuf *sb, const struct ut_name *name);

/* Renders one name as "C=XY, O=unitls test, CN=host" (text form). */
void ut_cert_name_text(struct ut_strbuf *sb, const struct ut_name *name);

/* Releases everything the certificate holds. NULL-safe. */
void ut_cert_destroy(unitls_cert *cert);

/* --- accessors for api/src/cert.c (cert_get.c, cert_load.c, ...) ----- */

/* Parses the first CERTIFICATE block of a PEM text. */
int ut_cert_from_pem(const void *pem, size_t len, unitls_cert **out);

/* Parses PEM or DER, whichever `data` holds (ut_is_pem). */
int ut_cert_from_data(const void *data, size_t len, unitls_cert **out);

const unsigned char *ut_cert_der(const unitls_cert *cert, size_t *len);
int ut_cert_version(const unitls_cert *cert);
const char *ut_cert_serial(const unitls_cert *cert);
int64_t ut_cert_not_before(const unitls_cert *cert);
int64_t ut_cert_not_after(const unitls_cert *cert);
const char *ut_cert_not_before_string(const unitls_cert *cert);
const char *ut_cert_not_after_string(const unitls_cert *cert);

/* RDNs of the name `which`; 0 / UNITLS_E_INVALID_ARG for an unknown name
 * or an index out of range. */
size_t ut_cert_rdn_count(const unitls_cert *cert, unitls_cert_name which);
size_t ut_cert_rdn_attr_count(const unitls_cert *cert, unitls_cert_name which,
                              size_t rdn);
int ut_cert_rdn_attr(const unitls_cert *cert, unitls_cert_name which,
                     size_t rdn, size_t attr, const char **type,
                     const char **value, size_t *value_len);

size_t ut_cert_san_count(const unitls_cert *cert);
/* SAN `index`; UNITLS_E_INVALID_ARG when out of range. */
int ut_cert_san(const unitls_cert *cert, size_t index, const char **type,
                const char **value, size_t *value_len);

/* What the public getters of the same names return (api/src/cert.c checks
 * the arguments; out pointers here are never NULL). */
void ut_cert_fingerprint_sha256(const unitls_cert *cert, unsigned char *out);
void ut_cert_fingerprint_sha1(const unitls_cert *cert, unsigned char *out);
void ut_cert_key_info(const unitls_cert *cert, const char **algorithm,
                      const char **curve, int *bits);
int ut_cert_basic_constraints(const unitls_cert *cert, int *is_ca,
                              int *pathlen);
int ut_cert_key_usage(const unitls_cert *cert, unsigned *usage);
size_t ut_cert_ext_key_usage_count(const unitls_cert *cert);
const char *ut_cert_ext_key_usage_oid(const unitls_cert *cert, size_t index);

/* Python's ssl.cert_time_to_seconds() on text[0..len) (UTF-8). Returns
 * UNITLS_OK and sets *out, or UNITLS_E_PARSE where Python raises
 * ValueError (and for text that is not UTF-8). */
int ut_cert_time_to_seconds(const char *text, size_t len, int64_t *out);

/* The renderings; *out malloc'ed. UNITLS_OK or UNITLS_E_NOMEM. */
int ut_cert_to_pem(const unitls_cert *cert, char **out, size_t *len);
int ut_cert_to_json(const unitls_cert *cert, char **out, size_t *len);
int ut_cert_to_text(const unitls_cert *cert, char **out, size_t *len);

#endif
