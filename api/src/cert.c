/* The public certificate functions: argument checks, then the model in
 * common/ (cert_internal.h). unitls_cert_check_host lives with the host
 * name matcher. */
#include <stdlib.h>
#include <string.h>

#include <unitls/cert.h>

#include "cert_internal.h"
#include "file.h"

UNITLS_API int unitls_cert_from_der(const void *der, size_t len,
                                    unitls_cert **out)
{
    if (out == NULL)
        return UNITLS_E_INVALID_ARG;
    *out = NULL;
    if (der == NULL)
        return UNITLS_E_INVALID_ARG;
    return ut_cert_parse(der, len, out);
}

UNITLS_API int unitls_cert_from_pem(const void *pem, size_t len,
                                    unitls_cert **out)
{
    if (out == NULL)
        return UNITLS_E_INVALID_ARG;
    *out = NULL;
    if (pem == NULL)
        return UNITLS_E_INVALID_ARG;
    return ut_cert_from_pem(pem, len, out);
}

UNITLS_API int unitls_cert_load_file(const char *path, unitls_cert **out)
{
    if (out == NULL)
        return UNITLS_E_INVALID_ARG;
    *out = NULL;
    if (path == NULL)
        return UNITLS_E_INVALID_ARG;
    unsigned char *data;
    size_t len;
    char err[256];
    int rc = ut_read_file(path, &data, &len, err, sizeof(err));
    if (rc != UNITLS_OK)
        return rc;
    rc = ut_cert_from_data(data, len, out);
    free(data);
    return rc;
}

UNITLS_API void unitls_cert_free(unitls_cert *cert)
{
    ut_cert_destroy(cert);
}

UNITLS_API const unsigned char *unitls_cert_der(const unitls_cert *cert,
                                                size_t *len)
{
    size_t ignored;
    if (len == NULL)
        len = &ignored;
    *len = 0;
    return cert ? ut_cert_der(cert, len) : NULL;
}

UNITLS_API int unitls_cert_to_pem(const unitls_cert *cert, char **pem,
                                  size_t *len)
{
    if (len != NULL)
        *len = 0;
    if (pem == NULL)
        return UNITLS_E_INVALID_ARG;
    *pem = NULL;
    if (cert == NULL)
        return UNITLS_E_INVALID_ARG;
    return ut_cert_to_pem(cert, pem, len);
}

UNITLS_API int unitls_cert_version(const unitls_cert *cert)
{
    return cert ? ut_cert_version(cert) : 0;
}

UNITLS_API const char *unitls_cert_serial(const unitls_cert *cert)
{
    return cert ? ut_cert_serial(cert) : NULL;
}

UNITLS_API int64_t unitls_cert_not_before(const unitls_cert *cert)
{
    return cert ? ut_cert_not_before(cert) : 0;
}

UNITLS_API int64_t unitls_cert_not_after(const unitls_cert *cert)
{
    return cert ? ut_cert_not_after(cert) : 0;
}

UNITLS_API const char *unitls_cert_not_before_string(const unitls_cert *cert)
{
    return cert ? ut_cert_not_before_string(cert) : NULL;
}

UNITLS_API const char *unitls_cert_not_after_string(const unitls_cert *cert)
{
    return cert ? ut_cert_not_after_string(cert) : NULL;
}

UNITLS_API size_t unitls_cert_rdn_count(const unitls_cert *cert,
                                        unitls_cert_name which)
{
    return cert ? ut_cert_rdn_count(cert, which) : 0;
}

UNITLS_API size_t unitls_cert_rdn_attr_count(const unitls_cert *cert,
                                             unitls_cert_name which,
                                             size_t rdn)
{
    return cert ? ut_cert_rdn_attr_count(cert, which, rdn) : 0;
}

UNITLS_API int unitls_cert_rdn_attr(const unitls_cert *cert,
                                    unitls_cert_name which, size_t rdn,
                                    size_t attr, const char **type,
                                    const char **value, size_t *value_len)
{
    if (cert == NULL || type == NULL || value == NULL || value_len == NULL)
        return UNITLS_E_INVALID_ARG;
    return ut_cert_rdn_attr(cert, which, rdn, attr, type, value, value_len);
}

UNITLS_API size_t unitls_cert_san_count(const unitls_cert *cert)
{
    return cert ? ut_cert_san_count(cert) : 0;
}

UNITLS_API int unitls_cert_san(const unitls_cert *cert, size_t index,
                               const char **type, const char **value,
                               size_t *value_len)
{
    if (cert == NULL || type == NULL || value == NULL || value_len == NULL)
        return UNITLS_E_INVALID_ARG;
    return ut_cert_san(cert, index, type, value, value_len);
}

UNITLS_API int unitls_cert_to_json(const unitls_cert *cert, char **json,
                                   size_t *len)
{
    if (len != NULL)
        *len = 0;
    if (json == NULL)
        return UNITLS_E_INVALID_ARG;
    *json = NULL;
    if (cert == NULL)
        return UNITLS_E_INVALID_ARG;
    return ut_cert_to_json(cert, json, len);
}

UNITLS_API int unitls_cert_to_text(const unitls_cert *cert, char **text,
                                   size_t *len)
{
    if (len != NULL)
        *len = 0;
    if (text == NULL)
        return UNITLS_E_INVALID_ARG;
    *text = NULL;
    if (cert == NULL)
        return UNITLS_E_INVALID_ARG;
    return ut_cert_to_text(cert, text, len);
}

UNITLS_API int unitls_cert_fingerprint(const unitls_cert *cert,
                                       unitls_digest digest,
                                       unsigned char *out, size_t out_size)
{
    if (cert == NULL || out == NULL)
        return UNITLS_E_INVALID_ARG;
    switch (digest) {
    case UNITLS_DIGEST_SHA256:
        if (out_size < UNITLS_DIGEST_SHA256_LEN)
            return UNITLS_E_INVALID_ARG;
        ut_cert_fingerprint_sha256(cert, out);
        return UNITLS_OK;
    case UNITLS_DIGEST_SHA1:
        if (out_size < UNITLS_DIGEST_SHA1_LEN)
            return UNITLS_E_INVALID_ARG;
        ut_cert_fingerprint_sha1(cert, out);
        return UNITLS_OK;
    default:
        return UNITLS_E_INVALID_ARG;
    }
}

UNITLS_API int unitls_cert_key_info(const unitls_cert *cert,
                                    const char **algorithm,
                                    const char **curve, int *bits)
{
    const char *a = NULL, *c = NULL;
    int b = 0;
    if (cert != NULL)
        ut_cert_key_info(cert, &a, &c, &b);
    if (algorithm != NULL)
        *algorithm = a;
    if (curve != NULL)
        *curve = c;
    if (bits != NULL)
        *bits = b;
    return cert != NULL ? UNITLS_OK : UNITLS_E_INVALID_ARG;
}

UNITLS_API int unitls_cert_basic_constraints(const unitls_cert *cert,
                                             int *is_ca, int *pathlen)
{
    int ca = 0, len = -1;
    int present = cert != NULL ? ut_cert_basic_constraints(cert, &ca, &len)
                               : 0;
    if (is_ca != NULL)
        *is_ca = ca;
    if (pathlen != NULL)
        *pathlen = len;
    return present;
}

UNITLS_API int unitls_cert_key_usage(const unitls_cert *cert,
                                     unsigned int *usage)
{
    unsigned bits = 0;
    int present = cert != NULL ? ut_cert_key_usage(cert, &bits) : 0;
    if (usage != NULL)
        *usage = bits;
    return present;
}

UNITLS_API size_t unitls_cert_ext_key_usage_count(const unitls_cert *cert)
{
    return cert ? ut_cert_ext_key_usage_count(cert) : 0;
}

UNITLS_API const char *unitls_cert_ext_key_usage_oid(const unitls_cert *cert,
                                                     size_t index)
{
    return cert ? ut_cert_ext_key_usage_oid(cert, index) : NULL;
}

UNITLS_API int unitls_cert_time_to_seconds(const char *text, int64_t *out)
{
    if (text == NULL || out == NULL)
        return UNITLS_E_INVALID_ARG;
    return ut_cert_time_to_seconds(text, strlen(text), out);
}
