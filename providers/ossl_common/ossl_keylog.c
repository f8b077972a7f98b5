/* The key log: both libraries hand out whole NSS key log lines, which the
 * API layer checks and writes (ut_keylog_line). */
#include <openssl/ssl.h>

#include "ossl_conn.h"
#include "ossl_ctx.h"
#include "ossl_provider.h"

static void on_keylog(const SSL *ssl, const char *line)
{
    const unitls_conn *conn = ossl_link_conn(ssl);
    if (conn != NULL)
        ut_keylog_line(conn, line);
}

int ossl_ctx_apply_keylog(unitls_ctx *ctx)
{
    SSL_CTX_set_keylog_callback(ossl_ctx_ssl_ctx(ctx),
                                ut_ctx_keylog_on(ctx) ? on_keylog : NULL);
    return UNITLS_OK;
}
