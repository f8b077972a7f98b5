/* Trust anchors: certificates from memory, hashed directories, the system
 * store; all in the SSL_CTX's X509_STORE. */
#include <limits.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "ossl_ctx.h"
#include "ossl_error.h"
#include "ossl_provider.h"

/* Adding a certificate the store already holds is not a failure (some
 * library versions report it as one). */
static int already_trusted(void)
{
    unsigned long e = ERR_peek_last_error();
    return ERR_GET_LIB(e) == ERR_LIB_X509 &&
           ERR_GET_REASON(e) == X509_R_CERT_ALREADY_IN_HASH_TABLE;
}

int ossl_ctx_add_trust_der(unitls_ctx *ctx, const unsigned char *der,
                           size_t len)
{
    ERR_clear_error();
    const unsigned char *p = der;
    X509 *cert = len <= LONG_MAX ? d2i_X509(NULL, &p, (long)len) : NULL;
    if (cert == NULL)
        return ossl_ctx_fail(ctx, UNITLS_E_PARSE,
                             "the certificate is not accepted as a trust "
                             "anchor");
    X509_STORE *store = SSL_CTX_get_cert_store(ossl_ctx_ssl_ctx(ctx));
    int ok = X509_STORE_add_cert(store, cert) || already_trusted();
    X509_free(cert);
    if (!ok)
        return ossl_ctx_fail(ctx, UNITLS_E_NOMEM,
                             "cannot add the trust anchor");
    ERR_clear_error();
    return UNITLS_OK;
}

int ossl_ctx_load_trust_dir(unitls_ctx *ctx, const char *path)
{
    ERR_clear_error();
    if (!SSL_CTX_load_verify_locations(ossl_ctx_ssl_ctx(ctx), NULL, path))
        return ossl_ctx_fail(ctx, UNITLS_E_FILE,
                             "cannot use the trust directory");
    return UNITLS_OK;
}

int ossl_ctx_load_system_trust(unitls_ctx *ctx)
{
    ERR_clear_error();
    if (!SSL_CTX_set_default_verify_paths(ossl_ctx_ssl_ctx(ctx)))
        return ossl_ctx_fail(ctx, UNITLS_E_FILE,
                             "cannot load the system trust store");
    return UNITLS_OK;
}
