/* A small, strict DER reader: one TLV at a time, never past its buffer.
 *
 * Strict means: definite lengths only, in the shortest form; tag numbers in
 * the shortest form; a length never runs past its parent; constructed values
 * can be entered only UT_DER_MAX_DEPTH levels deep. Everything else returns
 * UNITLS_E_PARSE. The reader does not copy: every pointer it hands out points
 * into the caller's buffer. */
#ifndef UT_DER_H
#define UT_DER_H

#include <stddef.h>

/* How deep constructed values may nest (a certificate needs about 14). */
#define UT_DER_MAX_DEPTH 32

/* Identifier octets of the universal types certificates use. */
#define UT_DER_BOOLEAN 0x01
#define UT_DER_INTEGER 0x02
#define UT_DER_BIT_STRING 0x03
#define UT_DER_OCTET_STRING 0x04
#define UT_DER_NULL 0x05
#define UT_DER_OID 0x06
#define UT_DER_UTF8_STRING 0x0c
#define UT_DER_SEQUENCE 0x30
#define UT_DER_SET 0x31
#define UT_DER_UTC_TIME 0x17
#define UT_DER_GENERALIZED_TIME 0x18

/* Identifier octets of context-specific tags [n], n < 31. */
#define UT_DER_CONTEXT(n) (0x80u | (unsigned)(n))
#define UT_DER_CONTEXT_CONS(n) (0xa0u | (unsigned)(n))

/* Tag classes (the top two bits of the identifier octet). */
#define UT_DER_CLASS_UNIVERSAL 0x00u
#define UT_DER_CLASS_CONTEXT 0x80u

/* A cursor over a run of TLVs: a whole buffer, or the contents of one
 * constructed value. Copy it freely; it owns nothing. */
struct ut_der {
    const unsigned char *p;
    size_t len;
    unsigned depth; /* nesting level of the values it yields */
};

/* One TLV, as read. */
struct ut_der_tlv {
    unsigned cls;     /* UT_DER_CLASS_* (or 0x40 / 0xc0) */
    int constructed;  /* 1 for a constructed encoding */
    unsigned long tag; /* tag number */
    const unsigned char *content;
    size_t content_len;
    const unsigned char *raw; /* the whole TLV, identifier to last byte */
    size_t raw_len;
    unsigned depth; /* nesting level of this value */
};

/* Starts a cursor over buf[0..len), at nesting level 0. */
void ut_der_init(struct ut_der *der, const unsigned char *buf, size_t len);

/* Returns 1 when the cursor has no bytes left, else 0. */
int ut_der_at_end(const struct ut_der *der);

/* Reads the next TLV and moves past it. Returns UNITLS_OK, or
 * UNITLS_E_PARSE at the end of the cursor or on a malformed TLV. */
int ut_der_read(struct ut_der *der, struct ut_der_tlv *out);

/* Reads the next TLV without moving. Returns as ut_der_read(). */
int ut_der_peek(const struct ut_der *der, struct ut_der_tlv *out);

/* Returns 1 if `tlv` has the single identifier octet `ident` (tag < 31). */
int ut_der_is(const struct ut_der_tlv *tlv, unsigned ident);

/* Reads the next TLV, which must have identifier `ident`. Returns UNITLS_OK
 * or UNITLS_E_PARSE. */
int ut_der_expect(struct ut_der *der, unsigned ident, struct ut_der_tlv *out);

/* If the next TLV has identifier `ident`, reads it and sets *present to 1;
 * otherwise leaves the cursor alone and sets *present to 0 (also at the
 * end). Returns UNITLS_OK, or UNITLS_E_PARSE for a malformed next TLV. */
int ut_der_optional(struct ut_der *der, unsigned ident,
                    struct ut_der_tlv *out, int *present);

/* Opens a cursor over the contents of a constructed TLV, one level deeper.
 * Returns UNITLS_OK; UNITLS_E_PARSE if `tlv` is primitive or too deep. */
int ut_der_enter(const struct ut_der_tlv *tlv, struct ut_der *inner);

/* Opens a cursor over the contents of a primitive TLV that carries DER of
 * its own (an extension's OCTET STRING), one level deeper. Returns UNITLS_OK
 * or UNITLS_E_PARSE (too deep). */
int ut_der_enter_encapsulated(const struct ut_der_tlv *tlv,
                              struct ut_der *inner);

/* Counts the TLVs left in the cursor (all must be well formed). Returns
 * UNITLS_OK or UNITLS_E_PARSE. */
int ut_der_count(const struct ut_der *der, size_t *count);

/* Checks an INTEGER's contents: at least one octet, no superfluous leading
 * 0x00 or 0xff. Returns UNITLS_OK or UNITLS_E_PARSE. */
int ut_der_check_integer(const struct ut_der_tlv *tlv);

/* Reads a small INTEGER (that fits a long). Returns UNITLS_OK or
 * UNITLS_E_PARSE. */
int ut_der_get_long(const struct ut_der_tlv *tlv, long *value);

/* Checks an OBJECT IDENTIFIER's contents: at least one octet, no
 * sub-identifier starting with 0x80, the last octet ending a
 * sub-identifier. Returns UNITLS_OK or UNITLS_E_PARSE. */
int ut_der_check_oid(const struct ut_der_tlv *tlv);

/* Returns 1 if the OID TLV's contents equal oid[0..len), else 0. */
int ut_der_oid_equals(const struct ut_der_tlv *tlv, const unsigned char *oid,
                      size_t len);

#endif
