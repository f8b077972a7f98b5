/* Sessions inside the API layer (api/src/session*.c). */
#ifndef UT_SESSION_INTERNAL_H
#define UT_SESSION_INTERNAL_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "objects.h"

struct unitls_session {
    atomic_int refs; /* the caller's and each connection's that offers it */
    unsigned flags;  /* UT_SESSION_* (common/session_codec.h) */
    int version;
    uint32_t lifetime;
    char provider[33];
    char peer_name[254];
    unsigned char *leaf; /* the server's certificate, DER; owned, may be NULL */
    size_t leaf_len;
    void *backend;          /* this provider's session; NULL if foreign */
    unsigned char *foreign; /* another provider's bytes, kept unread */
    size_t foreign_len;
};

/* A new session with the fields of `f` copied and no backend part
 * (session.c). NULL when out of memory. */
struct ut_session_fields;
unitls_session *ut_session_new(const struct ut_session_fields *f);

/* Creates / frees a server context's ticket keys (session_ctx.c). */
int ut_ticket_keys_new(unitls_ctx *ctx);
void ut_ticket_keys_free(unitls_ctx *ctx);

/* Drops the connection's reference to its session (session.c). */
void ut_conn_session_release(unitls_conn *conn);

/* Whether `name` (NULL: none) may replace a name of a connection that
 * offers a session: UNITLS_OK, or UNITLS_E_INVALID_ARG with the message
 * written when the identity would change (session.c). */
int ut_conn_session_check_rename(unitls_conn *conn, const char *name,
                                 int is_verify_name);

/* After a successful handshake: records whether it resumed. */
void ut_conn_note_resumption(unitls_conn *conn);

/* The peer's leaf on a resumed client connection (the session's), or NULL
 * (session.c). */
const unsigned char *ut_conn_resumed_leaf(const unitls_conn *conn,
                                          size_t *len);

#endif
