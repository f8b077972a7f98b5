/* ALPN: a client's offer, and a server's choice made by the API layer
 * (ut_alpn_select) inside wolfSSL's selection callback.
 *
 * wolfSSL 5.5 ignores a callback's SSL_TLSEXT_ERR_ALERT_FATAL and goes on
 * without ALPN. So when no protocol is acceptable and the server must
 * refuse, the provider sends no_application_protocol itself (the server's
 * direction is plaintext while it reads the ClientHello: wolf_raw_alert.c),
 * mutes wolfSSL's output and refuses further input, which ends the
 * handshake (wolf_io.c, wolf_status.c). */
#include "wolf.h"

static void refuse(unitls_conn *conn)
{
    enum { NO_APPLICATION_PROTOCOL = 120 };
    struct wolf_conn *wc = wolf_conn(conn);
    wolf_raw_alert(conn, NO_APPLICATION_PROTOCOL);
    wc->alpn_refused = 1;
    wc->muted = 1;
}

static int select_protocol(WOLFSSL *ssl, const unsigned char **out,
                           unsigned char *out_len, const unsigned char *in,
                           unsigned int in_len, void *arg)
{
    (void)arg;
    unitls_conn *conn = wolfSSL_get_ex_data(ssl, wolf_conn_ex_index());
    if (conn == NULL)
        return SSL_TLSEXT_ERR_NOACK;
    switch (ut_alpn_select(conn, in, in_len, out, out_len)) {
    case UT_ALPN_SELECTED:
        return SSL_TLSEXT_ERR_OK;
    case UT_ALPN_NONE_FAIL:
        refuse(conn); /* wolfSSL would ignore ALERT_FATAL */
        return SSL_TLSEXT_ERR_NOACK;
    default:
        return SSL_TLSEXT_ERR_NOACK;
    }
}

void wolf_alpn_install(WOLFSSL_CTX *ssl_ctx)
{
    wolfSSL_CTX_set_alpn_select_cb(ssl_ctx, select_protocol, NULL);
}

int wolf_ctx_apply_alpn(unitls_ctx *ctx)
{
    /* As OpenSSL's: 0 on success. */
    if (wolfSSL_CTX_set_alpn_protos(wolf_ctx(ctx), ctx->alpn_wire,
                                    (unsigned)ctx->alpn_wire_len) != 0)
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM,
                           "wolfSSL cannot set the ALPN protocols");
    return UNITLS_OK;
}

void wolf_conn_alpn(const unitls_conn *conn, const unsigned char **proto,
                    size_t *len)
{
    unsigned int n = 0;
    *proto = NULL;
    wolfSSL_get0_alpn_selected(wolf_conn(conn)->ssl, proto, &n);
    *len = *proto != NULL ? n : 0;
}
