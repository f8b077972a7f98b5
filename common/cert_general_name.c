/* GeneralName (RFC 5280 4.2.1.6), checked as OpenSSL's GENERAL_NAME
 * template decodes it, so that we use exactly the names OpenSSL would. */
#include "cert_internal.h"

#include <unitls/status.h>

/* DirectoryString: the types EDIPartyName may hold. */
static int is_directory_string(const struct ut_der_tlv *tlv)
{
    if (tlv->cls != UT_DER_CLASS_UNIVERSAL || tlv->constructed)
        return 0;
    return tlv->tag == 12 || tlv->tag == 19 || tlv->tag == 20 ||
           tlv->tag == 28 || tlv->tag == 30;
}

/* [n] EXPLICIT DirectoryString, `n` given as its identifier octet. */
static int read_explicit_directory_string(struct ut_der *in, unsigned ident,
                                          int optional)
{
    struct ut_der_tlv outer, inner_tlv;
    struct ut_der inner;
    int present;
    if (ut_der_optional(in, ident, &outer, &present) != UNITLS_OK)
        return UNITLS_E_PARSE;
    if (!present)
        return optional ? UNITLS_OK : UNITLS_E_PARSE;
    if (ut_der_enter(&outer, &inner) != UNITLS_OK ||
        ut_der_read(&inner, &inner_tlv) != UNITLS_OK ||
        !is_directory_string(&inner_tlv) || !ut_der_at_end(&inner))
        return UNITLS_E_PARSE;
    return UNITLS_OK;
}

/* otherName: SEQUENCE { type-id OID, value [0] EXPLICIT ANY } (implicitly
 * tagged [0], so its contents are the sequence's). */
static int check_other_name(struct ut_general_name *gn)
{
    struct ut_der in, wrapper;
    struct ut_der_tlv value_tag;
    if (ut_der_enter(&gn->tlv, &in) != UNITLS_OK ||
        ut_der_expect(&in, UT_DER_OID, &gn->type_id) != UNITLS_OK ||
        ut_der_check_oid(&gn->type_id) != UNITLS_OK ||
        ut_der_expect(&in, UT_DER_CONTEXT_CONS(0), &value_tag) != UNITLS_OK ||
        !ut_der_at_end(&in) ||
        ut_der_enter(&value_tag, &wrapper) != UNITLS_OK ||
        ut_der_read(&wrapper, &gn->value) != UNITLS_OK ||
        !ut_der_at_end(&wrapper))
        return UNITLS_E_PARSE;
    return UNITLS_OK;
}

/* EDIPartyName: SEQUENCE { nameAssigner [0] OPTIONAL, partyName [1] }. */
static int check_edi_party(const struct ut_general_name *gn)
{
    struct ut_der in;
    if (ut_der_enter(&gn->tlv, &in) != UNITLS_OK ||
        read_explicit_directory_string(&in, UT_DER_CONTEXT_CONS(0), 1) !=
            UNITLS_OK ||
        read_explicit_directory_string(&in, UT_DER_CONTEXT_CONS(1), 0) !=
            UNITLS_OK ||
        !ut_der_at_end(&in))
        return UNITLS_E_PARSE;
    return UNITLS_OK;
}

/* directoryName: [4] EXPLICIT Name. */
static int read_dirname(struct ut_arena *arena, struct ut_general_name *gn)
{
    struct ut_der in;
    struct ut_der_tlv name;
    if (ut_der_enter(&gn->tlv, &in) != UNITLS_OK ||
        ut_der_read(&in, &name) != UNITLS_OK || !ut_der_at_end(&in))
        return UNITLS_E_PARSE;
    return ut_cert_parse_name(arena, &name, &gn->dirname);
}

/* Which tags are primitive ([1] [2] [6] [7] [8]) and which constructed. */
static int has_expected_form(const struct ut_der_tlv *tlv)
{
    switch (tlv->tag) {
    case UT_SAN_EMAIL:
    case UT_SAN_DNS:
    case UT_SAN_URI:
    case UT_SAN_IP:
    case UT_SAN_RID:
        return !tlv->constructed;
    default:
        return tlv->constructed;
    }
}

int ut_cert_read_general_name(struct ut_arena *arena, struct ut_der *in,
                              struct ut_general_name *out)
{
    struct ut_general_name gn = {0};
    if (ut_der_read(in, &gn.tlv) != UNITLS_OK ||
        gn.tlv.cls != UT_DER_CLASS_CONTEXT || gn.tlv.tag > UT_SAN_RID ||
        !has_expected_form(&gn.tlv))
        return UNITLS_E_PARSE;
    gn.kind = (enum ut_san_kind)gn.tlv.tag;
    gn.value = gn.tlv;
    int rc = UNITLS_OK;
    switch (gn.kind) {
    case UT_SAN_OTHERNAME:
        rc = check_other_name(&gn);
        break;
    case UT_SAN_DIRNAME:
        rc = read_dirname(arena, &gn);
        break;
    case UT_SAN_EDIPARTY:
        rc = check_edi_party(&gn);
        break;
    case UT_SAN_RID:
        rc = ut_der_check_oid(&gn.value);
        break;
    default: /* IA5String and OCTET STRING contents, X.400 kept whole */
        break;
    }
    if (rc == UNITLS_OK)
        *out = gn;
    return rc;
}
