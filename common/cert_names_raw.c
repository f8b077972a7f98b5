/* The issuer and subject Names of a DER certificate, found without building
 * the model: a walk over the first fields of tbsCertificate. */
#include <unitls/status.h>

#include "cert_model.h"
#include "der.h"

/* Moves past one TLV of the expected identifier. */
static int skip(struct ut_der *der, unsigned ident)
{
    struct ut_der_tlv tlv;
    return ut_der_expect(der, ident, &tlv);
}

int ut_cert_names_raw(const unsigned char *der, size_t len,
                      struct ut_der_span *issuer, struct ut_der_span *subject)
{
    struct ut_der top, body, tbs;
    struct ut_der_tlv seq, tbs_tlv, name, version;
    int present;
    ut_der_init(&top, der, len);
    if (ut_der_expect(&top, UT_DER_SEQUENCE, &seq) != UNITLS_OK ||
        ut_der_enter(&seq, &body) != UNITLS_OK ||
        ut_der_expect(&body, UT_DER_SEQUENCE, &tbs_tlv) != UNITLS_OK ||
        ut_der_enter(&tbs_tlv, &tbs) != UNITLS_OK ||
        ut_der_optional(&tbs, UT_DER_CONTEXT_CONS(0), &version, &present) !=
            UNITLS_OK ||
        skip(&tbs, UT_DER_INTEGER) != UNITLS_OK ||  /* serialNumber */
        skip(&tbs, UT_DER_SEQUENCE) != UNITLS_OK || /* signature */
        ut_der_expect(&tbs, UT_DER_SEQUENCE, &name) != UNITLS_OK)
        return UNITLS_E_PARSE;
    *issuer = (struct ut_der_span){name.raw, name.raw_len};
    if (skip(&tbs, UT_DER_SEQUENCE) != UNITLS_OK || /* validity */
        ut_der_expect(&tbs, UT_DER_SEQUENCE, &name) != UNITLS_OK)
        return UNITLS_E_PARSE;
    *subject = (struct ut_der_span){name.raw, name.raw_len};
    return UNITLS_OK;
}
