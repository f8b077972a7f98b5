/* PKCS#12 files, read by the library's PKCS12_parse() (the same call in
 * OpenSSL and BoringSSL), handed to the API layer as DER. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include "ossl_error.h"
#include "ossl_provider.h"

static PKCS12 *read_pkcs12(const unsigned char *der, size_t len)
{
    if (len > INT_MAX)
        return NULL;
    BIO *bio = BIO_new_mem_buf(der, (int)len);
    PKCS12 *p12 = bio != NULL ? d2i_PKCS12_bio(bio, NULL) : NULL;
    BIO_free(bio);
    return p12;
}

static int add_cert(struct ut_blob_list *out, X509 *cert)
{
    unsigned char *der = NULL;
    int n = i2d_X509(cert, &der);
    int rc = n > 0 ? ut_blob_list_add(out, der, (size_t)n) : UNITLS_E_NOMEM;
    OPENSSL_free(der);
    return rc;
}

static int key_to_der(EVP_PKEY *pkey, struct ut_blob *key)
{
    unsigned char *der = NULL;
    int n = i2d_PrivateKey(pkey, &der);
    if (n <= 0)
        return UNITLS_E_NOMEM;
    key->data = malloc((size_t)n);
    if (key->data != NULL) {
        memcpy(key->data, der, (size_t)n);
        key->len = (size_t)n;
    }
    OPENSSL_cleanse(der, (size_t)n);
    OPENSSL_free(der);
    return key->data != NULL ? UNITLS_OK : UNITLS_E_NOMEM;
}

/* The leaf (when the library found the key's certificate), then the others
 * in the file's order. */
static int hand_over(X509 *leaf, STACK_OF(X509) *others, EVP_PKEY *pkey,
                     struct ut_blob_list *certs, struct ut_blob *key)
{
    int rc = leaf != NULL ? add_cert(certs, leaf) : UNITLS_OK;
    for (size_t i = 0; rc == UNITLS_OK && i < (size_t)sk_X509_num(others); i++)
        rc = add_cert(certs, sk_X509_value(others, (int)i));
    return rc == UNITLS_OK ? key_to_der(pkey, key) : rc;
}

/* The library's PKCS12_parse() tries both "no password" and the empty one
 * when given none; the MAC check does the same here. */
static int password_fits(PKCS12 *p12, const char *password)
{
    return PKCS12_verify_mac(p12, password, -1) ||
           (password == NULL && PKCS12_verify_mac(p12, "", -1));
}

static int parse_failure(unitls_ctx *ctx, PKCS12 *p12, const char *password)
{
    struct ossl_error e;
    ossl_error_take(&e);
    if (!password_fits(p12, password)) {
        ERR_clear_error();
        return ut_ctx_fail(ctx, UNITLS_E_KEY_PASSWORD,
                           "the PKCS#12 password is missing or wrong (%s)",
                           e.text);
    }
    ERR_clear_error();
    return ut_ctx_fail(ctx, UNITLS_E_PARSE,
                       "the PKCS#12 file cannot be read (%s)", e.text);
}

int ossl_ctx_parse_pkcs12(unitls_ctx *ctx, const unsigned char *der,
                          size_t len, const char *password,
                          struct ut_blob_list *certs, struct ut_blob *key)
{
    ERR_clear_error();
    PKCS12 *p12 = read_pkcs12(der, len);
    if (p12 == NULL)
        return ossl_ctx_fail(ctx, UNITLS_E_PARSE, "not a PKCS#12 file");
    EVP_PKEY *pkey = NULL;
    X509 *leaf = NULL;
    STACK_OF(X509) *others = NULL;
    int rc;
    if (!PKCS12_parse(p12, password, &pkey, &leaf, &others))
        rc = parse_failure(ctx, p12, password);
    else if (pkey == NULL)
        rc = ut_ctx_fail(ctx, UNITLS_E_PARSE,
                         "the PKCS#12 file holds no private key");
    else if ((rc = hand_over(leaf, others, pkey, certs, key)) != UNITLS_OK)
        rc = ut_ctx_fail(ctx, rc, "out of memory");
    EVP_PKEY_free(pkey);
    X509_free(leaf);
    sk_X509_pop_free(others, X509_free);
    PKCS12_free(p12);
    ERR_clear_error();
    return rc;
}
