/* The password callback: asked for the password of an encrypted private
 * key or PKCS#12 file when the application passed none. */
#include <stdlib.h>

#include "api_checks.h"
#include "ctx_identity.h"
#include "provider.h"
#include "wipe.h"

/* Longer than any password a person types or a file holds in practice. */
enum { PASSWORD_MAX = 1024 };

int unitls_ctx_set_password_callback(unitls_ctx *ctx, unitls_password_fn fn,
                                     void *user)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc == UNITLS_OK) {
        ctx->password_cb = fn;
        ctx->password_cb_user = fn ? user : NULL;
    }
    return rc;
}

int ut_ctx_with_password(unitls_ctx *ctx, ut_password_load_fn load,
                         const void *arg, const char *password)
{
    int rc = load(ctx, arg, password);
    if (rc != UNITLS_E_KEY_PASSWORD || password != NULL ||
        ctx->password_cb == NULL)
        return rc;
    char *buf = malloc(PASSWORD_MAX + 1);
    if (buf == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    int n = ctx->password_cb(ctx->password_cb_user, buf, PASSWORD_MAX);
    if (n < 0 || n > PASSWORD_MAX) {
        rc = ut_ctx_fail(ctx, UNITLS_E_KEY_PASSWORD,
                         "the password callback gave no password");
    } else {
        buf[n] = '\0';
        rc = load(ctx, arg, buf);
    }
    ut_wipe(buf, PASSWORD_MAX + 1);
    free(buf);
    return rc;
}
