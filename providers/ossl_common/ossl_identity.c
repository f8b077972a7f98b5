/* The context's own certificate chain and private key. Everything is
 * parsed and checked before the SSL_CTX is touched, so a failure leaves the
 * previous chain and key in place. */
#include <limits.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "ossl_compat.h"
#include "ossl_conn.h"
#include "ossl_ctx.h"
#include "ossl_error.h"
#include "ossl_key.h"
#include "ossl_provider.h"

/* Parses every DER certificate of `chain` into a new stack, or NULL. */
static STACK_OF(X509) *parse_chain(const struct ut_blob_list *chain)
{
    STACK_OF(X509) *certs = sk_X509_new_null();
    for (size_t i = 0; certs != NULL && i < chain->count; i++) {
        const unsigned char *p = chain->items[i].data;
        X509 *cert = chain->items[i].len <= LONG_MAX
                         ? d2i_X509(NULL, &p, (long)chain->items[i].len)
                         : NULL;
        if (cert == NULL || !sk_X509_push(certs, cert)) {
            X509_free(cert);
            sk_X509_pop_free(certs, X509_free);
            certs = NULL;
        }
    }
    return certs;
}

static int key_failure(unitls_ctx *ctx, int status)
{
    switch (status) {
    case UNITLS_E_KEY_PASSWORD:
        return ossl_ctx_fail(ctx, status,
                             "the private key is encrypted and the password "
                             "is missing or wrong");
    case UNITLS_E_NOMEM:
        return ossl_ctx_fail(ctx, status, "out of memory reading the key");
    default:
        return ossl_ctx_fail(ctx, UNITLS_E_PARSE,
                             "no private key found, or it is unreadable");
    }
}

/* Leaf, key, then the intermediates in order. */
static int install_in_ctx(SSL_CTX *c, STACK_OF(X509) *certs, EVP_PKEY *key)
{
    if (!SSL_CTX_use_certificate(c, sk_X509_value(certs, 0)) ||
        !SSL_CTX_use_PrivateKey(c, key) || !SSL_CTX_clear_chain_certs(c))
        return 0;
    for (size_t i = 1; i < (size_t)sk_X509_num(certs); i++)
        if (!SSL_CTX_add1_chain_cert(c, sk_X509_value(certs, (int)i)))
            return 0;
    return 1;
}

/* The same for one connection, after dropping what it inherited. */
static int install_in_ssl(SSL *ssl, STACK_OF(X509) *certs, EVP_PKEY *key)
{
    SSL_certs_clear(ssl);
    if (!SSL_use_certificate(ssl, sk_X509_value(certs, 0)) ||
        !SSL_use_PrivateKey(ssl, key))
        return 0;
    for (size_t i = 1; i < (size_t)sk_X509_num(certs); i++)
        if (!SSL_add1_chain_cert(ssl, sk_X509_value(certs, (int)i)))
            return 0;
    return 1;
}

int ossl_ctx_identity_to(const unitls_ctx *ctx, SSL *ssl)
{
    const struct ossl_ctx *octx = ossl_ctx_impl(ctx);
    if (!octx->reinstall_identity)
        return 1;
    return install_in_ssl(ssl, octx->identity, octx->identity_key);
}

int ossl_conn_use_identity_of(unitls_conn *conn, const unitls_ctx *from)
{
    const struct ossl_ctx *octx = ossl_ctx_impl(from);
    ERR_clear_error();
    int ok = install_in_ssl(ossl_conn_ssl(conn), octx->identity,
                            octx->identity_key);
    ERR_clear_error();
    if (!ok)
        return ut_conn_fail(conn, UNITLS_E_NOMEM,
                            "cannot install the other context's "
                            "certificate and key");
    return UNITLS_OK;
}

void ossl_ctx_identity_free(struct ossl_ctx *octx)
{
    sk_X509_pop_free(octx->identity, X509_free);
    EVP_PKEY_free(octx->identity_key);
    octx->identity = NULL;
    octx->identity_key = NULL;
}

/* Takes over certs and key as the context's identity. */
static int install(unitls_ctx *ctx, STACK_OF(X509) *certs, EVP_PKEY *key)
{
    struct ossl_ctx *octx = ossl_ctx_impl(ctx);
    if (!install_in_ctx(octx->ssl_ctx, certs, key))
        return ossl_ctx_fail(ctx, UNITLS_E_NOMEM,
                             "cannot install the certificate and key");
    if (octx->identity != NULL && OSSL_COMPAT_CTX_KEEPS_OLD_IDENTITIES)
        octx->reinstall_identity = 1;
    ossl_ctx_identity_free(octx);
    octx->identity = certs;
    octx->identity_key = key;
    return UNITLS_OK;
}

int ossl_ctx_use_cert_key(unitls_ctx *ctx, const struct ut_blob_list *chain,
                          const unsigned char *key, size_t key_len,
                          const char *password)
{
    ERR_clear_error();
    STACK_OF(X509) *certs = parse_chain(chain);
    if (certs == NULL || sk_X509_num(certs) == 0) {
        sk_X509_pop_free(certs, X509_free);
        return ossl_ctx_fail(ctx, UNITLS_E_PARSE,
                             "a certificate of the chain is not accepted");
    }
    EVP_PKEY *pkey = NULL;
    int rc = ossl_key_parse(key, key_len, password, &pkey);
    if (rc != UNITLS_OK)
        rc = key_failure(ctx, rc);
    else if (!X509_check_private_key(sk_X509_value(certs, 0), pkey))
        rc = ossl_ctx_fail(ctx, UNITLS_E_KEY_MISMATCH,
                           "the private key does not belong to the "
                           "certificate");
    else
        rc = install(ctx, certs, pkey);
    if (rc != UNITLS_OK) {
        EVP_PKEY_free(pkey);
        sk_X509_pop_free(certs, X509_free);
    }
    ERR_clear_error();
    return rc;
}
