/* The context's own certificate chain and private key. Everything is
 * checked before the context is touched, so a failing call leaves the
 * previous chain and key in place. */
#include "wolf.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cert_model.h"
#include "wipe.h"

/* The chain as one buffer of concatenated DER certificates, leaf first. */
static int join_chain(const struct ut_blob_list *chain, unsigned char **out,
                      size_t *out_len)
{
    size_t total = 0;
    for (size_t i = 0; i < chain->count; i++)
        total += chain->items[i].len;
    unsigned char *buf = malloc(total ? total : 1);
    if (buf == NULL)
        return UNITLS_E_NOMEM;
    size_t at = 0;
    for (size_t i = 0; i < chain->count; i++) {
        memcpy(buf + at, chain->items[i].data, chain->items[i].len);
        at += chain->items[i].len;
    }
    *out = buf;
    *out_len = total;
    return UNITLS_OK;
}

static int check_key(unitls_ctx *ctx, const struct ut_blob *leaf,
                     const unsigned char *der, size_t der_len, int encrypted)
{
    int rc = wolf_key_check(der, der_len, leaf->data, leaf->len);
    if (rc == UNITLS_E_PARSE && encrypted)
        /* A wrong password on a traditional encrypted PEM key "decrypts"
         * to bytes that are no key. */
        return ut_ctx_fail(ctx, UNITLS_E_KEY_PASSWORD, "%s",
                           wolf_key_password_msg);
    if (rc == UNITLS_E_PARSE)
        return ut_ctx_fail(ctx, rc,
                           "no private key found, or it is unreadable");
    if (rc == UNITLS_E_KEY_MISMATCH)
        return ut_ctx_fail(ctx, rc,
                           "the private key does not belong to the "
                           "certificate");
    return rc;
}

void wolf_identity_free(struct wolf_ctx_impl *impl)
{
    free(impl->identity_chain.data);
    if (impl->identity_key.data != NULL)
        ut_wipe(impl->identity_key.data, impl->identity_key.len);
    free(impl->identity_key.data);
    impl->identity_chain = (struct ut_blob){0};
    impl->identity_key = (struct ut_blob){0};
}

static enum wolf_key_kind key_kind(const struct ut_blob *leaf)
{
    unitls_cert *cert = NULL;
    const char *algorithm = NULL;
    enum wolf_key_kind kind = WOLF_KEY_OTHER;
    if (ut_cert_parse(leaf->data, leaf->len, &cert) == UNITLS_OK &&
        unitls_cert_key_info(cert, &algorithm, NULL, NULL) == UNITLS_OK &&
        algorithm != NULL)
        kind = strcmp(algorithm, "id-ecPublicKey") == 0  ? WOLF_KEY_EC
               : strcmp(algorithm, "rsaEncryption") == 0 ? WOLF_KEY_RSA
                                                         : WOLF_KEY_OTHER;
    unitls_cert_free(cert);
    return kind;
}

/* Keeps the identity installed for wolf_sni.c: takes `joined` and *der
 * (setting it to NULL), so nothing can fail once wolfSSL has it. */
static void keep(struct wolf_ctx_impl *impl, unsigned char *joined,
                 size_t joined_len, unsigned char **der, size_t der_len,
                 const struct ut_blob *leaf)
{
    wolf_identity_free(impl);
    impl->identity_chain = (struct ut_blob){joined, joined_len};
    impl->identity_key = (struct ut_blob){*der, der_len};
    impl->identity_kind = key_kind(leaf);
    *der = NULL;
}

static int install(unitls_ctx *ctx, const struct ut_blob_list *chain,
                   unsigned char **der, size_t der_len)
{
    unsigned char *joined = NULL;
    size_t joined_len = 0;
    int rc = join_chain(chain, &joined, &joined_len);
    if (rc != UNITLS_OK)
        return rc;
    WOLFSSL_CTX *ssl_ctx = wolf_ctx(ctx);
    if (joined_len > LONG_MAX ||
        wolfSSL_CTX_use_certificate_chain_buffer_format(
            ssl_ctx, joined, (long)joined_len, WOLFSSL_FILETYPE_ASN1) !=
            WOLFSSL_SUCCESS)
        rc = ut_ctx_fail(ctx, UNITLS_E_PARSE,
                         "wolfssl rejected the certificate chain");
    else if (wolfSSL_CTX_use_PrivateKey_buffer(ssl_ctx, *der, (long)der_len,
                                               WOLFSSL_FILETYPE_ASN1) !=
             WOLFSSL_SUCCESS)
        rc = ut_ctx_fail(ctx, UNITLS_E_PARSE,
                         "wolfssl rejected the private key");
    if (rc == UNITLS_OK)
        keep(wolf_ctx_impl(ctx), joined, joined_len, der, der_len,
             &chain->items[0]);
    else
        free(joined);
    wolfSSL_ERR_clear_error();
    return rc;
}

int wolf_ctx_use_cert_key(unitls_ctx *ctx, const struct ut_blob_list *chain,
                          const unsigned char *key, size_t key_len,
                          const char *password)
{
    if (chain->count == 0)
        return ut_ctx_fail(ctx, UNITLS_E_PARSE, "no certificate found");
    unsigned char *der = NULL;
    size_t der_len = 0;
    int encrypted = 0;
    int rc = wolf_key_to_der(ctx, key, key_len, password, &der, &der_len,
                             &encrypted);
    if (rc != UNITLS_OK)
        return rc;
    rc = check_key(ctx, &chain->items[0], der, der_len, encrypted);
    if (rc == UNITLS_OK)
        rc = install(ctx, chain, &der, der_len);
    if (der != NULL)
        ut_wipe(der, der_len);
    free(der);
    return rc;
}
