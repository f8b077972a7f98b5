/* The size of a certificate's public key, as OpenSSL's EVP_PKEY_get_bits()
 * gives it: the modulus of RSA (and RSASSA-PSS) keys, the prime p of DSA
 * keys, the order of the named curve of EC keys, and fixed sizes for the
 * EdDSA and ECDH keys of RFC 8410. 0 for a key OpenSSL could not load (an
 * unknown algorithm or curve, explicit curve parameters, a malformed key).
 * An EC point is not checked to lie on its curve. */
#include "cert_internal.h"

#include <limits.h>

#include <unitls/status.h>

struct oid_size {
    unsigned char oid[10];
    size_t oid_len;
    int bits;
    size_t key_len; /* fixed key length in octets, or 0 */
};

static const unsigned char oid_rsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7,
                                        0x0d, 0x01, 0x01, 0x01};
static const unsigned char oid_rsa_pss[] = {0x2a, 0x86, 0x48, 0x86, 0xf7,
                                            0x0d, 0x01, 0x01, 0x0a};
static const unsigned char oid_dsa[] = {0x2a, 0x86, 0x48, 0xce, 0x38, 0x04,
                                        0x01};
static const unsigned char oid_ec[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02,
                                       0x01};

/* RFC 8410 keys: OpenSSL's X25519_BITS, X448_BITS, ED25519_BITS and
 * ED448_BITS, for a key of the right length. */
static const struct oid_size fixed_keys[] = {
    {{0x2b, 0x65, 0x6e}, 3, 253, 32}, /* X25519 */
    {{0x2b, 0x65, 0x6f}, 3, 448, 56}, /* X448 */
    {{0x2b, 0x65, 0x70}, 3, 256, 32}, /* ED25519 */
    {{0x2b, 0x65, 0x71}, 3, 456, 57}, /* ED448 */
};

/* Named curves OpenSSL knows, with the bit length of their order. */
static const struct oid_size curves[] = {
    {{0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x01}, 8, 192, 0}, /* P-192 */
    {{0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07}, 8, 256, 0}, /* P-256 */
    {{0x2b, 0x81, 0x04, 0x00, 0x21}, 5, 224, 0},                   /* P-224 */
    {{0x2b, 0x81, 0x04, 0x00, 0x22}, 5, 384, 0},                   /* P-384 */
    {{0x2b, 0x81, 0x04, 0x00, 0x23}, 5, 521, 0},                   /* P-521 */
    {{0x2b, 0x81, 0x04, 0x00, 0x0a}, 5, 256, 0},           /* secp256k1 */
    {{0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x07}, 9, 256, 0},
    {{0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0b}, 9, 384, 0},
    {{0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0d}, 9, 512, 0},
    {{0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x82, 0x2d}, 8, 256, 0}, /* SM2 */
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct oid_size *find(const struct oid_size *table, size_t n,
                                   const struct ut_der_tlv *oid)
{
    for (size_t i = 0; i < n; i++)
        if (ut_der_oid_equals(oid, table[i].oid, table[i].oid_len))
            return &table[i];
    return NULL;
}

/* Bits of a non-negative INTEGER; 0 for a negative or malformed one. */
static int integer_bits(const struct ut_der_tlv *tlv)
{
    if (!ut_der_is(tlv, UT_DER_INTEGER) ||
        ut_der_check_integer(tlv) != UNITLS_OK || (tlv->content[0] & 0x80))
        return 0;
    const unsigned char *p = tlv->content;
    size_t n = tlv->content_len;
    while (n > 0 && *p == 0) {
        p++;
        n--;
    }
    if (n == 0 || n > (size_t)(INT_MAX / 8))
        return 0;
    int bits = (int)(n - 1) * 8;
    for (unsigned char top = *p; top != 0; top >>= 1)
        bits++;
    return bits;
}

/* Bits of the first INTEGER of a SEQUENCE of `fields` INTEGERs. */
static int sequence_first_integer_bits(const struct ut_der_tlv *seq,
                                       int fields)
{
    struct ut_der inner;
    struct ut_der_tlv field, first = {0};
    if (!ut_der_is(seq, UT_DER_SEQUENCE) ||
        ut_der_enter(seq, &inner) != UNITLS_OK)
        return 0;
    for (int i = 0; i < fields; i++) {
        if (ut_der_expect(&inner, UT_DER_INTEGER, &field) != UNITLS_OK)
            return 0;
        if (i == 0)
            first = field;
    }
    return ut_der_at_end(&inner) ? integer_bits(&first) : 0;
}

/* RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER },
 * the contents of the BIT STRING (whole octets only). */
static int rsa_bits(const struct ut_der_tlv *key)
{
    struct ut_der bits;
    struct ut_der_tlv seq;
    if (key->content[0] != 0)
        return 0;
    bits.p = key->content + 1;
    bits.len = key->content_len - 1;
    bits.depth = key->depth + 1;
    if (ut_der_read(&bits, &seq) != UNITLS_OK)
        return 0;
    return sequence_first_integer_bits(&seq, 2);
}

/* Dss-Parms ::= SEQUENCE { p INTEGER, q INTEGER, g INTEGER } */
static int dsa_bits(const struct ut_der_tlv *param)
{
    return param != NULL ? sequence_first_integer_bits(param, 3) : 0;
}

void ut_cert_parse_key_bits(unitls_cert *cert, const struct ut_der_tlv *oid,
                            const struct ut_der_tlv *param,
                            const struct ut_der_tlv *key)
{
    const struct oid_size *fixed = find(fixed_keys, COUNT(fixed_keys), oid);
    cert->key_bits = 0;
    if (fixed != NULL) {
        if (key->content[0] == 0 && key->content_len - 1 == fixed->key_len)
            cert->key_bits = fixed->bits;
    } else if (ut_der_oid_equals(oid, oid_rsa, sizeof(oid_rsa)) ||
               ut_der_oid_equals(oid, oid_rsa_pss, sizeof(oid_rsa_pss))) {
        cert->key_bits = rsa_bits(key);
    } else if (ut_der_oid_equals(oid, oid_dsa, sizeof(oid_dsa))) {
        cert->key_bits = dsa_bits(param);
    } else if (ut_der_oid_equals(oid, oid_ec, sizeof(oid_ec)) &&
               param != NULL && ut_der_is(param, UT_DER_OID)) {
        const struct oid_size *curve = find(curves, COUNT(curves), param);
        cert->key_bits = curve ? curve->bits : 0;
    }
}
