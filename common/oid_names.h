/* OBJECT IDENTIFIERs as OpenSSL names them: its object table (long and
 * short names) and its dotted form for everything else. */
#ifndef UT_OID_NAMES_H
#define UT_OID_NAMES_H

#include <stddef.h>

#include "strbuf.h"

/* OpenSSL refuses to print OIDs longer than this (OBJ_obj2txt). */
#define UT_OID_MAX_LEN 586

struct ut_oid_name {
    const char *dotted;     /* "2.5.4.3" */
    const char *short_name; /* "CN" */
    const char *long_name;  /* "commonName" */
};

/* Looks a dotted OID up in OpenSSL's object table. Returns the entry, or
 * NULL for an OID OpenSSL does not know. */
const struct ut_oid_name *ut_oid_lookup(const char *dotted);

/* Appends the dotted form of an OID given by its DER contents (checked with
 * ut_der_check_oid), exactly as OpenSSL's OBJ_obj2txt(..., 1) writes it:
 * "2.5.4.3", arcs of any size. Returns UNITLS_OK, or UNITLS_E_PARSE if the
 * OID is longer than UT_OID_MAX_LEN octets. */
int ut_oid_append_dotted(struct ut_strbuf *sb, const unsigned char *oid,
                         size_t len);

#endif
