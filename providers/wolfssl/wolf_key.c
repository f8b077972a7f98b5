/* Private keys in every form unitls accepts (PEM or DER; PKCS#8,
 * traditional, encrypted PKCS#8, encrypted traditional PEM), decoded to
 * plain DER for wolfSSL. */
#include "wolf.h"

#include <wolfssl/wolfcrypt/asn_public.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "wipe.h"

const char wolf_key_password_msg[] =
    "the private key is encrypted and the password is missing or wrong";

/* Whether needle occurs in buf[0..len) (the key may hold NUL bytes). */
static int contains(const unsigned char *buf, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; n <= len && i <= len - n; i++)
        if (memcmp(buf + i, needle, n) == 0)
            return 1;
    return 0;
}

static int is_pem(const unsigned char *key, size_t len)
{
    return contains(key, len, "-----BEGIN ");
}

static int pem_is_encrypted(const unsigned char *key, size_t len)
{
    return contains(key, len, "-----BEGIN ENCRYPTED PRIVATE KEY-----") ||
           contains(key, len, "Proc-Type: 4,ENCRYPTED");
}

/* Skips one DER tag and length at key[*at]; 0 if they do not fit. */
static int skip_header(const unsigned char *key, size_t len, size_t *at)
{
    if (*at + 2 > len)
        return 0;
    unsigned char first = key[*at + 1];
    *at += 2;
    if (first & 0x80)
        *at += first & 0x7f;
    return *at < len;
}

/* DER: an EncryptedPrivateKeyInfo is SEQUENCE { SEQUENCE { OID, ... },
 * OCTET STRING }; every plain form (PKCS#8, RSA, EC) starts
 * SEQUENCE { INTEGER ... }. */
static int der_is_encrypted(const unsigned char *key, size_t len)
{
    size_t at = 0;
    if (len < 1 || key[0] != 0x30 || !skip_header(key, len, &at) ||
        key[at] != 0x30 || !skip_header(key, len, &at))
        return 0;
    return key[at] == 0x06;
}

static int from_pem(unitls_ctx *ctx, const unsigned char *key, size_t len,
                    const char *password, unsigned char *der, size_t *der_len)
{
    int n = wc_KeyPemToDer(key, (int)len, der, (int)len, password);
    if (n > 0) {
        *der_len = (size_t)n;
        return UNITLS_OK;
    }
    if (pem_is_encrypted(key, len))
        return ut_ctx_fail(ctx, UNITLS_E_KEY_PASSWORD, "%s",
                           wolf_key_password_msg);
    char reason[WOLFSSL_MAX_ERROR_SZ];
    wolfSSL_ERR_error_string_n((unsigned long)n, reason, sizeof(reason));
    return ut_ctx_fail(ctx, UNITLS_E_PARSE,
                       "no private key found, or it is unreadable (wolfssl: "
                       "%d %s)",
                       n, reason);
}

static int from_der(unitls_ctx *ctx, const unsigned char *key, size_t len,
                    const char *password, unsigned char *der, size_t *der_len)
{
    memcpy(der, key, len);
    *der_len = len;
    if (!der_is_encrypted(key, len))
        return UNITLS_OK;
    int n = password ? wc_DecryptPKCS8Key(der, (word32)len, password,
                                          (int)strlen(password))
                     : -1;
    if (n <= 0)
        return ut_ctx_fail(ctx, UNITLS_E_KEY_PASSWORD, "%s",
                           wolf_key_password_msg);
    *der_len = (size_t)n;
    return UNITLS_OK;
}

int wolf_key_to_der(unitls_ctx *ctx, const unsigned char *key,
                    size_t key_len, const char *password,
                    unsigned char **der, size_t *der_len, int *encrypted)
{
    *der = NULL;
    *der_len = 0;
    if (key_len == 0 || key_len > INT_MAX)
        return ut_ctx_fail(ctx, UNITLS_E_PARSE,
                           "no private key found, or it is unreadable");
    /* DER is never longer than its PEM text, nor than itself. */
    unsigned char *out = malloc(key_len);
    if (out == NULL)
        return UNITLS_E_NOMEM;
    int pem = is_pem(key, key_len);
    *encrypted = pem ? pem_is_encrypted(key, key_len)
                     : der_is_encrypted(key, key_len);
    int rc = pem ? from_pem(ctx, key, key_len, password, out, der_len)
                 : from_der(ctx, key, key_len, password, out, der_len);
    if (rc != UNITLS_OK) {
        ut_wipe(out, key_len);
        free(out);
        return rc;
    }
    /* Decryption works in place: leave no key bytes past the result. */
    ut_wipe(out + *der_len, key_len - *der_len);
    *der = out;
    return UNITLS_OK;
}
