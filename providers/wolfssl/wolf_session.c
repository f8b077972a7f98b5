/* Session resumption: tickets a server encrypts with the API layer's keys
 * (AES-256-GCM through wolfCrypt), and a client's sessions. */
#include "wolf.h"

#include <stdlib.h>
#include <string.h>

#include <wolfssl/wolfcrypt/aes.h>

#include "serial.h"
#include "wipe.h"

enum { GCM_IV_LEN = 12, GCM_TAG_LEN = 16 };

static unitls_conn *conn_of(WOLFSSL *ssl)
{
    return wolfSSL_get_ex_data(ssl, wolf_conn_ex_index());
}

/* AES-256-GCM over the ticket in place: the IV is the first 12 of
 * wolfSSL's 16 IV bytes, the tag the first 16 of its 32 MAC bytes (the
 * rest zero), the key name and the IV authenticated with it. Returns 1 on
 * success (for decryption: the tag verified). */
static int ticket_gcm(const struct ut_ticket_key *key, int enc,
                      const unsigned char *name, const unsigned char *iv,
                      unsigned char *mac, unsigned char *ticket, int len)
{
    unsigned char aad[UT_TICKET_KEY_NAME_LEN + WOLFSSL_TICKET_IV_SZ];
    memcpy(aad, name, UT_TICKET_KEY_NAME_LEN);
    memcpy(aad + UT_TICKET_KEY_NAME_LEN, iv, WOLFSSL_TICKET_IV_SZ);
    Aes aes;
    if (len < 0 || wc_AesInit(&aes, NULL, INVALID_DEVID) != 0)
        return 0;
    int ok = wc_AesGcmSetKey(&aes, key->cipher_key, 32) == 0;
    if (ok && enc) {
        memset(mac, 0, WOLFSSL_TICKET_MAC_SZ);
        ok = wc_AesGcmEncrypt(&aes, ticket, ticket, (word32)len, iv,
                              GCM_IV_LEN, mac, GCM_TAG_LEN, aad,
                              sizeof(aad)) == 0;
    } else if (ok) {
        static const unsigned char zero[WOLFSSL_TICKET_MAC_SZ - GCM_TAG_LEN];
        ok = memcmp(mac + GCM_TAG_LEN, zero, sizeof(zero)) == 0 &&
             wc_AesGcmDecrypt(&aes, ticket, ticket, (word32)len, iv,
                              GCM_IV_LEN, mac, GCM_TAG_LEN, aad,
                              sizeof(aad)) == 0;
    }
    wc_AesFree(&aes);
    return ok;
}

/* Encrypting: OK or FATAL. Decrypting: REJECT for a ticket of an unknown
 * key, a bad tag or when tickets are off (a full handshake follows),
 * CREATE for one of the previous key (renewed with the current key), OK
 * otherwise. */
static int ticket_cb(WOLFSSL *ssl, unsigned char *name, unsigned char *iv,
                     unsigned char *mac, int enc, unsigned char *ticket,
                     int in_len, int *out_len, void *user)
{
    (void)user;
    unitls_conn *conn = conn_of(ssl);
    if (conn == NULL)
        return WOLFSSL_TICKET_RET_FATAL;
    struct ut_ticket_key key;
    int rc = WOLFSSL_TICKET_RET_FATAL;
    if (enc) {
        if (ut_ticket_key_current(conn->ctx, &key) &&
            wolfSSL_RAND_bytes(iv, WOLFSSL_TICKET_IV_SZ) == WOLFSSL_SUCCESS) {
            memcpy(name, key.name, UT_TICKET_KEY_NAME_LEN);
            if (ticket_gcm(&key, 1, name, iv, mac, ticket, in_len))
                rc = WOLFSSL_TICKET_RET_OK;
        }
    } else {
        enum ut_ticket_match match = ut_ticket_key_find(conn->ctx, name, &key);
        if (match == UT_TICKET_KEY_UNKNOWN)
            return WOLFSSL_TICKET_RET_REJECT;
        rc = !ticket_gcm(&key, 0, name, iv, mac, ticket, in_len)
                 ? WOLFSSL_TICKET_RET_REJECT
             : match == UT_TICKET_KEY_PREVIOUS ? WOLFSSL_TICKET_RET_CREATE
                                               : WOLFSSL_TICKET_RET_OK;
    }
    *out_len = in_len;
    ut_wipe(&key, sizeof(key));
    return rc;
}

/* No session cache on either side (wolfSSL's is one per process). Clients
 * ask for TLS 1.2 tickets; servers encrypt them with ticket_cb. Whether a
 * server issues them is decided per connection (wolf_session_conn_new):
 * wolfSSL cannot turn a context's tickets back on. */
int wolf_sessions_install(unitls_ctx *ctx)
{
    WOLFSSL_CTX *c = wolf_ctx(ctx);
    wolfSSL_CTX_set_session_cache_mode(c, WOLFSSL_SESS_CACHE_OFF);
    int ok = ctx->role == UNITLS_ROLE_CLIENT
                 ? wolfSSL_CTX_UseSessionTicket(c) == WOLFSSL_SUCCESS
                 : wolfSSL_CTX_set_TicketEncCb(c, ticket_cb) ==
                           WOLFSSL_SUCCESS &&
                       wolfSSL_CTX_set_num_tickets(c, 1) == WOLFSSL_SUCCESS;
    return ok ? UNITLS_OK
              : ut_ctx_fail(ctx, UNITLS_E_INTERNAL,
                            "wolfssl could not set up session tickets");
}

int wolf_ctx_apply_sessions(unitls_ctx *ctx)
{
    if (ctx->role != UNITLS_ROLE_SERVER)
        return UNITLS_OK;
    WOLFSSL_CTX *c = wolf_ctx(ctx);
    /* with OPENSSL_EXTRA this returns the previous timeout, not a status */
    (void)wolfSSL_CTX_set_timeout(c, ctx->session_lifetime);
    if (wolfSSL_CTX_set_TicketHint(c, (int)ctx->session_lifetime) !=
        WOLFSSL_SUCCESS)
        return ut_ctx_fail(ctx, UNITLS_E_INTERNAL,
                           "wolfssl rejected the session lifetime");
    return UNITLS_OK;
}

int wolf_session_conn_new(unitls_conn *conn)
{
    if (conn->ctx->role != UNITLS_ROLE_SERVER ||
        ut_ctx_tickets_in_force(conn->ctx))
        return UNITLS_OK;
    WOLFSSL *ssl = wolf_conn(conn)->ssl;
    /* wolfSSL's TLS 1.3 calls return 0 on success */
    if (wolfSSL_NoTicketTLSv12(ssl) != WOLFSSL_SUCCESS ||
        wolfSSL_no_ticket_TLSv13(ssl) != 0)
        return UNITLS_E_INTERNAL;
    return UNITLS_OK;
}

/* A copy: wolfSSL updates a connection's session in place when a ticket
 * arrives, and a session handed out is immutable. Only a session with a
 * ticket resumes (unitls servers keep no cache). */
static int has_ticket(WOLFSSL *ssl)
{
    WOLFSSL_SESSION *s = wolfSSL_get_session(ssl);
    return s != NULL && wolfSSL_SESSION_has_ticket(s);
}

/* A ticket arriving after close_notify is not kept (provider.h): wolfSSL
 * stores it in the session in place, so whether there was one then is
 * noted here. */
void wolf_session_note_close(struct wolf_conn *wc)
{
    wc->ticket_at_close = has_ticket(wc->ssl) != 0;
}

int wolf_conn_session(unitls_conn *conn, void **session, uint32_t *lifetime)
{
    struct wolf_conn *wc = wolf_conn(conn);
    if (!has_ticket(wc->ssl) || (wc->close_sent && !wc->ticket_at_close))
        return UNITLS_E_STATE;
    WOLFSSL_SESSION *s = wolfSSL_get_session(wc->ssl);
    WOLFSSL_SESSION *copy = wolfSSL_SESSION_dup(s);
    if (copy == NULL)
        return UNITLS_E_STATE;
    *session = copy;
    *lifetime = (uint32_t)wolfSSL_SESSION_get_ticket_lifetime_hint(copy);
    return UNITLS_OK;
}

int wolf_conn_set_session(unitls_conn *conn, void *session)
{
    if (wolfSSL_set_session(wolf_conn(conn)->ssl, session) != WOLFSSL_SUCCESS)
        return ut_conn_fail(conn, UNITLS_E_INTERNAL,
                            "the wolfssl backend refused the session");
    return UNITLS_OK;
}

int wolf_conn_session_reused(const unitls_conn *conn)
{
    return wolfSSL_session_reused(wolf_conn(conn)->ssl) == 1;
}

static int session_i2d(void *session, unsigned char **pp)
{
    return wolfSSL_i2d_SSL_SESSION(session, pp);
}

static void *session_d2i(const unsigned char **pp, long len)
{
    return wolfSSL_d2i_SSL_SESSION(NULL, pp, len);
}

int wolf_session_to_bytes(void *session, unsigned char **out, size_t *len)
{
    return ut_i2d_alloc(session, session_i2d, out, len);
}

/* wolfSSL's reader is not robust against malformed input: the envelope's
 * digest (common/session_codec.h) keeps damaged bytes from reaching it, and
 * wolf_session_layout_ok() forged ones that would overflow it. */
int wolf_session_from_bytes(const unsigned char *data, size_t len,
                            void **session)
{
    if (!wolf_session_layout_ok(data, len))
        return UNITLS_E_PARSE;
    return ut_d2i_exact(data, len, session_d2i, wolf_session_free, session);
}

void wolf_session_free(void *session)
{
    wolfSSL_SESSION_free(session);
}
