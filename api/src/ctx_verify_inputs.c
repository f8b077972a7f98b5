/* What a context verifies with besides trust anchors: untrusted
 * intermediate certificates and certificate revocation lists. */
#include "api_checks.h"
#include "der.h"
#include "pem.h"
#include "provider.h"

static int load_untrusted(unitls_ctx *ctx, const void *data, size_t len,
                          const char *what)
{
    return ut_ctx_load_certs(ctx, data, len, what,
                             ut_provider.ctx_add_untrusted_der);
}

static int check_untrusted(unitls_ctx *ctx)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc == UNITLS_OK && !unitls_provider_has(UNITLS_CAP_UNTRUSTED))
        rc = ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                         "untrusted intermediates are not supported by the "
                         "%s provider", ut_provider.name);
    return rc;
}

int unitls_ctx_load_untrusted_file(unitls_ctx *ctx, const char *path)
{
    int rc = check_untrusted(ctx);
    return rc != UNITLS_OK ? rc : ut_ctx_load_file(ctx, path, load_untrusted);
}

int unitls_ctx_load_untrusted_mem(unitls_ctx *ctx, const void *data,
                                  size_t len)
{
    int rc = check_untrusted(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (data == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "data is NULL");
    return load_untrusted(ctx, data, len, "untrusted certificates");
}

/* A CertificateList's outer shape (RFC 5280 5.1): SEQUENCE { tbsCertList
 * SEQUENCE, signatureAlgorithm SEQUENCE, signatureValue BIT STRING } and
 * nothing after it. The backend parses the rest. */
static int crl_shape_ok(const unsigned char *der, size_t len)
{
    struct ut_der outer, inner;
    struct ut_der_tlv list, part;
    ut_der_init(&outer, der, len);
    if (ut_der_expect(&outer, UT_DER_SEQUENCE, &list) != UNITLS_OK ||
        !ut_der_at_end(&outer) || ut_der_enter(&list, &inner) != UNITLS_OK)
        return 0;
    return ut_der_expect(&inner, UT_DER_SEQUENCE, &part) == UNITLS_OK &&
           ut_der_expect(&inner, UT_DER_SEQUENCE, &part) == UNITLS_OK &&
           ut_der_expect(&inner, UT_DER_BIT_STRING, &part) == UNITLS_OK &&
           ut_der_at_end(&inner);
}

static int crls_from_buffer(const void *data, size_t len,
                            struct ut_blob_list *out)
{
    if (!ut_is_pem(data, len))
        return len ? ut_blob_list_add(out, data, len) : UNITLS_E_PARSE;
    int rc = ut_pem_decode_all(data, len, "X509 CRL", out);
    return rc == UNITLS_OK && out->count == 0 ? UNITLS_E_PARSE : rc;
}

static int add_crls(unitls_ctx *ctx, const struct ut_blob_list *crls,
                    const char *what)
{
    for (size_t i = 0; i < crls->count; i++)
        if (!crl_shape_ok(crls->items[i].data, crls->items[i].len))
            return ut_ctx_fail(ctx, UNITLS_E_PARSE,
                               "%s: CRL %zu is malformed", what, i + 1);
    for (size_t i = 0; i < crls->count; i++) {
        int rc = ut_provider.ctx_add_crl_der(ctx, crls->items[i].data,
                                             crls->items[i].len);
        if (rc != UNITLS_OK)
            return rc;
    }
    return UNITLS_OK;
}

static int load_crls(unitls_ctx *ctx, const void *data, size_t len,
                     const char *what)
{
    struct ut_blob_list crls = {0};
    int rc = crls_from_buffer(data, len, &crls);
    if (rc == UNITLS_E_PARSE)
        rc = ut_ctx_fail(ctx, rc, "%s: no CRL found (or malformed PEM)",
                         what);
    else if (rc == UNITLS_OK)
        rc = add_crls(ctx, &crls, what);
    ut_blob_list_free(&crls);
    return rc;
}

static int check_crl(unitls_ctx *ctx)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc == UNITLS_OK && !unitls_provider_has(UNITLS_CAP_CRL))
        rc = ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                         "CRLs are not supported by the %s provider",
                         ut_provider.name);
    return rc;
}

int unitls_ctx_load_crl_file(unitls_ctx *ctx, const char *path)
{
    int rc = check_crl(ctx);
    return rc != UNITLS_OK ? rc : ut_ctx_load_file(ctx, path, load_crls);
}

int unitls_ctx_load_crl_mem(unitls_ctx *ctx, const void *data, size_t len)
{
    int rc = check_crl(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (data == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "data is NULL");
    return load_crls(ctx, data, len, "CRL data");
}
