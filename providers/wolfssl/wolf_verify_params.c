/* The verification settings of a context (unitls/verify.h) for wolfSSL.
 * The settings themselves stay in the unitls_ctx, where the judgement
 * (wolf_judge.c, wolf_replay.c) reads them; untrusted intermediates and
 * CRLs are kept here as DER, checked by wolfSSL's parser when added. */
#include "wolf.h"

#include <limits.h>

int wolf_ctx_apply_verify_params(unitls_ctx *ctx)
{
    (void)ctx; /* read where they are used */
    return UNITLS_OK;
}

int wolf_ctx_add_untrusted_der(unitls_ctx *ctx, const unsigned char *der,
                               size_t len)
{
    WOLFSSL_X509 *x509 =
        len <= INT_MAX ? wolfSSL_X509_d2i(NULL, der, (int)len) : NULL;
    wolfSSL_ERR_clear_error();
    if (x509 == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_PARSE,
                           "the intermediate certificate is not accepted");
    wolfSSL_X509_free(x509);
    if (ut_blob_list_add(&wolf_ctx_impl(ctx)->untrusted, der, len) !=
        UNITLS_OK)
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    return UNITLS_OK;
}

int wolf_ctx_add_crl_der(unitls_ctx *ctx, const unsigned char *der,
                         size_t len)
{
    const unsigned char *p = der;
    WOLFSSL_X509_CRL *crl =
        len <= INT_MAX ? wolfSSL_d2i_X509_CRL(NULL, p, (int)len) : NULL;
    wolfSSL_ERR_clear_error();
    if (crl == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_PARSE, "the CRL is malformed");
    wolfSSL_X509_CRL_free(crl);
    if (ut_blob_list_add(&wolf_ctx_impl(ctx)->crls, der, len) != UNITLS_OK)
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    return UNITLS_OK;
}
