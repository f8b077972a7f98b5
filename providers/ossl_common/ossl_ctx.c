/* Contexts: one SSL_CTX per unitls_ctx, configured to unitls' defaults. */
#include <stdlib.h>

#include <openssl/err.h>

#include "cipher_registry.h"
#include "ossl_compat.h"
#include "ossl_ctx.h"
#include "ossl_error.h"
#include "ossl_hooks.h"
#include "ossl_provider.h"

/* No compression, no renegotiation, the server's suite order; tickets as
 * ossl_sessions_install and ossl_ctx_apply_sessions (called by the API
 * layer after ctx_new) set them, no server-side session cache.
 * SSL_MODE_RELEASE_BUFFERS: an idle connection gives its record buffers
 * (about 2 x 17 KB each side on OpenSSL 3.0) back, as BoringSSL always
 * does; a server holding thousands of idle connections should not pay for
 * them. The mode is 0 on BoringSSL. */
static int configure(SSL_CTX *c, int client)
{
    SSL_CTX_set_options(c, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION |
                               SSL_OP_NO_TICKET |
                               SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_mode(c, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER |
                            SSL_MODE_RELEASE_BUFFERS);
    if (!SSL_CTX_set_num_tickets(c, 0))
        return 0;
    ossl_sessions_install(c, client);
    ossl_alerts_install(c);
    ossl_verify_install(c);
    ossl_alpn_install(c);
    ossl_sni_install(c);
    ossl_groups_install(c);
    ossl_ocsp_install(c);
    return ossl_defaults_apply(c);
}

int ossl_ctx_new(unitls_ctx *ctx)
{
    ERR_clear_error();
    struct ossl_ctx *octx = calloc(1, sizeof(*octx));
    if (octx == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    ctx->impl = octx;
    octx->ssl_ctx = SSL_CTX_new(ctx->role == UNITLS_ROLE_CLIENT
                                    ? TLS_client_method()
                                    : TLS_server_method());
    int rc = UNITLS_OK;
    if (octx->ssl_ctx == NULL)
        rc = ossl_ctx_fail(ctx, UNITLS_E_NOMEM, "cannot create a context");
    else if (!configure(octx->ssl_ctx, ctx->role == UNITLS_ROLE_CLIENT))
        rc = ossl_ctx_fail(ctx, UNITLS_E_INTERNAL,
                           "cannot apply the default settings");
    if (rc == UNITLS_OK)
        rc = ossl_ctx_apply_versions(ctx);
    if (rc == UNITLS_OK)
        rc = ossl_ctx_apply_verify_mode(ctx);
    if (rc != UNITLS_OK)
        ossl_ctx_free(ctx);
    return rc;
}

void ossl_ctx_free(unitls_ctx *ctx)
{
    struct ossl_ctx *octx = ossl_ctx_impl(ctx);
    if (octx == NULL)
        return;
    SSL_CTX_free(octx->ssl_ctx);
    ossl_ctx_identity_free(octx);
    sk_X509_pop_free(octx->untrusted, X509_free);
    free(octx);
    ctx->impl = NULL;
}

int ossl_ctx_apply_versions(unitls_ctx *ctx)
{
    ERR_clear_error();
    SSL_CTX *c = ossl_ctx_ssl_ctx(ctx);
    if (!SSL_CTX_set_min_proto_version(c, ctx->min_version) ||
        !SSL_CTX_set_max_proto_version(c, ctx->max_version))
        return ossl_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                             "cannot set the protocol versions");
    return UNITLS_OK;
}

/* The policy is the API layer's. With SSL_VERIFY_NONE a client still sees
 * the server's certificate (ossl_verify.c decides nothing then). A client
 * never uses FAIL_IF_NO_PEER_CERT: a server always sends one, and when it
 * does not, the handshake fails on its own. */
static int library_verify_mode(const unitls_ctx *ctx)
{
    switch (ut_ctx_peer_cert_policy(ctx)) {
    case UT_PEER_CERT_IGNORED:
        return SSL_VERIFY_NONE;
    case UT_PEER_CERT_REQUESTED:
        return SSL_VERIFY_PEER;
    case UT_PEER_CERT_REQUIRED:
    default:
        return ctx->role == UNITLS_ROLE_CLIENT
                   ? SSL_VERIFY_PEER
                   : SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    }
}

int ossl_ctx_apply_verify_mode(unitls_ctx *ctx)
{
    SSL_CTX_set_verify(ossl_ctx_ssl_ctx(ctx), library_verify_mode(ctx), NULL);
    return UNITLS_OK;
}

/* The API layer has checked the ids; what is left is whether the library
 * has each suite. A failed attempt may have changed the list, so the suites
 * in force are set again. */
static int apply_suites(unitls_ctx *ctx, int tls13, const int *ids, size_t n)
{
    SSL_CTX *c = ossl_ctx_ssl_ctx(ctx);
    size_t missing, old_n, ignored;
    ERR_clear_error();
    if (ossl_suites_set(c, tls13, ids, n, &missing))
        return UNITLS_OK;
    int rc = missing < n
                 ? ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                               "cipher suite %s is not supported by the %s "
                               "provider",
                               ut_cipher_iana_name(ids[missing]),
                               ut_provider.name)
                 : ossl_ctx_fail(ctx, UNITLS_E_INTERNAL,
                                 "cannot set the cipher suites");
    const int *old = tls13 ? ut_ctx_tls13_suites(ctx, &old_n)
                           : ut_ctx_tls12_suites(ctx, &old_n);
    (void)ossl_suites_set(c, tls13, old, old_n, &ignored);
    ERR_clear_error();
    return rc;
}

int ossl_ctx_apply_tls12_suites(unitls_ctx *ctx, const int *ids, size_t n)
{
    return apply_suites(ctx, 0, ids, n);
}

/* BoringSSL's TLS 1.3 suites cannot be set (UNITLS_CAP_TLS13_SUITES is
 * clear and the API layer never calls this there); refuse rather than do
 * nothing should that ever change. */
int ossl_ctx_apply_tls13_suites(unitls_ctx *ctx, const int *ids, size_t n)
{
    if (!(ut_provider.caps & UNITLS_CAP_TLS13_SUITES))
        return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                           "the %s provider cannot configure TLS 1.3 cipher "
                           "suites",
                           ut_provider.name);
    return apply_suites(ctx, 1, ids, n);
}
