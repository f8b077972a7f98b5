/* The key log: not on wolfSSL as Debian builds it. Its only source of TLS
 * 1.3 secrets, wolfSSL_set_tls13_secret_cb(), exists only with
 * HAVE_SECRET_CALLBACK, which that build lacks (options.h; the library
 * exports no such symbol). Its TLS 1.2 master secret alone
 * (wolfSSL_SESSION_get_master_key) would be half the feature, so
 * UNITLS_CAP_KEYLOG is clear and the API layer never calls this. */
#include "wolf.h"

int wolf_ctx_apply_keylog(unitls_ctx *ctx)
{
    return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                       "the %s provider cannot log TLS secrets",
                       ut_provider.name);
}
