/* unitls' protocol defaults (common/tls_defaults.h) in wolfSSL's terms,
 * and the cipher suites an application sets instead of the default ones.
 * wolfSSL's own defaults differ from OpenSSL's: more suites (CBC, DHE),
 * other groups, session tickets and a session cache, so everything here is
 * set explicitly. */
#include "wolf.h"

#include <stdlib.h>
#include <string.h>

#include "cipher_registry.h"
#include "tls_defaults.h"

/* Whether wolfSSL has the suite `id`: its table of names holds only the
 * suites it was built with. */
static int wolf_has_suite(int id)
{
    const char *name = wolfSSL_get_cipher_name_from_suite(
        (unsigned char)(id >> 8), (unsigned char)(id & 0xff));
    return name != NULL && strcmp(name, "None") != 0;
}

/* Appends the suites' two-byte codes to `codes`. Returns 0, or -1 with *bad
 * the index of the first suite wolfSSL does not have. */
static int append_suites(unsigned char *codes, size_t *len, const int *ids,
                         size_t n, size_t *bad)
{
    for (size_t i = 0; i < n; i++) {
        if (!wolf_has_suite(ids[i])) {
            *bad = i;
            return -1;
        }
        codes[(*len)++] = (unsigned char)(ids[i] >> 8);
        codes[(*len)++] = (unsigned char)(ids[i] & 0xff);
    }
    return 0;
}

/* wolfSSL has one list for both versions: TLS 1.3 suites first, then the
 * TLS 1.2 ones. It is given by code, not by name: wolfSSL 5.5's
 * wolfSSL_CTX_set_cipher_list() merges a new list of names into the one
 * set before (OpenSSL-compatible for a list of one version, but it keeps
 * stale suites behind a shorter mixed list), while
 * wolfSSL_CTX_set_cipher_list_bytes() replaces it. */
static int set_suites(unitls_ctx *ctx, const int *tls13, size_t n13,
                      const int *tls12, size_t n12)
{
    unsigned char *codes = malloc(2 * (n13 + n12));
    size_t len = 0, bad = 0;
    if (codes == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    int rc = UNITLS_OK;
    if (append_suites(codes, &len, tls13, n13, &bad) != 0)
        rc = ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                         "cipher suite %s is not supported by the wolfssl "
                         "provider",
                         ut_cipher_iana_name(tls13[bad]));
    else if (append_suites(codes, &len, tls12, n12, &bad) != 0)
        rc = ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                         "cipher suite %s is not supported by the wolfssl "
                         "provider",
                         ut_cipher_iana_name(tls12[bad]));
    else if (wolfSSL_CTX_set_cipher_list_bytes(wolf_ctx(ctx), codes,
                                               (int)len) != WOLFSSL_SUCCESS)
        rc = ut_ctx_fail(ctx, UNITLS_E_INTERNAL,
                         "wolfssl rejected the cipher suites");
    free(codes);
    return rc;
}

/* Should wolfSSL reject a list after all, the suites in force are set
 * again, so that a failed call changes nothing. */
static int replace_suites(unitls_ctx *ctx, const int *tls13, size_t n13,
                          const int *tls12, size_t n12)
{
    int rc = set_suites(ctx, tls13, n13, tls12, n12);
    if (rc == UNITLS_E_INTERNAL) {
        char msg[UT_ERROR_MAX];
        memcpy(msg, ctx->error, sizeof(msg));
        size_t o13, o12;
        const int *old13 = ut_ctx_tls13_suites(ctx, &o13);
        const int *old12 = ut_ctx_tls12_suites(ctx, &o12);
        (void)set_suites(ctx, old13, o13, old12, o12);
        memcpy(ctx->error, msg, sizeof(msg));
    }
    return rc;
}

int wolf_ctx_apply_tls12_suites(unitls_ctx *ctx, const int *ids, size_t n)
{
    size_t n13;
    const int *tls13 = ut_ctx_tls13_suites(ctx, &n13);
    return replace_suites(ctx, tls13, n13, ids, n);
}

int wolf_ctx_apply_tls13_suites(unitls_ctx *ctx, const int *ids, size_t n)
{
    size_t n12;
    const int *tls12 = ut_ctx_tls12_suites(ctx, &n12);
    return replace_suites(ctx, ids, n, tls12, n12);
}

/* Whether a TLS 1.2 suite can be used with a key of this kind, by the
 * authentication its IANA name says. */
static int suite_fits_key(int id, enum wolf_key_kind kind)
{
    const char *name = ut_cipher_iana_name(id);
    if (name == NULL || kind == WOLF_KEY_OTHER)
        return 1;
    if (strstr(name, "_ECDSA_") != NULL)
        return kind == WOLF_KEY_EC;
    if (strstr(name, "_RSA_") != NULL)
        return kind == WOLF_KEY_RSA;
    return 1;
}

int wolf_ssl_reapply_suites(const unitls_ctx *ctx, WOLFSSL *ssl,
                            enum wolf_key_kind kind)
{
    size_t n13, n12, len = 0, bad = 0;
    const int *tls13 = ut_ctx_tls13_suites(ctx, &n13);
    const int *tls12 = ut_ctx_tls12_suites(ctx, &n12);
    unsigned char *codes = malloc(2 * (n13 + n12));
    int ok = codes != NULL && append_suites(codes, &len, tls13, n13, &bad) == 0;
    for (size_t i = 0; ok && i < n12; i++)
        if (suite_fits_key(tls12[i], kind))
            ok = append_suites(codes, &len, &tls12[i], 1, &bad) == 0;
    ok = ok && len > 0 &&
         wolfSSL_set_cipher_list_bytes(ssl, codes, (int)len) == WOLFSSL_SUCCESS;
    free(codes);
    return ok;
}

static int apply_suites(unitls_ctx *ctx)
{
    int rc = set_suites(ctx, ut_default_tls13_suites,
                        ut_default_tls13_suite_count, ut_default_tls12_suites,
                        ut_default_tls12_suite_count);
    if (rc == UNITLS_E_UNSUPPORTED)
        return ut_ctx_fail(ctx, UNITLS_E_INTERNAL,
                           "wolfssl lacks one of unitls' default cipher "
                           "suites");
    return rc;
}

/* The server prefers its own suite order, as unitls does on every
 * provider; sessions and tickets are wolf_session.c's. wolfSSL is built
 * without compression and without renegotiation (only the RFC 5746 empty
 * renegotiation_info), so those need no switch. */
static int apply_session_policy(unitls_ctx *ctx)
{
    wolfSSL_CTX_set_options(wolf_ctx(ctx),
                            WOLFSSL_OP_NO_COMPRESSION |
                                WOLFSSL_OP_CIPHER_SERVER_PREFERENCE);
    return wolf_sessions_install(ctx);
}

int wolf_ctx_apply_defaults(unitls_ctx *ctx)
{
    int rc = apply_suites(ctx);
    if (rc == UNITLS_OK)
        rc = wolf_groups_set(ctx, ut_default_groups, ut_default_group_count);
    if (rc == UNITLS_OK)
        rc = apply_session_policy(ctx);
    return rc;
}
