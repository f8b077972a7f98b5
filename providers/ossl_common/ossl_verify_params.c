/* The verification settings of a context, on the SSL_CTX's
 * X509_VERIFY_PARAM and X509_STORE: time, purpose, partial chains, CRL
 * checking; untrusted intermediates and CRLs. Every connection's SSL
 * inherits them, and the offline verification copies them the same way. */
#include <limits.h>

#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "ossl_ctx.h"
#include "ossl_error.h"
#include "ossl_provider.h"

static void set_flag(X509_VERIFY_PARAM *param, unsigned long flag, int on)
{
    if (on)
        X509_VERIFY_PARAM_set_flags(param, flag);
    else
        X509_VERIFY_PARAM_clear_flags(param, flag);
}

int ossl_ctx_apply_verify_params(unitls_ctx *ctx)
{
    X509_VERIFY_PARAM *param = SSL_CTX_get0_param(ossl_ctx_ssl_ctx(ctx));
    if (ctx->has_verify_time)
        X509_VERIFY_PARAM_set_time(param, (time_t)ctx->verify_time);
    else
        X509_VERIFY_PARAM_clear_flags(param, X509_V_FLAG_USE_CHECK_TIME);
    set_flag(param, X509_V_FLAG_PARTIAL_CHAIN, ctx->partial_chain);
    set_flag(param, X509_V_FLAG_CRL_CHECK, ctx->crl_check != UNITLS_CRL_NONE);
    set_flag(param, X509_V_FLAG_CRL_CHECK_ALL,
             ctx->crl_check == UNITLS_CRL_CHAIN);
    int purpose = ut_ctx_purpose(ctx) == UNITLS_PURPOSE_SERVER
                      ? X509_PURPOSE_SSL_SERVER
                      : X509_PURPOSE_SSL_CLIENT;
    ERR_clear_error();
    if (!X509_VERIFY_PARAM_set_purpose(param, purpose))
        return ossl_ctx_fail(ctx, UNITLS_E_INTERNAL,
                             "cannot set the verify purpose");
    return UNITLS_OK;
}

static X509 *decode_cert(const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    return len <= LONG_MAX ? d2i_X509(NULL, &p, (long)len) : NULL;
}

int ossl_ctx_add_untrusted_der(unitls_ctx *ctx, const unsigned char *der,
                               size_t len)
{
    ERR_clear_error();
    struct ossl_ctx *octx = ossl_ctx_impl(ctx);
    X509 *cert = decode_cert(der, len);
    if (cert == NULL)
        return ossl_ctx_fail(ctx, UNITLS_E_PARSE,
                             "the intermediate certificate is not accepted");
    if (octx->untrusted == NULL)
        octx->untrusted = sk_X509_new_null();
    if (octx->untrusted == NULL || !sk_X509_push(octx->untrusted, cert)) {
        X509_free(cert);
        return ossl_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    }
    return UNITLS_OK;
}

int ossl_ctx_add_crl_der(unitls_ctx *ctx, const unsigned char *der,
                         size_t len)
{
    ERR_clear_error();
    const unsigned char *p = der;
    X509_CRL *crl = len <= LONG_MAX ? d2i_X509_CRL(NULL, &p, (long)len) : NULL;
    if (crl == NULL || p != der + len) {
        X509_CRL_free(crl);
        return ossl_ctx_fail(ctx, UNITLS_E_PARSE, "the CRL is malformed");
    }
    X509_STORE *store = SSL_CTX_get_cert_store(ossl_ctx_ssl_ctx(ctx));
    int ok = X509_STORE_add_crl(store, crl);
    X509_CRL_free(crl);
    if (!ok)
        return ossl_ctx_fail(ctx, UNITLS_E_NOMEM, "cannot add the CRL");
    ERR_clear_error();
    return UNITLS_OK;
}
