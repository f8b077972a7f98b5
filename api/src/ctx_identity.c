/* The context's own certificate chain and private key. */
#include <stdlib.h>
#include <string.h>

#include "api_checks.h"
#include "cert_model.h"
#include "cert_strength.h"
#include "certs_input.h"
#include "ctx_identity.h"
#include "file.h"
#include "provider.h"
#include "wipe.h"

/* unitls presents no certificate it would refuse from a peer
 * (UNITLS_VERR_WEAK_KEY): the same answer on every provider, where the
 * backends' own policies differ. */
static int check_leaf_strength(unitls_ctx *ctx,
                               const struct ut_blob_list *chain)
{
    unitls_cert *leaf = NULL;
    int rc = ut_cert_parse(chain->items[0].data, chain->items[0].len, &leaf);
    if (rc == UNITLS_OK && ut_cert_is_weak(leaf))
        rc = ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                         "the certificate is too weak: %s",
                         unitls_verify_error_string(UNITLS_VERR_WEAK_KEY));
    unitls_cert_free(leaf);
    return rc;
}

static int check_chain_parses(unitls_ctx *ctx,
                              const struct ut_blob_list *chain)
{
    for (size_t i = 0; i < chain->count; i++) {
        unitls_cert *parsed = NULL;
        int rc = ut_cert_parse(chain->items[i].data, chain->items[i].len,
                               &parsed);
        unitls_cert_free(parsed);
        if (rc != UNITLS_OK)
            return ut_ctx_fail(ctx, rc,
                               "certificate %zu of the chain is malformed",
                               i + 1);
    }
    return check_leaf_strength(ctx, chain);
}

/* The provider wants the key NUL-terminated past its length. */
int ut_ctx_install_identity(unitls_ctx *ctx, const struct ut_blob_list *chain,
                            const void *key, size_t key_len,
                            const char *password)
{
    int rc = check_chain_parses(ctx, chain);
    unsigned char *key_copy = NULL;
    if (rc == UNITLS_OK) {
        key_copy = malloc(key_len + 1);
        if (key_copy == NULL)
            rc = UNITLS_E_NOMEM;
    }
    if (rc == UNITLS_OK) {
        memcpy(key_copy, key, key_len);
        key_copy[key_len] = '\0';
        rc = ut_provider.ctx_use_cert_key(ctx, chain, key_copy, key_len,
                                          password);
        if (rc == UNITLS_OK)
            ctx->has_identity = 1;
    }
    if (key_copy != NULL) {
        ut_wipe(key_copy, key_len);
        free(key_copy);
    }
    return rc;
}

/* The certificates and the key as given, for ut_ctx_with_password. */
struct identity_input {
    const void *cert, *key;
    size_t cert_len, key_len;
};

static int use_identity_with(unitls_ctx *ctx, const void *arg,
                             const char *password)
{
    const struct identity_input *in = arg;
    struct ut_blob_list chain = {0};
    int rc = ut_certs_from_buffer(in->cert, in->cert_len, &chain);
    if (rc == UNITLS_E_PARSE)
        rc = ut_ctx_fail(ctx, rc, "no certificate found (or malformed PEM)");
    if (rc == UNITLS_OK)
        rc = ut_ctx_install_identity(ctx, &chain, in->key, in->key_len,
                                     password);
    ut_blob_list_free(&chain);
    return rc;
}

static int use_identity(unitls_ctx *ctx, const void *cert, size_t cert_len,
                        const void *key, size_t key_len,
                        const char *password)
{
    struct identity_input in = {cert, key, cert_len, key_len};
    return ut_ctx_with_password(ctx, use_identity_with, &in, password);
}

int unitls_ctx_use_certificate_mem(unitls_ctx *ctx, const void *cert,
                                   size_t cert_len, const void *key,
                                   size_t key_len, const char *password)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (cert == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "cert is NULL");
    if (key == NULL) {
        key = cert;
        key_len = cert_len;
    }
    return use_identity(ctx, cert, cert_len, key, key_len, password);
}

int unitls_ctx_use_certificate_file(unitls_ctx *ctx, const char *cert_path,
                                    const char *key_path,
                                    const char *password)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (cert_path == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "cert_path is NULL");
    unsigned char *cert = NULL, *key = NULL;
    size_t cert_len = 0, key_len = 0;
    rc = ut_read_file(cert_path, &cert, &cert_len, ctx->error,
                      sizeof(ctx->error));
    if (rc == UNITLS_OK && key_path != NULL)
        rc = ut_read_file(key_path, &key, &key_len, ctx->error,
                          sizeof(ctx->error));
    if (rc == UNITLS_OK)
        rc = key_path ? use_identity(ctx, cert, cert_len, key, key_len,
                                     password)
                      : use_identity(ctx, cert, cert_len, cert, cert_len,
                                     password);
    if (key != NULL) {
        ut_wipe(key, key_len);
        free(key);
    }
    free(cert);
    return rc;
}
