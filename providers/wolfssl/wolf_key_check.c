/* Does a private key belong to a certificate? wolfSSL 5.5's own check
 * (wolfSSL_CTX_check_private_key) compares only the key type for ECC keys
 * and accepts any P-256 key for any P-256 certificate, so the provider
 * proves it: a signature made with the private key must verify with the
 * certificate's public key. */
#include "wolf.h"

#include <wolfssl/openssl/evp.h>

#include <limits.h>

static int signs_for(WOLFSSL_EVP_PKEY *priv, WOLFSSL_EVP_PKEY *pub)
{
    static const unsigned char msg[] = "unitls: key belongs to cert?";
    unsigned char sig[1024];
    size_t sig_len = sizeof(sig);
    WOLFSSL_EVP_MD_CTX *md = wolfSSL_EVP_MD_CTX_new();
    int ok = md != NULL &&
             wolfSSL_EVP_DigestSignInit(md, NULL, wolfSSL_EVP_sha256(), NULL,
                                        priv) == WOLFSSL_SUCCESS &&
             wolfSSL_EVP_DigestSignUpdate(md, msg, sizeof(msg)) ==
                 WOLFSSL_SUCCESS &&
             wolfSSL_EVP_DigestSignFinal(md, sig, &sig_len) ==
                 WOLFSSL_SUCCESS;
    wolfSSL_EVP_MD_CTX_free(md);
    if (!ok)
        return 0;
    md = wolfSSL_EVP_MD_CTX_new();
    ok = md != NULL &&
         wolfSSL_EVP_DigestVerifyInit(md, NULL, wolfSSL_EVP_sha256(), NULL,
                                      pub) == WOLFSSL_SUCCESS &&
         wolfSSL_EVP_DigestVerifyUpdate(md, msg, sizeof(msg)) ==
             WOLFSSL_SUCCESS &&
         wolfSSL_EVP_DigestVerifyFinal(md, sig, sig_len) == WOLFSSL_SUCCESS;
    wolfSSL_EVP_MD_CTX_free(md);
    return ok;
}

int wolf_key_check(const unsigned char *key_der, size_t key_len,
                   const unsigned char *cert_der, size_t cert_len)
{
    if (key_len > LONG_MAX || cert_len > INT_MAX)
        return UNITLS_E_PARSE;
    wolf_thread_enter();
    const unsigned char *p = key_der;
    WOLFSSL_EVP_PKEY *priv =
        wolfSSL_d2i_AutoPrivateKey(NULL, &p, (long)key_len);
    WOLFSSL_X509 *x509 = wolfSSL_X509_d2i(NULL, cert_der, (int)cert_len);
    WOLFSSL_EVP_PKEY *pub = x509 ? wolfSSL_X509_get_pubkey(x509) : NULL;
    int rc = UNITLS_OK;
    if (priv == NULL || pub == NULL)
        rc = UNITLS_E_PARSE;
    else if (!signs_for(priv, pub))
        rc = UNITLS_E_KEY_MISMATCH;
    wolfSSL_EVP_PKEY_free(pub);
    wolfSSL_X509_free(x509);
    wolfSSL_EVP_PKEY_free(priv);
    wolfSSL_ERR_clear_error();
    return rc;
}
