#include "ossl_key.h"

#include <limits.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <unitls/status.h>

/* The password callback's state. Whether the library asked for a password
 * tells an encrypted key (wrong or missing password) from garbage more
 * reliably than the error reasons, which differ between libraries and
 * between OpenSSL's decoders. */
struct password {
    const char *text; /* NULL: none given */
    int asked;
};

static int give_password(char *buf, int size, int rwflag, void *arg)
{
    struct password *pw = arg;
    (void)rwflag;
    pw->asked = 1;
    if (pw->text == NULL)
        return -1;
    size_t len = strlen(pw->text);
    if (len > (size_t)size)
        return -1;
    memcpy(buf, pw->text, len);
    return (int)len;
}

static EVP_PKEY *read_pem(BIO *bio, struct password *pw)
{
    return PEM_read_bio_PrivateKey(bio, NULL, give_password, pw);
}

/* Plain DER first (PKCS#8 or traditional, type detected); then encrypted
 * PKCS#8, which needs the password. */
static EVP_PKEY *read_der(BIO *bio, const unsigned char *key, size_t len,
                          struct password *pw)
{
    const unsigned char *p = key;
    EVP_PKEY *pkey = d2i_AutoPrivateKey(NULL, &p, (long)len);
    if (pkey != NULL)
        return pkey;
    return d2i_PKCS8PrivateKey_bio(bio, NULL, give_password, pw);
}

int ossl_key_parse(const unsigned char *key, size_t len, const char *password,
                   EVP_PKEY **out)
{
    *out = NULL;
    if (len > INT_MAX)
        return UNITLS_E_PARSE;
    BIO *bio = BIO_new_mem_buf(key, (int)len);
    if (bio == NULL)
        return UNITLS_E_NOMEM;
    struct password pw = {password, 0};
    int pem = strstr((const char *)key, "-----BEGIN") != NULL;
    *out = pem ? read_pem(bio, &pw) : read_der(bio, key, len, &pw);
    BIO_free(bio);
    if (*out != NULL)
        return UNITLS_OK;
    return pw.asked ? UNITLS_E_KEY_PASSWORD : UNITLS_E_PARSE;
}
