/** @file
 * unitls: session resumption (TLS 1.2 session tickets, TLS 1.3 PSK tickets).
 *
 * A client takes a session out of a connection (unitls_conn_session()),
 * keeps it in memory or as bytes (unitls_session_to_bytes(), for example in
 * a file, so that it survives a restart), and offers it on a later
 * connection to the same server (unitls_conn_set_session()). The server
 * decides whether to resume; unitls_conn_session_reused() tells, on both
 * sides. A session that is not accepted is never an error: the handshake is
 * then a full one, and unitls_conn_session_reused() is 0.
 *
 * Rules, the same on every provider:
 *  - Servers resume with stateless tickets only (no server-side session
 *    cache), encrypted with the context's ticket key. Tickets are on by
 *    default on server contexts, with a lifetime of
 *    UNITLS_SESSION_LIFETIME_DEFAULT seconds and a random key made when the
 *    context is created. A server context that asks for client certificates
 *    (verify mode OPTIONAL or REQUIRED) issues no tickets and resumes none:
 *    a resumed handshake skips the client's authentication, and not every
 *    backend keeps the client's certificate in its tickets.
 *  - A session belongs to the peer identity it was made with: the
 *    connection's verify name if one was set, else its server name (a host
 *    name or an IP address), else none. unitls_conn_set_session() refuses a
 *    session for another identity (host names compared without regard to
 *    ASCII case), so a session is never offered to the wrong server.
 *  - A session made by a connection that did not authenticate the server
 *    (verify mode NONE, host name checking off, or verification errors
 *    accepted with unitls_conn_ignore_verify_error()) is refused on a
 *    connection whose context verifies the server and checks its name:
 *    resuming would skip that check. A session does not record which trust
 *    anchors verified it: offer sessions only to contexts that trust what
 *    the context that made them trusted.
 *  - On a resumed connection the peer sends no certificate. The peer
 *    certificate functions then answer from the session:
 *    unitls_conn_peer_cert() is the leaf the session was made with,
 *    unitls_conn_peer_chain_count() is 1 (that leaf), and the verified
 *    chain is empty (nothing was verified on this connection). The
 *    verification error list is empty. Version and cipher suite are those
 *    negotiated (a resumed session keeps its suite).
 *  - A session is one provider's: bytes made by another provider parse, but
 *    unitls_conn_set_session() refuses them (UNITLS_E_INVALID_ARG).
 *
 * Everything here needs UNITLS_CAP_SESSIONS; the ticket keys need
 * UNITLS_CAP_TICKET_KEYS. Without them the functions return
 * UNITLS_E_UNSUPPORTED. */
#ifndef UNITLS_SESSION_H
#define UNITLS_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include <unitls/conn.h>
#include <unitls/ctx.h>
#include <unitls/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A client's resumable session, with the identity of the server it
 * belongs to. Opaque; immutable once made, so one session may be read by
 * several threads and set on several connections (each handshake that
 * resumes it is a separate resumption; TLS 1.3 servers may refuse a ticket
 * used twice). */
typedef struct unitls_session unitls_session;

/** The ticket lifetime a server context starts with: 7200 seconds. */
#define UNITLS_SESSION_LIFETIME_DEFAULT 7200u
/** The longest lifetime unitls_ctx_set_session_lifetime() accepts: seven
 * days, the most TLS 1.3 allows (RFC 8446, 4.6.1). */
#define UNITLS_SESSION_LIFETIME_MAX 604800u
/** The size of a ticket key (unitls_ctx_set_ticket_key()): 16 bytes that
 * name the key in the tickets it encrypts (public), then 32 bytes of
 * encryption key and 32 bytes of authentication key. */
#define UNITLS_TICKET_KEY_LEN 80u
/** The largest serialized session unitls_session_from_bytes() reads. */
#define UNITLS_SESSION_BYTES_MAX 65536u

/** Takes the session of a client connection out as a new object, owned by
 * the caller (unitls_session_free()).
 *
 * When a session is available: in TLS 1.2 once the handshake has completed
 * (the server sent its ticket during the handshake); in TLS 1.3 only once
 * the server's ticket has arrived, which follows the handshake: after the
 * first unitls_conn_read() that returned data or the end of the stream
 * (with non-blocking I/O, one that returned UNITLS_WANT_READ may have read
 * it too). unitls never reads ahead for it. A ticket that arrives after
 * unitls_conn_shutdown() is not kept (BoringSSL ignores them; every
 * provider does the same): take the session before closing. After a
 * resumed handshake the session is the newest ticket the server sent
 * (unitls servers send a new one after every TLS 1.3 resumption), or, when
 * it sent none, the session resumed (the same object, one more reference).
 *
 * Returns UNITLS_OK with *out set; UNITLS_E_STATE when there is no
 * resumable session yet (before the handshake; in TLS 1.3 before the
 * ticket arrived; or when the server issued none), with a message saying
 * which; UNITLS_E_INVALID_ARG for NULL arguments or a server connection;
 * UNITLS_E_UNSUPPORTED without UNITLS_CAP_SESSIONS; UNITLS_E_NOMEM. *out is
 * NULL on failure. Not thread-safe for `conn`. */
UNITLS_API int unitls_conn_session(unitls_conn *conn, unitls_session **out);

/** Offers `sess` on a client connection that has not started its
 * handshake. Set the server name (and verify name) first: the session must
 * belong to the same identity (see the rules above), and those names can
 * no longer change to another identity afterwards. The connection keeps
 * its own reference: `sess` may be freed at once.
 *
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG when the session belongs to
 * another identity (the message names both), was made without
 * authenticating a server that this context verifies, or by another
 * provider, or for NULL arguments or a server connection; UNITLS_E_STATE
 * once the handshake has started; UNITLS_E_UNSUPPORTED without
 * UNITLS_CAP_SESSIONS; UNITLS_E_NOMEM. On failure nothing is offered. */
UNITLS_API int unitls_conn_set_session(unitls_conn *conn,
                                       const unitls_session *sess);

/** Returns 1 if the completed handshake resumed a session (on both the
 * client and the server), 0 if it was a full handshake, not completed, or
 * `conn` is NULL. */
UNITLS_API int unitls_conn_session_reused(const unitls_conn *conn);

/** Frees a session. NULL-safe. */
UNITLS_API void unitls_session_free(unitls_session *sess);

/** Serializes a session into a new buffer (*buf, freed with unitls_free(),
 * *len bytes): a unitls envelope holding the server's identity, the
 * protocol version, the provider's name, the server's certificate and the
 * backend's own session. The bytes hold the session's secret: store them
 * as carefully as a private key. Returns UNITLS_OK, UNITLS_E_INVALID_ARG
 * for NULL arguments, or UNITLS_E_NOMEM (*buf NULL, *len 0). Thread-safe. */
UNITLS_API int unitls_session_to_bytes(const unitls_session *sess,
                                       unsigned char **buf, size_t *len);

/** Reads the bytes of unitls_session_to_bytes() into a new session (*out,
 * owned by the caller). The input is checked strictly: anything truncated,
 * longer than its contents, longer than UNITLS_SESSION_BYTES_MAX, of
 * another format version, or whose backend session this provider cannot
 * read gives UNITLS_E_PARSE. Bytes made by another provider parse (their
 * backend session is kept unread); unitls_session_provider() names it and
 * unitls_conn_set_session() refuses it. The bytes carry no authentication
 * (their digest only catches damage): read sessions only from storage the
 * application controls. Forged bytes are read as strictly as damaged ones,
 * and a backend session whose fields would not fit the backend's own
 * session gives UNITLS_E_PARSE. Returns UNITLS_OK,
 * UNITLS_E_PARSE, UNITLS_E_INVALID_ARG for NULL arguments,
 * UNITLS_E_UNSUPPORTED without UNITLS_CAP_SESSIONS, or UNITLS_E_NOMEM;
 * *out is NULL on failure. Thread-safe. */
UNITLS_API int unitls_session_from_bytes(const void *data, size_t len,
                                         unitls_session **out);

/** The identity the session belongs to (a host name, an IP address, or ""
 * when the connection had no name), borrowed from `sess`; NULL if `sess`
 * is NULL. */
UNITLS_API const char *unitls_session_peer_name(const unitls_session *sess);

/** The provider that made the session ("openssl", ...), borrowed; NULL if
 * `sess` is NULL. */
UNITLS_API const char *unitls_session_provider(const unitls_session *sess);

/** The protocol version of the session (UNITLS_TLS1_2 or UNITLS_TLS1_3 as
 * an int), or 0 if `sess` is NULL. */
UNITLS_API int unitls_session_version(const unitls_session *sess);

/** The lifetime in seconds the server advertised for the session's ticket
 * (ticket_lifetime_hint; 0 when the server gave none), or 0 if `sess` is
 * NULL. */
UNITLS_API uint32_t unitls_session_lifetime(const unitls_session *sess);

/** Server contexts: issue and accept session tickets (on: non-zero, the
 * default) or not. Returns UNITLS_OK; UNITLS_E_INVALID_ARG for NULL or a
 * client context; UNITLS_E_STATE once a connection uses the context;
 * UNITLS_E_UNSUPPORTED without UNITLS_CAP_SESSIONS. */
UNITLS_API int unitls_ctx_set_session_tickets(unitls_ctx *ctx, int on);

/** Server contexts: the lifetime of the sessions and tickets issued, in
 * seconds, 1 to UNITLS_SESSION_LIFETIME_MAX (default
 * UNITLS_SESSION_LIFETIME_DEFAULT). It is advertised to clients and a
 * ticket older than it is not resumed. Returns UNITLS_OK;
 * UNITLS_E_INVALID_ARG for NULL, a client context or a value out of range
 * (nothing changes); UNITLS_E_STATE once a connection uses the context;
 * UNITLS_E_UNSUPPORTED without UNITLS_CAP_SESSIONS. */
UNITLS_API int unitls_ctx_set_session_lifetime(unitls_ctx *ctx,
                                               uint32_t seconds);

/** Server contexts: makes a new random ticket key. New tickets are
 * encrypted with it; tickets of the key it replaces are still accepted (and
 * renewed with the new key) until the next rotation or
 * unitls_ctx_set_ticket_key(), after which they are not (a full
 * handshake follows, no error). Allowed at any time, also while
 * connections of the context run on other threads (thread-safe).
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG for NULL or a client context;
 * UNITLS_E_INTERNAL when no random bytes could be had (the key is kept);
 * UNITLS_E_UNSUPPORTED without UNITLS_CAP_TICKET_KEYS. */
UNITLS_API int unitls_ctx_rotate_ticket_key(unitls_ctx *ctx);

/** Server contexts: sets the ticket key (UNITLS_TICKET_KEY_LEN random
 * bytes, copied), so that several servers sharing it resume each other's
 * tickets. It replaces the current key the way a rotation does: the key
 * before it still decrypts until the next change. Thread-safe, also while
 * connections run. Returns UNITLS_OK; UNITLS_E_INVALID_ARG for NULL, a
 * client context or a length other than UNITLS_TICKET_KEY_LEN;
 * UNITLS_E_UNSUPPORTED without UNITLS_CAP_TICKET_KEYS. */
UNITLS_API int unitls_ctx_set_ticket_key(unitls_ctx *ctx, const void *key,
                                         size_t len);

#ifdef __cplusplus
}
#endif

#endif
