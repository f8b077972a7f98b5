/* A server context's session settings: tickets on or off, their lifetime,
 * and the ticket keys (the current one and the one before it), kept here
 * once for every provider. The providers' ticket callbacks ask for the keys
 * under the lock, so a rotation may happen while handshakes run. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "api_checks.h"
#include "provider.h"
#include "session_internal.h"
#include "wipe.h"

_Static_assert(sizeof(struct ut_ticket_key) == UNITLS_TICKET_KEY_LEN,
               "the public key layout is the internal one");

struct ut_ticket_keys {
    pthread_mutex_t lock;
    struct ut_ticket_key current;
    struct ut_ticket_key previous;
    int has_previous;
};

static int random_bytes(void *buf, size_t len)
{
    unsigned char *p = buf;
    while (len > 0) {
        ssize_t n = getrandom(p, len, 0);
        if (n <= 0)
            return 0;
        p += n;
        len -= (size_t)n;
    }
    return 1;
}

int ut_ticket_keys_new(unitls_ctx *ctx)
{
    struct ut_ticket_keys *keys = calloc(1, sizeof(*keys));
    if (keys == NULL)
        return UNITLS_E_NOMEM;
    if (!random_bytes(&keys->current, sizeof(keys->current)) ||
        pthread_mutex_init(&keys->lock, NULL) != 0) {
        free(keys);
        return UNITLS_E_INTERNAL;
    }
    ctx->ticket_keys = keys;
    return UNITLS_OK;
}

void ut_ticket_keys_free(unitls_ctx *ctx)
{
    struct ut_ticket_keys *keys = ctx->ticket_keys;
    if (keys == NULL)
        return;
    pthread_mutex_destroy(&keys->lock);
    ut_wipe(keys, sizeof(*keys));
    free(keys);
    ctx->ticket_keys = NULL;
}

int ut_ticket_key_current(const unitls_ctx *ctx, struct ut_ticket_key *key)
{
    struct ut_ticket_keys *keys = ctx->ticket_keys;
    if (keys == NULL)
        return 0;
    pthread_mutex_lock(&keys->lock);
    *key = keys->current;
    pthread_mutex_unlock(&keys->lock);
    return 1;
}

enum ut_ticket_match ut_ticket_key_find(const unitls_ctx *ctx,
                                        const unsigned char *name,
                                        struct ut_ticket_key *key)
{
    struct ut_ticket_keys *keys = ctx->ticket_keys;
    enum ut_ticket_match match = UT_TICKET_KEY_UNKNOWN;
    if (keys == NULL || !ut_ctx_tickets_in_force(ctx))
        return match;
    pthread_mutex_lock(&keys->lock);
    if (memcmp(name, keys->current.name, UT_TICKET_KEY_NAME_LEN) == 0) {
        *key = keys->current;
        match = UT_TICKET_KEY_CURRENT;
    } else if (keys->has_previous &&
               memcmp(name, keys->previous.name, UT_TICKET_KEY_NAME_LEN) ==
                   0) {
        *key = keys->previous;
        match = UT_TICKET_KEY_PREVIOUS;
    }
    pthread_mutex_unlock(&keys->lock);
    return match;
}

/* The current key becomes the previous one, `next` the current one. */
static void replace_key(struct ut_ticket_keys *keys,
                        const struct ut_ticket_key *next)
{
    pthread_mutex_lock(&keys->lock);
    keys->previous = keys->current;
    keys->has_previous = 1;
    keys->current = *next;
    pthread_mutex_unlock(&keys->lock);
}

int ut_ctx_tickets_in_force(const unitls_ctx *ctx)
{
    return ctx->role == UNITLS_ROLE_SERVER && ctx->session_tickets &&
           ut_ctx_peer_cert_policy(ctx) == UT_PEER_CERT_IGNORED;
}

/* Checks shared by the server settings; `cap` is the capability needed. */
static int check_server(unitls_ctx *ctx, uint32_t cap, const char *what)
{
    if (ctx == NULL)
        return UNITLS_E_INVALID_ARG;
    ctx->error[0] = '\0';
    if (!(ut_provider.caps & cap))
        return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                           "the %s provider cannot %s", ut_provider.name,
                           what);
    if (ctx->role != UNITLS_ROLE_SERVER)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "only a server context can %s", what);
    return UNITLS_OK;
}

int unitls_ctx_set_session_tickets(unitls_ctx *ctx, int on)
{
    int rc = check_server(ctx, UNITLS_CAP_SESSIONS, "issue session tickets");
    if (rc == UNITLS_OK)
        rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    int old = ctx->session_tickets;
    ctx->session_tickets = on != 0;
    if ((rc = ut_provider.ctx_apply_sessions(ctx)) != UNITLS_OK)
        ctx->session_tickets = old;
    return rc;
}

int unitls_ctx_set_session_lifetime(unitls_ctx *ctx, uint32_t seconds)
{
    int rc = check_server(ctx, UNITLS_CAP_SESSIONS, "set a session lifetime");
    if (rc == UNITLS_OK)
        rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (seconds == 0 || seconds > UNITLS_SESSION_LIFETIME_MAX)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "session lifetime %u is out of range (1 to %u "
                           "seconds)",
                           (unsigned)seconds, UNITLS_SESSION_LIFETIME_MAX);
    uint32_t old = ctx->session_lifetime;
    ctx->session_lifetime = seconds;
    if ((rc = ut_provider.ctx_apply_sessions(ctx)) != UNITLS_OK)
        ctx->session_lifetime = old;
    return rc;
}

/* A live context's message is written only on failure, as with the other
 * setters; the keys themselves change under their lock. */
int unitls_ctx_rotate_ticket_key(unitls_ctx *ctx)
{
    int rc = check_server(ctx, UNITLS_CAP_TICKET_KEYS, "rotate ticket keys");
    if (rc != UNITLS_OK)
        return rc;
    struct ut_ticket_key next;
    if (!random_bytes(&next, sizeof(next)))
        return ut_ctx_fail(ctx, UNITLS_E_INTERNAL,
                           "no random bytes for a new ticket key");
    replace_key(ctx->ticket_keys, &next);
    ut_wipe(&next, sizeof(next));
    return UNITLS_OK;
}

int unitls_ctx_set_ticket_key(unitls_ctx *ctx, const void *key, size_t len)
{
    int rc = check_server(ctx, UNITLS_CAP_TICKET_KEYS, "set ticket keys");
    if (rc != UNITLS_OK)
        return rc;
    if (key == NULL || len != UNITLS_TICKET_KEY_LEN)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "a ticket key is %u bytes, not %zu",
                           UNITLS_TICKET_KEY_LEN, key ? len : 0);
    struct ut_ticket_key next;
    memcpy(&next, key, sizeof(next));
    replace_key(ctx->ticket_keys, &next);
    ut_wipe(&next, sizeof(next));
    return UNITLS_OK;
}
