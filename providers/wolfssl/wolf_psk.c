/* Pre-shared keys: wolfSSL's PSK callbacks hand over to the API layer
 * (ut_psk_client / ut_psk_server), which asks the application and checks
 * its answer. wolfSSL has separate TLS 1.3 callbacks, which also name the
 * suite the key is bound to: unitls' choice, UT_PSK_TLS13_SUITE.
 *
 * The callbacks stay installed once a PSK callback was set (wolfSSL turns
 * its PSK support on with them and has no call to turn it off); with the
 * application's callback removed, ut_psk_* answer "no key". wolfSSL passes
 * the identity buffer's size less the NUL. */
#include "wolf.h"

static unitls_conn *conn_of(WOLFSSL *ssl)
{
    return wolfSSL_get_ex_data(ssl, wolf_conn_ex_index());
}

/* wolfSSL's name of the suite TLS 1.3 keys are bound to. */
static const char *tls13_suite(void)
{
    return wolfSSL_get_cipher_name_from_suite(
        (unsigned char)(UT_PSK_TLS13_SUITE >> 8),
        (unsigned char)(UT_PSK_TLS13_SUITE & 0xff));
}

/* TLS 1.2: a client with no key sends handshake_failure (40), as OpenSSL
 * does and wolfSSL 5.5 does not, its direction still plaintext while it
 * writes the ClientKeyExchange (wolf_raw_alert.c). */
static unsigned int client_key(WOLFSSL *ssl, const char *hint, char *identity,
                               unsigned int identity_max, unsigned char *psk,
                               unsigned int psk_max)
{
    enum { HANDSHAKE_FAILURE = 40 };
    unitls_conn *conn = conn_of(ssl);
    unsigned int len = ut_psk_client(conn, hint, identity, identity_max, psk,
                                     psk_max);
    if (len == 0 && conn != NULL)
        wolf_raw_alert(conn, HANDSHAKE_FAILURE);
    return len;
}

static unsigned int client_key13(WOLFSSL *ssl, const char *hint,
                                 char *identity, unsigned int identity_max,
                                 unsigned char *psk, unsigned int psk_max,
                                 const char **suite)
{
    (void)hint; /* there is none in TLS 1.3 */
    *suite = tls13_suite();
    return ut_psk_client(conn_of(ssl), NULL, identity, identity_max, psk,
                         psk_max);
}

/* TLS 1.2: no key for the identity is unknown_psk_identity (115), which
 * OpenSSL sends and wolfSSL 5.5 does not (it sends handshake_failure): the
 * provider sends it itself, the server's direction still plaintext while it
 * reads the ClientKeyExchange (wolf_raw_alert.c). wolfSSL 5.5 also calls
 * this callback in TLS 1.3, where an unknown identity is ignored. */
static unsigned int server_key(WOLFSSL *ssl, const char *identity,
                               unsigned char *psk, unsigned int psk_max)
{
    enum { UNKNOWN_PSK_IDENTITY = 115 };
    unitls_conn *conn = conn_of(ssl);
    unsigned int len = ut_psk_server(conn, identity, psk, psk_max);
    if (len == 0 && conn != NULL && wolfSSL_version(ssl) == UNITLS_TLS1_2)
        wolf_raw_alert(conn, UNKNOWN_PSK_IDENTITY);
    return len;
}

static unsigned int server_key13(WOLFSSL *ssl, const char *identity,
                                 unsigned char *psk, unsigned int psk_max,
                                 const char **suite)
{
    *suite = tls13_suite();
    return ut_psk_server(conn_of(ssl), identity, psk, psk_max);
}

int wolf_ctx_apply_psk(unitls_ctx *ctx)
{
    WOLFSSL_CTX *c = wolf_ctx(ctx);
    if (ctx->role == UNITLS_ROLE_CLIENT) {
        if (ctx->psk_client_cb != NULL) {
            wolfSSL_CTX_set_psk_client_callback(c, client_key);
            wolfSSL_CTX_set_psk_client_tls13_callback(c, client_key13);
        }
        return wolf_groups_reapply(ctx);
    }
    if (ctx->psk_server_cb != NULL) {
        wolfSSL_CTX_set_psk_server_callback(c, server_key);
        wolfSSL_CTX_set_psk_server_tls13_callback(c, server_key13);
    }
    if (wolfSSL_CTX_use_psk_identity_hint(c, ctx->psk_hint) !=
        WOLFSSL_SUCCESS)
        return ut_ctx_fail(ctx, UNITLS_E_INTERNAL,
                           "wolfssl rejected the PSK identity hint");
    return UNITLS_OK;
}
