/* Certificate (RFC 5280 4.1), read strictly from DER into the model. */
#include "cert_internal.h"

#include <stdlib.h>
#include <string.h>

#include <unitls/status.h>

/* BIT STRING: an unused-bits octet of 0..7, and 0 when there are no bits. */
static int check_bit_string(const struct ut_der_tlv *tlv)
{
    if (tlv->constructed || tlv->content_len == 0 || tlv->content[0] > 7 ||
        (tlv->content_len == 1 && tlv->content[0] != 0))
        return UNITLS_E_PARSE;
    return UNITLS_OK;
}

/* An AlgorithmIdentifier as read: its OID and its parameters, if any. */
struct algorithm {
    const char *name;      /* long name or dotted OID */
    const char *parameter; /* the same for parameters that are an OID */
    struct ut_der_tlv oid;
    struct ut_der_tlv param;
    int has_param;
};

/* AlgorithmIdentifier ::= SEQUENCE { OID, parameters ANY OPTIONAL }. Names
 * the algorithm, and the parameters when they are an OID (a named curve). */
static int read_algorithm(unitls_cert *cert, struct ut_der *in,
                          struct algorithm *out)
{
    struct ut_der alg;
    struct ut_der_tlv seq;
    const char *short_name;
    if (ut_der_expect(in, UT_DER_SEQUENCE, &seq) != UNITLS_OK ||
        ut_der_enter(&seq, &alg) != UNITLS_OK ||
        ut_der_expect(&alg, UT_DER_OID, &out->oid) != UNITLS_OK)
        return UNITLS_E_PARSE;
    out->has_param = !ut_der_at_end(&alg);
    if (out->has_param && (ut_der_read(&alg, &out->param) != UNITLS_OK ||
                           !ut_der_at_end(&alg)))
        return UNITLS_E_PARSE;
    int rc = ut_cert_oid_names(&cert->arena, &out->oid, &out->name,
                               &short_name);
    out->parameter = NULL;
    if (rc == UNITLS_OK && out->has_param &&
        ut_der_is(&out->param, UT_DER_OID))
        rc = ut_cert_oid_names(&cert->arena, &out->param, &out->parameter,
                               &short_name);
    return rc;
}

/* version [0] EXPLICIT INTEGER DEFAULT v1; only v1..v3 exist. */
static int read_version(unitls_cert *cert, struct ut_der *tbs)
{
    struct ut_der_tlv wrapper, integer;
    struct ut_der inner;
    int present;
    long v;
    cert->version = 1;
    if (ut_der_optional(tbs, UT_DER_CONTEXT_CONS(0), &wrapper, &present) !=
        UNITLS_OK)
        return UNITLS_E_PARSE;
    if (!present)
        return UNITLS_OK;
    if (ut_der_enter(&wrapper, &inner) != UNITLS_OK ||
        ut_der_expect(&inner, UT_DER_INTEGER, &integer) != UNITLS_OK ||
        !ut_der_at_end(&inner) || ut_der_get_long(&integer, &v) != UNITLS_OK ||
        v < 0 || v > 2)
        return UNITLS_E_PARSE;
    cert->version = (int)v + 1;
    return UNITLS_OK;
}

/* Validity ::= SEQUENCE { notBefore Time, notAfter Time } */
static int read_validity(unitls_cert *cert, struct ut_der *tbs)
{
    struct ut_der_tlv seq, nb, na;
    struct ut_der inner;
    if (ut_der_expect(tbs, UT_DER_SEQUENCE, &seq) != UNITLS_OK ||
        ut_der_enter(&seq, &inner) != UNITLS_OK ||
        ut_der_read(&inner, &nb) != UNITLS_OK ||
        ut_der_read(&inner, &na) != UNITLS_OK || !ut_der_at_end(&inner))
        return UNITLS_E_PARSE;
    int rc = ut_cert_parse_time(&cert->arena, &nb, &cert->not_before);
    if (rc == UNITLS_OK)
        rc = ut_cert_parse_time(&cert->arena, &na, &cert->not_after);
    return rc;
}

static int read_name(unitls_cert *cert, struct ut_der *tbs,
                     struct ut_name *name)
{
    struct ut_der_tlv tlv;
    if (ut_der_read(tbs, &tlv) != UNITLS_OK)
        return UNITLS_E_PARSE;
    return ut_cert_parse_name(&cert->arena, &tlv, name);
}

/* SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier, BIT STRING } */
static int read_public_key(unitls_cert *cert, struct ut_der *tbs)
{
    struct ut_der_tlv seq, key;
    struct ut_der inner;
    struct algorithm alg;
    if (ut_der_expect(tbs, UT_DER_SEQUENCE, &seq) != UNITLS_OK ||
        ut_der_enter(&seq, &inner) != UNITLS_OK)
        return UNITLS_E_PARSE;
    int rc = read_algorithm(cert, &inner, &alg);
    if (rc != UNITLS_OK)
        return rc;
    if (ut_der_expect(&inner, UT_DER_BIT_STRING, &key) != UNITLS_OK ||
        check_bit_string(&key) != UNITLS_OK || !ut_der_at_end(&inner))
        return UNITLS_E_PARSE;
    cert->key_algorithm = alg.name;
    cert->key_parameter = alg.parameter;
    ut_cert_parse_key_bits(cert, &alg.oid, alg.has_param ? &alg.param : NULL,
                           &key);
    return UNITLS_OK;
}

/* issuerUniqueID [1], subjectUniqueID [2] (BIT STRINGs), extensions [3] */
static int read_optional_tail(unitls_cert *cert, struct ut_der *tbs)
{
    struct ut_der_tlv tlv;
    int present;
    for (unsigned tag = 1; tag <= 2; tag++) {
        if (ut_der_optional(tbs, UT_DER_CONTEXT(tag), &tlv, &present) !=
                UNITLS_OK ||
            (present && check_bit_string(&tlv) != UNITLS_OK))
            return UNITLS_E_PARSE;
    }
    if (ut_der_optional(tbs, UT_DER_CONTEXT_CONS(3), &tlv, &present) !=
        UNITLS_OK)
        return UNITLS_E_PARSE;
    int rc = present ? ut_cert_parse_extensions(cert, &tlv) : UNITLS_OK;
    if (rc == UNITLS_OK && !ut_der_at_end(tbs))
        rc = UNITLS_E_PARSE;
    return rc;
}

static int read_tbs(unitls_cert *cert, const struct ut_der_tlv *tlv)
{
    struct ut_der tbs;
    struct ut_der_tlv serial;
    struct algorithm signature;
    if (ut_der_enter(tlv, &tbs) != UNITLS_OK)
        return UNITLS_E_PARSE;
    int rc = read_version(cert, &tbs);
    if (rc == UNITLS_OK)
        rc = ut_der_read(&tbs, &serial);
    if (rc == UNITLS_OK)
        rc = ut_cert_parse_serial(&cert->arena, &serial, &cert->serial,
                                  &cert->serial_hex);
    if (rc == UNITLS_OK)
        rc = read_algorithm(cert, &tbs, &signature);
    if (rc == UNITLS_OK)
        rc = read_name(cert, &tbs, &cert->issuer);
    if (rc == UNITLS_OK)
        rc = read_validity(cert, &tbs);
    if (rc == UNITLS_OK)
        rc = read_name(cert, &tbs, &cert->subject);
    if (rc == UNITLS_OK)
        rc = read_public_key(cert, &tbs);
    if (rc == UNITLS_OK)
        rc = read_optional_tail(cert, &tbs);
    return rc;
}

/* Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm,
 *                            signatureValue BIT STRING }, and nothing after */
static int read_certificate(unitls_cert *cert)
{
    struct ut_der top, body;
    struct ut_der_tlv seq, tbs, signature;
    struct algorithm alg;
    ut_der_init(&top, cert->der, cert->der_len);
    if (ut_der_expect(&top, UT_DER_SEQUENCE, &seq) != UNITLS_OK ||
        !ut_der_at_end(&top) || ut_der_enter(&seq, &body) != UNITLS_OK ||
        ut_der_expect(&body, UT_DER_SEQUENCE, &tbs) != UNITLS_OK)
        return UNITLS_E_PARSE;
    int rc = read_algorithm(cert, &body, &alg);
    if (rc != UNITLS_OK)
        return rc;
    cert->signature_algorithm = alg.name;
    if (ut_der_expect(&body, UT_DER_BIT_STRING, &signature) != UNITLS_OK ||
        check_bit_string(&signature) != UNITLS_OK || !ut_der_at_end(&body))
        return UNITLS_E_PARSE;
    return read_tbs(cert, &tbs);
}

int ut_cert_parse(const unsigned char *der, size_t len, unitls_cert **out)
{
    *out = NULL;
    if (der == NULL || len == 0)
        return UNITLS_E_PARSE;
    unitls_cert *cert = calloc(1, sizeof(*cert));
    if (cert == NULL)
        return UNITLS_E_NOMEM;
    unsigned char *copy = ut_arena_alloc(&cert->arena, len);
    if (copy == NULL) {
        ut_cert_destroy(cert);
        return UNITLS_E_NOMEM;
    }
    memcpy(copy, der, len);
    cert->der = copy;
    cert->der_len = len;
    int rc = read_certificate(cert);
    if (rc != UNITLS_OK) {
        ut_cert_destroy(cert);
        return rc;
    }
    *out = cert;
    return UNITLS_OK;
}

void ut_cert_destroy(unitls_cert *cert)
{
    if (cert == NULL)
        return;
    ut_arena_free(&cert->arena);
    free(cert);
}
