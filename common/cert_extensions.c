/* The extensions getpeercert() shows (subjectAltName, authorityInfoAccess,
 * cRLDistributionPoints) and those the model adds (basicConstraints,
 * keyUsage, extendedKeyUsage). Every extension must be well formed; these
 * six are then decoded as OpenSSL's X509_get_ext_d2i() would: an extension
 * that occurs more than once is ignored, as is one whose value does not
 * decode. */
#include "cert_internal.h"

#include <unitls/status.h>

enum { EXT_SAN, EXT_AIA, EXT_CRL_DP, EXT_BC, EXT_KU, EXT_EKU, EXT_KINDS };

static const unsigned char oid_san[] = {0x55, 0x1d, 0x11};
static const unsigned char oid_crl_dp[] = {0x55, 0x1d, 0x1f};
static const unsigned char oid_aia[] = {0x2b, 6, 1, 5, 5, 7, 1, 1};
static const unsigned char oid_bc[] = {0x55, 0x1d, 0x13};
static const unsigned char oid_ku[] = {0x55, 0x1d, 0x0f};
static const unsigned char oid_eku[] = {0x55, 0x1d, 0x25};

/* Each kind's OID and decoder, in enum order. */
static const struct {
    const unsigned char *oid;
    size_t oid_len;
    int (*parse)(unitls_cert *cert, const struct ut_der_tlv *value);
} kinds[EXT_KINDS] = {
    {oid_san, sizeof(oid_san), ut_cert_parse_san},
    {oid_aia, sizeof(oid_aia), ut_cert_parse_aia},
    {oid_crl_dp, sizeof(oid_crl_dp), ut_cert_parse_crl_dp},
    {oid_bc, sizeof(oid_bc), ut_cert_parse_basic_constraints},
    {oid_ku, sizeof(oid_ku), ut_cert_parse_key_usage},
    {oid_eku, sizeof(oid_eku), ut_cert_parse_ext_key_usage},
};

struct seen {
    size_t count[EXT_KINDS];
    struct ut_der_tlv value[EXT_KINDS];
};

/* Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE,
 *                          extnValue OCTET STRING } */
static int read_extension(struct ut_der *list, struct ut_der_tlv *oid,
                          struct ut_der_tlv *value)
{
    struct ut_der ext;
    struct ut_der_tlv seq, critical;
    int present;
    if (ut_der_expect(list, UT_DER_SEQUENCE, &seq) != UNITLS_OK ||
        ut_der_enter(&seq, &ext) != UNITLS_OK ||
        ut_der_expect(&ext, UT_DER_OID, oid) != UNITLS_OK ||
        ut_der_check_oid(oid) != UNITLS_OK ||
        ut_der_optional(&ext, UT_DER_BOOLEAN, &critical, &present) !=
            UNITLS_OK ||
        (present && critical.content_len != 1) ||
        ut_der_expect(&ext, UT_DER_OCTET_STRING, value) != UNITLS_OK ||
        !ut_der_at_end(&ext))
        return UNITLS_E_PARSE;
    return UNITLS_OK;
}

static void note(struct seen *seen, const struct ut_der_tlv *oid,
                 const struct ut_der_tlv *value)
{
    for (int kind = 0; kind < EXT_KINDS; kind++) {
        if (ut_der_oid_equals(oid, kinds[kind].oid, kinds[kind].oid_len)) {
            seen->count[kind]++;
            seen->value[kind] = *value;
            return;
        }
    }
}

int ut_cert_ext_sequence(const struct ut_der_tlv *value, struct ut_der *contents)
{
    struct ut_der outer;
    struct ut_der_tlv seq;
    if (ut_der_enter_encapsulated(value, &outer) != UNITLS_OK ||
        ut_der_expect(&outer, UT_DER_SEQUENCE, &seq) != UNITLS_OK ||
        ut_der_enter(&seq, contents) != UNITLS_OK)
        return UNITLS_E_PARSE;
    return UNITLS_OK;
}

int ut_cert_parse_extensions(unitls_cert *cert, const struct ut_der_tlv *tlv)
{
    struct ut_der wrapper, list;
    struct ut_der_tlv seq, oid, value;
    struct seen seen = {{0}, {{0}}};
    if (ut_der_enter(tlv, &wrapper) != UNITLS_OK ||
        ut_der_expect(&wrapper, UT_DER_SEQUENCE, &seq) != UNITLS_OK ||
        !ut_der_at_end(&wrapper) || ut_der_enter(&seq, &list) != UNITLS_OK)
        return UNITLS_E_PARSE;
    while (!ut_der_at_end(&list)) {
        if (read_extension(&list, &oid, &value) != UNITLS_OK)
            return UNITLS_E_PARSE;
        note(&seen, &oid, &value);
    }

    cert->has_san_ext = seen.count[EXT_SAN] > 0;
    for (int kind = 0; kind < EXT_KINDS; kind++) {
        if (seen.count[kind] != 1)
            continue;
        int rc = kinds[kind].parse(cert, &seen.value[kind]);
        if (rc != UNITLS_OK)
            return rc;
    }
    return UNITLS_OK;
}
