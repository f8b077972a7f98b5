/* The provider's context object. */
#ifndef OSSL_CTX_H
#define OSSL_CTX_H

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "objects.h"

/* unitls_ctx.impl */
struct ossl_ctx {
    SSL_CTX *ssl_ctx;
    /* The identity installed last: leaf first, then the chain; and its key.
     * Kept only for reinstall_identity (see ossl_compat.h,
     * OSSL_COMPAT_CTX_KEEPS_OLD_IDENTITIES). */
    STACK_OF(X509) *identity;
    EVP_PKEY *identity_key;
    /* Set once an identity has replaced another one that the SSL_CTX cannot
     * forget: every connection then starts from this identity alone. */
    int reinstall_identity;
    /* Untrusted intermediates (unitls_ctx_load_untrusted_*), offered to
     * every chain validation next to the peer's certificates. Owned. */
    STACK_OF(X509) *untrusted;
};

static inline struct ossl_ctx *ossl_ctx_impl(const unitls_ctx *ctx)
{
    return (struct ossl_ctx *)ctx->impl;
}

static inline SSL_CTX *ossl_ctx_ssl_ctx(const unitls_ctx *ctx)
{
    return ossl_ctx_impl(ctx)->ssl_ctx;
}

/* Gives a new connection of ctx the context's current identity when the
 * SSL_CTX still holds a replaced one. Returns 1 on success. */
int ossl_ctx_identity_to(const unitls_ctx *ctx, SSL *ssl);

/* Frees the kept identity. */
void ossl_ctx_identity_free(struct ossl_ctx *octx);

#endif
