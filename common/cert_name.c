/* Distinguished names: SEQUENCE OF RDN, RDN = SET OF AttributeTypeAndValue. */
#include "cert_internal.h"

#include <unitls/status.h>

static int parse_attr(struct ut_arena *arena, struct ut_der *rdn,
                      struct ut_attr *attr)
{
    struct ut_der_tlv seq, type, value;
    struct ut_der inner;
    if (ut_der_expect(rdn, UT_DER_SEQUENCE, &seq) != UNITLS_OK ||
        ut_der_enter(&seq, &inner) != UNITLS_OK ||
        ut_der_expect(&inner, UT_DER_OID, &type) != UNITLS_OK ||
        ut_der_read(&inner, &value) != UNITLS_OK || !ut_der_at_end(&inner))
        return UNITLS_E_PARSE;
    int rc = ut_cert_oid_names(arena, &type, &attr->long_name,
                               &attr->short_name);
    if (rc != UNITLS_OK)
        return rc;
    return ut_cert_attr_value(arena, &value, attr);
}

int ut_cert_parse_rdn(struct ut_arena *arena, const struct ut_der_tlv *set,
                      struct ut_rdn *out)
{
    struct ut_der inner;
    size_t count;
    out->attrs = NULL;
    out->count = 0;
    if (ut_der_enter(set, &inner) != UNITLS_OK ||
        ut_der_count(&inner, &count) != UNITLS_OK)
        return UNITLS_E_PARSE;
    out->attrs = ut_arena_array(arena, count, sizeof(*out->attrs));
    if (out->attrs == NULL)
        return UNITLS_E_NOMEM;
    for (size_t i = 0; i < count; i++) {
        int rc = parse_attr(arena, &inner, &out->attrs[i]);
        if (rc != UNITLS_OK)
            return rc;
    }
    out->count = count;
    return UNITLS_OK;
}

int ut_cert_parse_name(struct ut_arena *arena, const struct ut_der_tlv *tlv,
                       struct ut_name *out)
{
    struct ut_der inner;
    size_t count;
    out->rdns = NULL;
    out->count = 0;
    if (!ut_der_is(tlv, UT_DER_SEQUENCE) ||
        ut_der_enter(tlv, &inner) != UNITLS_OK ||
        ut_der_count(&inner, &count) != UNITLS_OK)
        return UNITLS_E_PARSE;
    struct ut_rdn *rdns = ut_arena_array(arena, count, sizeof(*rdns));
    if (rdns == NULL)
        return UNITLS_E_NOMEM;
    size_t kept = 0;
    for (size_t i = 0; i < count; i++) {
        struct ut_der_tlv set;
        if (ut_der_expect(&inner, UT_DER_SET, &set) != UNITLS_OK)
            return UNITLS_E_PARSE;
        int rc = ut_cert_parse_rdn(arena, &set, &rdns[kept]);
        if (rc != UNITLS_OK)
            return rc;
        if (rdns[kept].count > 0) /* Python never shows an empty RDN */
            kept++;
    }
    out->rdns = rdns;
    out->count = kept;
    return UNITLS_OK;
}
