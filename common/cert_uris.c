/* Authority Information Access (OCSP, caIssuers) and CRL Distribution
 * Points: the URIs Python's getpeercert() lists, in certificate order. */
#include "cert_internal.h"

#include <unitls/status.h>

static const unsigned char oid_ad_ocsp[] = {0x2b, 6, 1, 5, 5, 7, 0x30, 1};
static const unsigned char oid_ad_ca_issuers[] = {0x2b, 6, 1, 5, 5, 7, 0x30, 2};

/* Collects URIs in two passes over a structure: the first (items == NULL)
 * checks everything and counts, the second copies. */
struct uri_sink {
    struct ut_arena *arena;
    struct ut_uri_list *list;
    size_t capacity;
};

static int sink_add(struct uri_sink *sink, const struct ut_general_name *gn)
{
    struct ut_uri_list *list = sink->list;
    if (gn->kind != UT_SAN_URI)
        return UNITLS_OK;
    if (list->items != NULL) {
        if (list->count >= sink->capacity) /* cannot differ from pass one */
            return UNITLS_E_PARSE;
        char *copy = ut_arena_strndup(sink->arena, gn->value.content,
                                      gn->value.content_len);
        if (copy == NULL)
            return UNITLS_E_NOMEM;
        list->items[list->count].data = copy;
        list->items[list->count].len = gn->value.content_len;
    }
    list->count++;
    return UNITLS_OK;
}

/* Gets ready for the second pass: an array sized by the first. */
static int sink_prepare(struct uri_sink *sink)
{
    struct ut_uri_list *list = sink->list;
    sink->capacity = list->count;
    list->items = ut_arena_array(sink->arena, list->count ? list->count : 1,
                                 sizeof(*list->items));
    list->count = 0;
    return list->items ? UNITLS_OK : UNITLS_E_NOMEM;
}

/* Opens OCTET STRING { SEQUENCE OF ... }. */
static int open_sequence_of(const struct ut_der_tlv *value, struct ut_der *list)
{
    return ut_cert_ext_sequence(value, list);
}

/* AccessDescription ::= SEQUENCE { accessMethod OID, accessLocation GN } */
static int walk_aia(unitls_cert *cert, const struct ut_der_tlv *value,
                    struct uri_sink *ocsp, struct uri_sink *issuers)
{
    struct ut_der list, ad;
    struct ut_der_tlv seq, method;
    if (open_sequence_of(value, &list) != UNITLS_OK)
        return UNITLS_E_PARSE;
    while (!ut_der_at_end(&list)) {
        struct ut_general_name gn;
        if (ut_der_expect(&list, UT_DER_SEQUENCE, &seq) != UNITLS_OK ||
            ut_der_enter(&seq, &ad) != UNITLS_OK ||
            ut_der_expect(&ad, UT_DER_OID, &method) != UNITLS_OK ||
            ut_der_check_oid(&method) != UNITLS_OK)
            return UNITLS_E_PARSE;
        int rc = ut_cert_read_general_name(&cert->arena, &ad, &gn);
        if (rc == UNITLS_OK && !ut_der_at_end(&ad))
            rc = UNITLS_E_PARSE;
        if (rc == UNITLS_OK &&
            ut_der_oid_equals(&method, oid_ad_ocsp, sizeof(oid_ad_ocsp)))
            rc = sink_add(ocsp, &gn);
        else if (rc == UNITLS_OK &&
                 ut_der_oid_equals(&method, oid_ad_ca_issuers,
                                   sizeof(oid_ad_ca_issuers)))
            rc = sink_add(issuers, &gn);
        if (rc != UNITLS_OK)
            return rc;
    }
    return UNITLS_OK;
}

/* Walks the contents of a GeneralNames, passing each to `sink` (or only
 * checking them when sink is NULL). */
static int walk_general_names(unitls_cert *cert, const struct ut_der_tlv *tlv,
                              struct uri_sink *sink)
{
    struct ut_der names;
    if (ut_der_enter(tlv, &names) != UNITLS_OK)
        return UNITLS_E_PARSE;
    while (!ut_der_at_end(&names)) {
        struct ut_general_name gn;
        int rc = ut_cert_read_general_name(&cert->arena, &names, &gn);
        if (rc == UNITLS_OK && sink != NULL)
            rc = sink_add(sink, &gn);
        if (rc != UNITLS_OK)
            return rc;
    }
    return UNITLS_OK;
}

/* distributionPoint [0] EXPLICIT CHOICE { fullName [0] GeneralNames,
 * nameRelativeToCRLIssuer [1] RelativeDistinguishedName } */
static int walk_dp_name(unitls_cert *cert, const struct ut_der_tlv *tlv,
                        struct uri_sink *sink)
{
    struct ut_der inner;
    struct ut_der_tlv choice;
    struct ut_rdn rdn;
    if (ut_der_enter(tlv, &inner) != UNITLS_OK ||
        ut_der_read(&inner, &choice) != UNITLS_OK || !ut_der_at_end(&inner))
        return UNITLS_E_PARSE;
    if (ut_der_is(&choice, UT_DER_CONTEXT_CONS(0)))
        return walk_general_names(cert, &choice, sink);
    if (ut_der_is(&choice, UT_DER_CONTEXT_CONS(1))) /* checked, not listed */
        return ut_cert_parse_rdn(&cert->arena, &choice, &rdn);
    return UNITLS_E_PARSE;
}

/* DistributionPoint ::= SEQUENCE { distributionPoint [0] OPTIONAL,
 *   reasons [1] IMPLICIT BIT STRING OPTIONAL,
 *   cRLIssuer [2] IMPLICIT GeneralNames OPTIONAL } */
static int walk_distribution_point(unitls_cert *cert, struct ut_der *list,
                                   struct uri_sink *sink)
{
    struct ut_der dp;
    struct ut_der_tlv seq, field;
    int present, rc;
    if (ut_der_expect(list, UT_DER_SEQUENCE, &seq) != UNITLS_OK ||
        ut_der_enter(&seq, &dp) != UNITLS_OK)
        return UNITLS_E_PARSE;
    if (ut_der_optional(&dp, UT_DER_CONTEXT_CONS(0), &field, &present) !=
        UNITLS_OK)
        return UNITLS_E_PARSE;
    if (present && (rc = walk_dp_name(cert, &field, sink)) != UNITLS_OK)
        return rc;
    if (ut_der_optional(&dp, UT_DER_CONTEXT(1), &field, &present) !=
            UNITLS_OK ||
        (present && (field.content_len == 0 || field.content[0] > 7)))
        return UNITLS_E_PARSE;
    if (ut_der_optional(&dp, UT_DER_CONTEXT_CONS(2), &field, &present) !=
        UNITLS_OK)
        return UNITLS_E_PARSE;
    if (present && (rc = walk_general_names(cert, &field, NULL)) != UNITLS_OK)
        return rc;
    return ut_der_at_end(&dp) ? UNITLS_OK : UNITLS_E_PARSE;
}

static int walk_crl_dp(unitls_cert *cert, const struct ut_der_tlv *value,
                       struct uri_sink *sink)
{
    struct ut_der list;
    if (open_sequence_of(value, &list) != UNITLS_OK)
        return UNITLS_E_PARSE;
    while (!ut_der_at_end(&list)) {
        int rc = walk_distribution_point(cert, &list, sink);
        if (rc != UNITLS_OK)
            return rc;
    }
    return UNITLS_OK;
}

/* An unusable extension lists nothing, as in Python. */
static int keep_or_drop(int rc, struct ut_uri_list *a, struct ut_uri_list *b)
{
    if (rc == UNITLS_OK)
        return UNITLS_OK;
    a->items = NULL;
    a->count = 0;
    if (b != NULL) {
        b->items = NULL;
        b->count = 0;
    }
    return rc == UNITLS_E_PARSE ? UNITLS_OK : rc;
}

int ut_cert_parse_aia(unitls_cert *cert, const struct ut_der_tlv *value)
{
    struct uri_sink ocsp = {&cert->arena, &cert->ocsp, 0};
    struct uri_sink issuers = {&cert->arena, &cert->ca_issuers, 0};
    int rc = walk_aia(cert, value, &ocsp, &issuers);
    if (rc == UNITLS_OK)
        rc = sink_prepare(&ocsp);
    if (rc == UNITLS_OK)
        rc = sink_prepare(&issuers);
    if (rc == UNITLS_OK)
        rc = walk_aia(cert, value, &ocsp, &issuers);
    return keep_or_drop(rc, &cert->ocsp, &cert->ca_issuers);
}

int ut_cert_parse_crl_dp(unitls_cert *cert, const struct ut_der_tlv *value)
{
    struct uri_sink sink = {&cert->arena, &cert->crl_uris, 0};
    int rc = walk_crl_dp(cert, value, &sink);
    if (rc == UNITLS_OK)
        rc = sink_prepare(&sink);
    if (rc == UNITLS_OK)
        rc = walk_crl_dp(cert, value, &sink);
    return keep_or_drop(rc, &cert->crl_uris, NULL);
}
