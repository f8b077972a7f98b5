/* The extensions getpeercert() shows: subjectAltName, authorityInfoAccess
 * and cRLDistributionPoints. Every extension must be well formed; the three
 * are then decoded as OpenSSL's X509_get_ext_d2i() would: an extension that
 * occurs more than once is ignored, as is one whose value does not decode. */
#include "cert_internal.h"

#include <unitls/status.h>

enum { EXT_SAN, EXT_AIA, EXT_CRL_DP, EXT_KINDS };

static const unsigned char oid_san[] = {0x55, 0x1d, 0x11};
static const unsigned char oid_crl_dp[] = {0x55, 0x1d, 0x1f};
static const unsigned char oid_aia[] = {0x2b, 6, 1, 5, 5, 7, 1, 1};

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
    int kind;
    if (ut_der_oid_equals(oid, oid_san, sizeof(oid_san)))
        kind = EXT_SAN;
    else if (ut_der_oid_equals(oid, oid_aia, sizeof(oid_aia)))
        kind = EXT_AIA;
    else if (ut_der_oid_equals(oid, oid_crl_dp, sizeof(oid_crl_dp)))
        kind = EXT_CRL_DP;
    else
        return;
    seen->count[kind]++;
    seen->value[kind] = *value;
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

    int rc = UNITLS_OK;
    cert->has_san_ext = seen.count[EXT_SAN] > 0;
    if (seen.count[EXT_SAN] == 1)
        rc = ut_cert_parse_san(cert, &seen.value[EXT_SAN]);
    if (rc == UNITLS_OK && seen.count[EXT_AIA] == 1)
        rc = ut_cert_parse_aia(cert, &seen.value[EXT_AIA]);
    if (rc == UNITLS_OK && seen.count[EXT_CRL_DP] == 1)
        rc = ut_cert_parse_crl_dp(cert, &seen.value[EXT_CRL_DP]);
    return rc;
}
