/* The context's own identity from a PKCS#12 file: the provider reads the
 * file, the API layer installs what it found as any other identity. */
#include <stdlib.h>
#include <string.h>

#include "api_checks.h"
#include "ctx_identity.h"
#include "file.h"
#include "provider.h"
#include "wipe.h"

struct pkcs12_input {
    const unsigned char *data;
    size_t len;
};

/* PFX ::= SEQUENCE { version INTEGER (3), ... } (RFC 7292): the first
 * bytes, read leniently (producers other than OpenSSL write BER, even
 * indefinite lengths), so that what is no PKCS#12 file at all gets
 * UNITLS_E_PARSE on every provider, before a backend's reading of it. */
static int looks_like_pkcs12(const unsigned char *p, size_t len)
{
    static const unsigned char version3[] = {0x02, 0x01, 0x03};
    if (len < 2 || p[0] != 0x30)
        return 0;
    size_t at = 2;
    if (p[1] > 0x80)
        at += p[1] & 0x7fu; /* long form: that many length bytes */
    return at + sizeof(version3) <= len &&
           memcmp(p + at, version3, sizeof(version3)) == 0;
}

static int use_pkcs12_with(unitls_ctx *ctx, const void *arg,
                           const char *password)
{
    const struct pkcs12_input *in = arg;
    struct ut_blob_list certs = {0};
    struct ut_blob key = {0};
    int rc = ut_provider.ctx_parse_pkcs12(ctx, in->data, in->len, password,
                                          &certs, &key);
    if (rc == UNITLS_OK && certs.count == 0)
        rc = ut_ctx_fail(ctx, UNITLS_E_PARSE,
                         "the PKCS#12 file holds no certificate");
    if (rc == UNITLS_OK)
        rc = ut_ctx_install_identity(ctx, &certs, key.data, key.len, NULL);
    if (rc == UNITLS_E_KEY_MISMATCH)
        rc = ut_ctx_fail(ctx, rc,
                         "no certificate of the PKCS#12 file belongs to its "
                         "private key");
    if (key.data != NULL)
        ut_wipe(key.data, key.len);
    free(key.data);
    ut_blob_list_free(&certs);
    return rc;
}

int unitls_ctx_use_pkcs12_mem(unitls_ctx *ctx, const void *data, size_t len,
                              const char *password)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (data == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "data is NULL");
    if (len == 0)
        return ut_ctx_fail(ctx, UNITLS_E_PARSE, "the PKCS#12 data is empty");
    if (!looks_like_pkcs12(data, len))
        return ut_ctx_fail(ctx, UNITLS_E_PARSE, "not a PKCS#12 file");
    struct pkcs12_input in = {data, len};
    return ut_ctx_with_password(ctx, use_pkcs12_with, &in, password);
}

int unitls_ctx_use_pkcs12_file(unitls_ctx *ctx, const char *path,
                               const char *password)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (path == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "path is NULL");
    unsigned char *data = NULL;
    size_t len = 0;
    rc = ut_read_file(path, &data, &len, ctx->error, sizeof(ctx->error));
    if (rc == UNITLS_OK)
        rc = unitls_ctx_use_pkcs12_mem(ctx, data, len, password);
    free(data);
    return rc;
}
