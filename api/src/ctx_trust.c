/* Trust anchors: files, memory, directories, the system store. */
#include <stdlib.h>

#include "api_checks.h"
#include "cert_model.h"
#include "certs_input.h"
#include "file.h"
#include "provider.h"

/* Adds every certificate of `certs` after checking that all of them parse, so
 * that a bad bundle adds nothing. */
static int add_cert_list(unitls_ctx *ctx, const struct ut_blob_list *certs,
                         const char *what, ut_ctx_add_der_fn add)
{
    for (size_t i = 0; i < certs->count; i++) {
        unitls_cert *parsed = NULL;
        int rc = ut_cert_parse(certs->items[i].data, certs->items[i].len,
                               &parsed);
        unitls_cert_free(parsed);
        if (rc != UNITLS_OK)
            return ut_ctx_fail(ctx, rc, "%s: certificate %zu is malformed",
                               what, i + 1);
    }
    for (size_t i = 0; i < certs->count; i++) {
        int rc = add(ctx, certs->items[i].data, certs->items[i].len);
        if (rc != UNITLS_OK)
            return rc;
    }
    return UNITLS_OK;
}

int ut_ctx_load_certs(unitls_ctx *ctx, const void *data, size_t len,
                      const char *what, ut_ctx_add_der_fn add)
{
    struct ut_blob_list certs = {0};
    int rc = ut_certs_from_buffer(data, len, &certs);
    if (rc == UNITLS_E_PARSE)
        rc = ut_ctx_fail(ctx, rc, "%s: no certificate found (or malformed PEM)", what);
    else if (rc == UNITLS_OK)
        rc = add_cert_list(ctx, &certs, what, add);
    ut_blob_list_free(&certs);
    return rc;
}

int ut_ctx_load_file(unitls_ctx *ctx, const char *path,
                     int (*load)(unitls_ctx *ctx, const void *data,
                                 size_t len, const char *what))
{
    if (path == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "path is NULL");
    unsigned char *data = NULL;
    size_t len = 0;
    int rc = ut_read_file(path, &data, &len, ctx->error, sizeof(ctx->error));
    if (rc != UNITLS_OK)
        return rc;
    rc = load(ctx, data, len, path);
    free(data);
    return rc;
}

static int load_trust(unitls_ctx *ctx, const void *data, size_t len,
                      const char *what)
{
    return ut_ctx_load_certs(ctx, data, len, what,
                             ut_provider.ctx_add_trust_der);
}

int unitls_ctx_load_verify_file(unitls_ctx *ctx, const char *path)
{
    int rc = ut_ctx_check_mutable(ctx);
    return rc != UNITLS_OK ? rc : ut_ctx_load_file(ctx, path, load_trust);
}

int unitls_ctx_load_verify_mem(unitls_ctx *ctx, const void *data, size_t len)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (data == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "data is NULL");
    return load_trust(ctx, data, len, "trust data");
}

int unitls_ctx_load_verify_dir(unitls_ctx *ctx, const char *path)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (path == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "path is NULL");
    if (!unitls_provider_has(UNITLS_CAP_TRUST_DIR))
        return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                           "trust directories are not supported by the %s "
                           "provider", ut_provider.name);
    rc = ut_check_dir(path, ctx->error, sizeof(ctx->error));
    if (rc != UNITLS_OK)
        return rc;
    return ut_provider.ctx_load_trust_dir(ctx, path);
}

int unitls_ctx_load_system_trust(unitls_ctx *ctx)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (!unitls_provider_has(UNITLS_CAP_SYSTEM_TRUST))
        return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                           "the system trust store is not supported by the "
                           "%s provider", ut_provider.name);
    return ut_provider.ctx_load_system_trust(ctx);
}
