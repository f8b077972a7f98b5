/* The key log (unitls/keylog.h): where a context's lines go, and the one
 * path every provider's lines take there. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "api_checks.h"
#include "keylog.h"
#include "provider.h"

static int check_keylog(unitls_ctx *ctx)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc == UNITLS_OK && !(ut_provider.caps & UNITLS_CAP_KEYLOG))
        rc = ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                         "the %s provider cannot log TLS secrets",
                         ut_provider.name);
    return rc;
}

int ut_ctx_keylog_on(const unitls_ctx *ctx)
{
    return ctx->keylog_fd >= 0 || ctx->keylog_cb != NULL;
}

void ut_ctx_keylog_close(unitls_ctx *ctx)
{
    if (ctx->keylog_fd >= 0)
        close(ctx->keylog_fd);
    ctx->keylog_fd = -1;
}

int unitls_ctx_set_keylog_file(unitls_ctx *ctx, const char *path)
{
    int rc = check_keylog(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (path != NULL && path[0] == '\0')
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "the key log path is empty");
    int fd = -1;
    if (path != NULL &&
        (fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600)) <
            0)
        return ut_ctx_fail(ctx, UNITLS_E_FILE,
                           "cannot open the key log file %s: %s", path,
                           strerror(errno));
    int old = ctx->keylog_fd;
    ctx->keylog_fd = fd;
    rc = ut_provider.ctx_apply_keylog(ctx);
    if (rc != UNITLS_OK) {
        ctx->keylog_fd = old;
        if (fd >= 0)
            close(fd);
        return rc;
    }
    if (old >= 0)
        close(old);
    return UNITLS_OK;
}

int unitls_ctx_set_keylog_callback(unitls_ctx *ctx, unitls_keylog_fn fn,
                                   void *user)
{
    int rc = check_keylog(ctx);
    if (rc != UNITLS_OK)
        return rc;
    unitls_keylog_fn old = ctx->keylog_cb;
    void *old_user = ctx->keylog_cb_user;
    ctx->keylog_cb = fn;
    ctx->keylog_cb_user = fn ? user : NULL;
    rc = ut_provider.ctx_apply_keylog(ctx);
    if (rc != UNITLS_OK) {
        ctx->keylog_cb = old;
        ctx->keylog_cb_user = old_user;
    }
    return rc;
}

void ut_keylog_line(const unitls_conn *conn, const char *line)
{
    const unitls_ctx *ctx = conn->ctx;
    char out[UT_KEYLOG_LINE_MAX + 1];
    if (!ut_keylog_normalize(line, out))
        return;
    if (ctx->keylog_fd >= 0) {
        /* One write(2) of the whole line on an O_APPEND descriptor. */
        size_t n = strlen(out);
        out[n] = '\n';
        ssize_t ignored = write(ctx->keylog_fd, out, n + 1);
        (void)ignored;
        out[n] = '\0';
    }
    if (ctx->keylog_cb != NULL)
        ctx->keylog_cb(ctx->keylog_cb_user, conn, out);
}
