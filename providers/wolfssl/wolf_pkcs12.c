/* PKCS#12 files, read by wolfCrypt's wc_PKCS12_parse(), which hands over
 * DER already: the key, the certificate that belongs to it, and the other
 * certificates as a list. */
#include "wolf.h"

#include <wolfssl/wolfcrypt/error-crypt.h>
#include <wolfssl/wolfcrypt/pkcs12.h>
#include <wolfssl/wolfcrypt/types.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "wipe.h"

static void free_list(WC_DerCertList *list)
{
    while (list != NULL) {
        WC_DerCertList *next = list->next;
        XFREE(list->buffer, NULL, DYNAMIC_TYPE_PKCS);
        XFREE(list, NULL, DYNAMIC_TYPE_PKCS);
        list = next;
    }
}

/* The list is in the file's order. */
static int add_list(struct ut_blob_list *out, const WC_DerCertList *list)
{
    int rc = UNITLS_OK;
    for (; rc == UNITLS_OK && list != NULL; list = list->next)
        rc = ut_blob_list_add(out, list->buffer, list->bufferSz);
    return rc;
}

static int hand_over(byte *pkey, word32 pkey_len, byte *cert,
                     word32 cert_len, const WC_DerCertList *others,
                     struct ut_blob_list *certs, struct ut_blob *key)
{
    int rc = cert != NULL ? ut_blob_list_add(certs, cert, cert_len)
                          : UNITLS_OK;
    if (rc == UNITLS_OK)
        rc = add_list(certs, others);
    if (rc == UNITLS_OK && (key->data = malloc(pkey_len ? pkey_len : 1)) ==
                               NULL)
        rc = UNITLS_E_NOMEM;
    if (rc == UNITLS_OK) {
        memcpy(key->data, pkey, pkey_len);
        key->len = pkey_len;
    }
    return rc;
}

static int parse_failure(unitls_ctx *ctx, int ret)
{
    char reason[WOLFSSL_MAX_ERROR_SZ];
    wc_ErrorString(ret, reason);
    if (ret == MAC_CMP_FAILED_E)
        return ut_ctx_fail(ctx, UNITLS_E_KEY_PASSWORD,
                           "the PKCS#12 password is missing or wrong "
                           "(wolfssl: %d %s)",
                           ret, reason);
    return ut_ctx_fail(ctx, UNITLS_E_PARSE,
                       "the PKCS#12 file cannot be read (wolfssl: %d %s)",
                       ret, reason);
}

int wolf_ctx_parse_pkcs12(unitls_ctx *ctx, const unsigned char *der,
                          size_t len, const char *password,
                          struct ut_blob_list *certs, struct ut_blob *key)
{
    WC_PKCS12 *p12 = wc_PKCS12_new();
    if (p12 == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    byte *pkey = NULL, *cert = NULL;
    word32 pkey_len = 0, cert_len = 0;
    WC_DerCertList *others = NULL;
    int rc = UNITLS_OK, ret;
    if (len > INT_MAX || wc_d2i_PKCS12(der, (word32)len, p12) != 0)
        rc = ut_ctx_fail(ctx, UNITLS_E_PARSE, "not a PKCS#12 file");
    else if ((ret = wc_PKCS12_parse(p12, password ? password : "", &pkey,
                                    &pkey_len, &cert, &cert_len,
                                    &others)) != 0)
        rc = parse_failure(ctx, ret);
    else if (pkey == NULL)
        rc = ut_ctx_fail(ctx, UNITLS_E_PARSE,
                         "the PKCS#12 file holds no private key");
    else if ((rc = hand_over(pkey, pkey_len, cert, cert_len, others, certs,
                             key)) != UNITLS_OK)
        rc = ut_ctx_fail(ctx, rc, "out of memory");
    if (pkey != NULL)
        ut_wipe(pkey, pkey_len);
    XFREE(pkey, NULL, DYNAMIC_TYPE_PUBLIC_KEY);
    XFREE(cert, NULL, DYNAMIC_TYPE_PKCS);
    free_list(others);
    wc_PKCS12_free(p12);
    return rc;
}
