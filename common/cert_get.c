/* Read access to the model: the accessors api/src/cert.c wraps, and those
 * of cert_model.h. Arguments are checked by the callers. */
#include "cert_internal.h"

#include <string.h>

#include <unitls/status.h>

#include "sha.h"

const unsigned char *ut_cert_der(const unitls_cert *cert, size_t *len)
{
    *len = cert->der_len;
    return cert->der;
}

int ut_cert_version(const unitls_cert *cert)
{
    return cert->version;
}

const char *ut_cert_serial(const unitls_cert *cert)
{
    return cert->serial;
}

int64_t ut_cert_not_before(const unitls_cert *cert)
{
    return cert->not_before.seconds;
}

int64_t ut_cert_not_after(const unitls_cert *cert)
{
    return cert->not_after.seconds;
}

const char *ut_cert_not_before_string(const unitls_cert *cert)
{
    return cert->not_before.text;
}

const char *ut_cert_not_after_string(const unitls_cert *cert)
{
    return cert->not_after.text;
}

static const struct ut_name *name_of(const unitls_cert *cert,
                                     unitls_cert_name which)
{
    switch (which) {
    case UNITLS_CERT_SUBJECT:
        return &cert->subject;
    case UNITLS_CERT_ISSUER:
        return &cert->issuer;
    default:
        return NULL;
    }
}

size_t ut_cert_rdn_count(const unitls_cert *cert, unitls_cert_name which)
{
    const struct ut_name *name = name_of(cert, which);
    return name ? name->count : 0;
}

size_t ut_cert_rdn_attr_count(const unitls_cert *cert, unitls_cert_name which,
                              size_t rdn)
{
    const struct ut_name *name = name_of(cert, which);
    return name && rdn < name->count ? name->rdns[rdn].count : 0;
}

int ut_cert_rdn_attr(const unitls_cert *cert, unitls_cert_name which,
                     size_t rdn, size_t attr, const char **type,
                     const char **value, size_t *value_len)
{
    if (attr >= ut_cert_rdn_attr_count(cert, which, rdn))
        return UNITLS_E_INVALID_ARG;
    const struct ut_attr *a = &name_of(cert, which)->rdns[rdn].attrs[attr];
    *type = a->long_name;
    *value = a->value.data;
    *value_len = a->value.len;
    return UNITLS_OK;
}

size_t ut_cert_san_count(const unitls_cert *cert)
{
    return cert->san_count;
}

int ut_cert_san(const unitls_cert *cert, size_t index, const char **type,
                const char **value, size_t *value_len)
{
    if (index >= cert->san_count)
        return UNITLS_E_INVALID_ARG;
    const struct ut_san *san = &cert->sans[index];
    *type = san->label;
    *value = san->value.data;
    *value_len = san->value.len;
    return UNITLS_OK;
}

void ut_cert_fingerprint_sha256(const unitls_cert *cert, unsigned char *out)
{
    ut_sha256(cert->der, cert->der_len, out);
}

void ut_cert_fingerprint_sha1(const unitls_cert *cert, unsigned char *out)
{
    ut_sha1(cert->der, cert->der_len, out);
}

void ut_cert_key_info(const unitls_cert *cert, const char **algorithm,
                      const char **curve, int *bits)
{
    *algorithm = cert->key_algorithm;
    *curve = cert->key_parameter;
    *bits = cert->key_bits;
}

int ut_cert_basic_constraints(const unitls_cert *cert, int *is_ca,
                              int *pathlen)
{
    const struct ut_basic_constraints *bc = &cert->basic_constraints;
    *is_ca = bc->present && bc->is_ca;
    *pathlen = bc->present ? bc->pathlen : -1;
    return bc->present;
}

int ut_cert_key_usage(const unitls_cert *cert, unsigned *usage)
{
    *usage = cert->has_key_usage ? cert->key_usage : 0;
    return cert->has_key_usage;
}

size_t ut_cert_ext_key_usage_count(const unitls_cert *cert)
{
    return cert->eku_count;
}

const char *ut_cert_ext_key_usage_oid(const unitls_cert *cert, size_t index)
{
    return index < cert->eku_count ? cert->eku_oids[index] : NULL;
}

/* --- cert_model.h ------------------------------------------------------- */

int ut_cert_has_san_ext(const unitls_cert *cert)
{
    return cert != NULL && cert->has_san_ext;
}

int ut_cert_san_raw(const unitls_cert *cert, size_t index,
                    enum ut_san_kind *kind, const unsigned char **raw,
                    size_t *raw_len)
{
    if (cert == NULL || kind == NULL || raw == NULL || raw_len == NULL ||
        index >= cert->san_count)
        return UNITLS_E_INVALID_ARG;
    const struct ut_san *san = &cert->sans[index];
    *kind = san->kind;
    *raw = (const unsigned char *)san->raw.data;
    *raw_len = san->raw.len;
    return UNITLS_OK;
}

int ut_cert_subject_cn(const unitls_cert *cert, const char **value,
                       size_t *value_len)
{
    const struct ut_attr *last = NULL;
    if (cert == NULL)
        return UNITLS_E_PARSE;
    for (size_t i = 0; i < cert->subject.count; i++) {
        const struct ut_rdn *rdn = &cert->subject.rdns[i];
        for (size_t k = 0; k < rdn->count; k++) {
            if (strcmp(rdn->attrs[k].long_name, "commonName") == 0)
                last = &rdn->attrs[k];
        }
    }
    /* A commonName that is not a string (OpenSSL allows a few) names no
     * host. */
    if (last == NULL || !last->is_string)
        return UNITLS_E_PARSE;
    *value = last->value.data;
    *value_len = last->value.len;
    return UNITLS_OK;
}
