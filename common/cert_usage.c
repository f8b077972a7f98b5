/* basicConstraints, keyUsage and extendedKeyUsage (RFC 5280 4.2.1.9, 4.2.1.3,
 * 4.2.1.12), decoded as OpenSSL decodes them: a value OpenSSL could not
 * decode leaves the extension out of the model (UNITLS_OK), so it counts as
 * absent, as it does for X509_get_ext_d2i(). */
#include "cert_internal.h"

#include <limits.h>

#include <unitls/status.h>

#include "oid_names.h"

/* BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE,
 *                                 pathLenConstraint INTEGER (0..MAX) OPTIONAL }
 * OpenSSL also accepts an explicitly encoded FALSE, and any non-zero octet as
 * TRUE. A negative pathLenConstraint, or one beyond INT_MAX, is unusable. */
int ut_cert_parse_basic_constraints(unitls_cert *cert,
                                    const struct ut_der_tlv *value)
{
    struct ut_der seq;
    struct ut_der_tlv ca, pathlen;
    int has_ca, has_pathlen;
    long n = -1;
    if (ut_cert_ext_sequence(value, &seq) != UNITLS_OK ||
        ut_der_optional(&seq, UT_DER_BOOLEAN, &ca, &has_ca) != UNITLS_OK ||
        (has_ca && ca.content_len != 1) ||
        ut_der_optional(&seq, UT_DER_INTEGER, &pathlen, &has_pathlen) !=
            UNITLS_OK ||
        !ut_der_at_end(&seq))
        return UNITLS_OK;
    if (has_pathlen &&
        (ut_der_get_long(&pathlen, &n) != UNITLS_OK || n < 0 || n > INT_MAX))
        return UNITLS_OK;
    cert->basic_constraints.present = 1;
    cert->basic_constraints.is_ca = has_ca && ca.content[0] != 0;
    cert->basic_constraints.pathlen = has_pathlen ? (int)n : -1;
    return UNITLS_OK;
}

/* KeyUsage ::= BIT STRING; bit n (0 = digitalSignature ... 8 =
 * decipherOnly) becomes bit n of the mask. Later bits are ignored and the
 * unused bits of the last octet are cleared, as OpenSSL does. */
int ut_cert_parse_key_usage(unitls_cert *cert, const struct ut_der_tlv *value)
{
    struct ut_der outer;
    struct ut_der_tlv bits;
    if (ut_der_enter_encapsulated(value, &outer) != UNITLS_OK ||
        ut_der_expect(&outer, UT_DER_BIT_STRING, &bits) != UNITLS_OK ||
        bits.content_len == 0 || bits.content[0] > 7)
        return UNITLS_OK;
    const unsigned char *data = bits.content + 1;
    size_t len = bits.content_len - 1;
    unsigned mask = 0;
    for (unsigned n = 0; n < 9 && n / 8 < len; n++) {
        unsigned char octet = data[n / 8];
        if (n / 8 == len - 1)
            octet &= (unsigned char)(0xffu << bits.content[0]);
        if (octet & (0x80u >> (n % 8)))
            mask |= 1u << n;
    }
    cert->has_key_usage = 1;
    cert->key_usage = mask;
    return UNITLS_OK;
}

/* ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId (an OID);
 * OpenSSL accepts an empty one. */
int ut_cert_parse_ext_key_usage(unitls_cert *cert,
                                const struct ut_der_tlv *value)
{
    struct ut_der list;
    size_t count;
    if (ut_cert_ext_sequence(value, &list) != UNITLS_OK ||
        ut_der_count(&list, &count) != UNITLS_OK)
        return UNITLS_OK;
    const char **oids = ut_arena_array(&cert->arena, count, sizeof(*oids));
    if (oids == NULL)
        return UNITLS_E_NOMEM;
    for (size_t i = 0; i < count; i++) {
        struct ut_der_tlv oid;
        char room[UT_CERT_STRING_ROOM];
        struct ut_strbuf sb;
        if (ut_der_expect(&list, UT_DER_OID, &oid) != UNITLS_OK ||
            ut_der_check_oid(&oid) != UNITLS_OK)
            return UNITLS_OK;
        ut_strbuf_init_with(&sb, room, sizeof(room));
        if (ut_oid_append_dotted(&sb, oid.content, oid.content_len) !=
            UNITLS_OK) {
            ut_strbuf_free(&sb);
            return UNITLS_OK;
        }
        oids[i] = ut_arena_take(&cert->arena, &sb, NULL);
        if (oids[i] == NULL)
            return UNITLS_E_NOMEM;
    }
    cert->eku_oids = oids;
    cert->eku_count = count;
    return UNITLS_OK;
}
