/* Session resumption: tickets a server encrypts with the API layer's keys,
 * the newest session a client receives, and sessions as bytes. */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "ossl_compat.h"
#include "ossl_conn.h"
#include "ossl_ctx.h"
#include "ossl_hooks.h"
#include "ossl_provider.h"
#include "serial.h"
#include "wipe.h"

/* AES-256-CBC with a 16-byte IV, HMAC-SHA256 (ossl_compat.h). Encrypting:
 * 1 or -1. Decrypting: 0 for a ticket of an unknown key (or when tickets
 * are off: a full handshake follows); 2 (renew the ticket, with the current
 * key) for one of the previous key, and in TLS 1.3 for every ticket, whose
 * tickets are for single use (RFC 8446, C.4) and which OpenSSL renews with
 * its own keys too; 1 otherwise. */
static int ticket_key_cb(SSL *ssl, unsigned char *name, unsigned char *iv,
                         EVP_CIPHER_CTX *cipher, ossl_compat_ticket_mac *mac,
                         int enc)
{
    unitls_conn *conn = ossl_link_conn(ssl);
    if (conn == NULL)
        return -1;
    struct ut_ticket_key key;
    int rc = -1;
    if (enc) {
        if (ut_ticket_key_current(conn->ctx, &key) && RAND_bytes(iv, 16) == 1 &&
            EVP_EncryptInit_ex(cipher, EVP_aes_256_cbc(), NULL,
                               key.cipher_key, iv) == 1 &&
            ossl_compat_ticket_mac_init(mac, key.mac_key) == 1) {
            memcpy(name, key.name, UT_TICKET_KEY_NAME_LEN);
            rc = 1;
        }
    } else {
        enum ut_ticket_match match = ut_ticket_key_find(conn->ctx, name, &key);
        if (match == UT_TICKET_KEY_UNKNOWN)
            return 0;
        if (EVP_DecryptInit_ex(cipher, EVP_aes_256_cbc(), NULL,
                               key.cipher_key, iv) == 1 &&
            ossl_compat_ticket_mac_init(mac, key.mac_key) == 1)
            rc = match == UT_TICKET_KEY_PREVIOUS ||
                         SSL_version(ssl) == TLS1_3_VERSION
                     ? 2
                     : 1;
    }
    ut_wipe(&key, sizeof(key));
    return rc;
}

/* Clients keep the newest session of each connection (in TLS 1.3 it comes
 * after the handshake; BoringSSL reports it only here). */
static int new_session_cb(SSL *ssl, SSL_SESSION *session)
{
    unitls_conn *conn = ossl_link_conn(ssl);
    if (conn == NULL || conn->impl == NULL || conn->shutdown_sent)
        return 0; /* after close_notify: ignored, as BoringSSL does */
    struct ossl_conn *oc = ossl_conn_impl(conn);
    SSL_SESSION_free(oc->newest);
    oc->newest = session;
    return 1; /* the reference is ours */
}

/* Clients: tickets accepted, sessions handed to new_session_cb and kept in
 * no cache. Servers: no session cache (stateless tickets only), tickets
 * encrypted by ticket_key_cb; ossl_ctx_apply_sessions turns them on. */
void ossl_sessions_install(SSL_CTX *ctx, int client)
{
    if (client) {
        SSL_CTX_clear_options(ctx, SSL_OP_NO_TICKET);
        SSL_CTX_set_session_cache_mode(ctx,
                                       SSL_SESS_CACHE_CLIENT |
                                           SSL_SESS_CACHE_NO_INTERNAL_STORE);
        SSL_CTX_sess_set_new_cb(ctx, new_session_cb);
        ossl_compat_set_session_lifetime(ctx, UNITLS_SESSION_LIFETIME_MAX);
    } else {
        SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
        ossl_compat_set_ticket_cb(ctx, ticket_key_cb);
    }
}

int ossl_ctx_apply_sessions(unitls_ctx *ctx)
{
    if (ctx->role != UNITLS_ROLE_SERVER)
        return UNITLS_OK;
    SSL_CTX *c = ossl_ctx_ssl_ctx(ctx);
    int on = ut_ctx_tickets_in_force(ctx);
    if (on)
        SSL_CTX_clear_options(c, SSL_OP_NO_TICKET);
    else
        SSL_CTX_set_options(c, SSL_OP_NO_TICKET);
    /* one ticket per connection: a client keeps only the newest */
    if (!SSL_CTX_set_num_tickets(c, on ? 1 : 0)) {
        ERR_clear_error();
        return ut_ctx_fail(ctx, UNITLS_E_INTERNAL,
                           "cannot set the number of tickets");
    }
    ossl_compat_set_session_lifetime(c, ctx->session_lifetime);
    return UNITLS_OK;
}

/* In TLS 1.3 only a ticket received makes a session (the one a full
 * handshake established is not resumable), or the session resumed; in
 * TLS 1.2 the handshake's session. Either way it must hold a ticket:
 * unitls resumes with tickets only (a TLS 1.2 session id alone is useless
 * to servers without a session cache, which unitls servers are). */
int ossl_conn_session(unitls_conn *conn, void **session, uint32_t *lifetime)
{
    struct ossl_conn *oc = ossl_conn_impl(conn);
    SSL_SESSION *s = oc->newest;
    if (s == NULL && (SSL_version(oc->ssl) != TLS1_3_VERSION ||
                      SSL_session_reused(oc->ssl)))
        s = SSL_get_session(oc->ssl);
    if (s == NULL || !SSL_SESSION_is_resumable(s) ||
        !SSL_SESSION_has_ticket(s))
        return UNITLS_E_STATE;
    SSL_SESSION_up_ref(s);
    *session = s;
    *lifetime = ossl_compat_ticket_lifetime(s);
    return UNITLS_OK;
}

int ossl_conn_set_session(unitls_conn *conn, void *session)
{
    ERR_clear_error();
    if (!SSL_set_session(ossl_conn_ssl(conn), session)) {
        ERR_clear_error();
        return ut_conn_fail(conn, UNITLS_E_INTERNAL,
                            "the %s backend refused the session",
                            ut_provider.name);
    }
    return UNITLS_OK;
}

int ossl_conn_session_reused(const unitls_conn *conn)
{
    return SSL_session_reused(ossl_conn_ssl(conn)) == 1;
}

static int session_i2d(void *session, unsigned char **pp)
{
    return i2d_SSL_SESSION(session, pp);
}

static void *session_d2i(const unsigned char **pp, long len)
{
    return d2i_SSL_SESSION(NULL, pp, len);
}

int ossl_session_to_bytes(void *session, unsigned char **out, size_t *len)
{
    int rc = ut_i2d_alloc(session, session_i2d, out, len);
    ERR_clear_error();
    return rc;
}

int ossl_session_from_bytes(const unsigned char *data, size_t len,
                            void **session)
{
    int rc = ut_d2i_exact(data, len, session_d2i, ossl_session_free, session);
    ERR_clear_error();
    return rc;
}

void ossl_session_free(void *session)
{
    SSL_SESSION_free(session);
}
