#include "psk_side.h"

#include <stdio.h>
#include <string.h>

#include "hex.h"
#include "pair.h"

/* The key, or the misbehaviour of the side. */
static int give_key(const struct side *s, unsigned char *psk, size_t psk_cap,
                    size_t *psk_len)
{
    *psk_len = ut_hex_decode(s->psk_key, psk, psk_cap);
    if (s->psk_bad == PSK_ZERO_KEY)
        *psk_len = 0;
    else if (s->psk_bad == PSK_KEY_OVER_CAP)
        *psk_len = psk_cap + 1;
    return UNITLS_OK;
}

static int client_cb(void *user, unitls_conn *conn, const char *hint,
                     char *identity, size_t identity_cap, unsigned char *psk,
                     size_t psk_cap, size_t *psk_len)
{
    struct end *e = user;
    const struct side *s = e->cfg;
    (void)conn;
    snprintf(e->psk_seen, sizeof(e->psk_seen), "%s", hint ? hint : "(null)");
    if (s->psk_bad == PSK_REFUSE)
        return UNITLS_E_HANDSHAKE;
    snprintf(identity, identity_cap, "%s", s->psk_identity);
    if (s->psk_bad == PSK_EMPTY_IDENTITY)
        identity[0] = '\0';
    else if (s->psk_bad == PSK_LONG_IDENTITY)
        memset(identity, 'x', identity_cap);
    return give_key(s, psk, psk_cap, psk_len);
}

static int server_cb(void *user, unitls_conn *conn, const char *identity,
                     unsigned char *psk, size_t psk_cap, size_t *psk_len)
{
    struct end *e = user;
    const struct side *s = e->cfg;
    (void)conn;
    snprintf(e->psk_seen, sizeof(e->psk_seen), "%s", identity);
    if (s->psk_bad == PSK_REFUSE || strcmp(identity, s->psk_identity) != 0)
        return UNITLS_E_HANDSHAKE; /* unknown identity */
    return give_key(s, psk, psk_cap, psk_len);
}

int psk_no_key(void *user, unitls_conn *conn, const char *hint,
               char *identity, size_t identity_cap, unsigned char *psk,
               size_t psk_cap, size_t *psk_len)
{
    (void)user, (void)conn, (void)hint, (void)identity, (void)identity_cap;
    (void)psk, (void)psk_cap, (void)psk_len;
    return UNITLS_E_HANDSHAKE;
}

int psk_no_server_key(void *user, unitls_conn *conn, const char *identity,
                      unsigned char *psk, size_t psk_cap, size_t *psk_len)
{
    (void)user, (void)conn, (void)identity, (void)psk, (void)psk_cap;
    (void)psk_len;
    return UNITLS_E_HANDSHAKE;
}

int psk_apply(struct end *e)
{
    const struct side *s = e->cfg;
    int st = UNITLS_OK;
    if (s->psk_identity == NULL)
        return UNITLS_OK;
    if (e->is_server) {
        st = unitls_ctx_set_psk_server_callback(e->ctx, server_cb, e);
        if (st == UNITLS_OK && s->psk_hint != NULL)
            st = unitls_ctx_set_psk_identity_hint(e->ctx, s->psk_hint);
    } else {
        st = unitls_ctx_set_psk_client_callback(e->ctx, client_cb, e);
    }
    return st;
}
