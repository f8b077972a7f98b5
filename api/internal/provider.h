/* The provider vtable: what every backend implements, and what the API layer
 * offers back to providers. Only the API layer calls through the vtable; the
 * API layer has already checked arguments, role and state. */
#ifndef UT_PROVIDER_H
#define UT_PROVIDER_H

#include <stddef.h>
#include <stdint.h>

#include <unitls/unitls.h>

#include "../../common/blob.h"
#include "objects.h"

struct unitls_provider {
    const char *name;   /* "openssl", "wolfssl", "boringssl" */
    uint32_t caps;      /* UNITLS_CAP_* */

    /* --- library --- */
    /* Backend run-time version string; static, never NULL. */
    const char *(*backend_version)(void);
    /* Called exactly once before any other member (the API layer serialises
     * it). Returns UNITLS_OK or UNITLS_E_INTERNAL. */
    int (*global_init)(void);

    /* --- context --- (each returns a UNITLS_* status and, on failure, has
     * written the message with ut_ctx_fail) */
    /* Creates ctx->impl for ctx->role with the API's defaults already in the
     * ctx fields (versions, verify mode): no compression, no renegotiation,
     * session tickets as the backend's default. */
    int (*ctx_new)(unitls_ctx *ctx);
    void (*ctx_free)(unitls_ctx *ctx);
    /* Applies ctx->min_version/max_version (already validated). */
    int (*ctx_apply_versions)(unitls_ctx *ctx);
    /* Applies ctx->verify_mode (already validated). Providers route every
     * verification through ut_verify_add / ut_verify_finish. */
    int (*ctx_apply_verify_mode)(unitls_ctx *ctx);
    /* Adds one DER certificate as a trust anchor. UNITLS_E_PARSE if the
     * backend rejects it. */
    int (*ctx_add_trust_der)(unitls_ctx *ctx, const unsigned char *der,
                             size_t len);
    /* Adds a hashed directory (already checked to exist). */
    int (*ctx_load_trust_dir)(unitls_ctx *ctx, const char *path);
    int (*ctx_load_system_trust)(unitls_ctx *ctx);
    /* Sets the own chain (chain->items[0] is the leaf, DER) and key (PEM or
     * DER, maybe encrypted; NUL-terminated past key_len). Returns UNITLS_OK,
     * UNITLS_E_PARSE, UNITLS_E_KEY_PASSWORD or UNITLS_E_KEY_MISMATCH. */
    int (*ctx_use_cert_key)(unitls_ctx *ctx, const struct ut_blob_list *chain,
                            const unsigned char *key, size_t key_len,
                            const char *password);
    /* Reads a PKCS#12 file (der[0..len)) with `password` (NULL: none was
     * given; the backend's reading of no password). Appends its
     * certificates to *certs as DER: the one the backend found to belong
     * to the key first (or the first of the file when it found none), then
     * the others in the file's order; and sets *key to the private key as
     * plain DER in a new buffer the API layer wipes and frees (free()).
     * Returns UNITLS_OK; UNITLS_E_KEY_PASSWORD when the password is
     * missing or wrong (the integrity check or the decryption fails);
     * UNITLS_E_PARSE (not PKCS#12, no key, no certificate);
     * UNITLS_E_UNSUPPORTED naming an algorithm the backend lacks;
     * UNITLS_E_NOMEM; with the message written by ut_ctx_fail. Whether
     * the key belongs to the first certificate is the API layer's check. */
    int (*ctx_parse_pkcs12)(unitls_ctx *ctx, const unsigned char *der,
                            size_t len, const char *password,
                            struct ut_blob_list *certs, struct ut_blob *key);
    /* Replace the TLS 1.2 / TLS 1.3 cipher suites with `ids` (IANA ids,
     * preference order, n > 0; each a suite of the registry of the right
     * protocol version, none twice: the API layer has checked). The suites
     * of the other version stay those in force (ut_ctx_tls13_suites /
     * ut_ctx_tls12_suites); ctx's own fields still hold the old list while
     * this runs. Returns UNITLS_OK, or UNITLS_E_UNSUPPORTED naming the
     * first suite the backend does not implement (or another error); on
     * failure the backend is left with the suites in force.
     * ctx_apply_tls13_suites is only called with UNITLS_CAP_TLS13_SUITES. */
    int (*ctx_apply_tls12_suites)(unitls_ctx *ctx, const int *ids, size_t n);
    int (*ctx_apply_tls13_suites)(unitls_ctx *ctx, const int *ids, size_t n);
    /* Applies the verification settings in ctx (already validated, and
     * only those the provider's caps allow set to a non-default value):
     * verify_time/has_verify_time (UNITLS_CAP_VERIFY_TIME), purpose
     * (UNITLS_CAP_VERIFY_PURPOSE; resolve UNITLS_PURPOSE_DEFAULT with
     * ut_ctx_purpose), partial_chain (UNITLS_CAP_PARTIAL_CHAIN), crl_check
     * (UNITLS_CAP_CRL). The verify depth is not the backend's: the API layer
     * checks it (ut_verify_depth_exceeded); the backend's own limit must be
     * at least UNITLS_VERIFY_DEPTH_MAX + 2 certificates (wolfSSL's is 9 in
     * one Certificate message). */
    int (*ctx_apply_verify_params)(unitls_ctx *ctx);
    /* Adds one DER certificate as an untrusted intermediate, used to build
     * chains in every verification (UNITLS_CAP_UNTRUSTED), never as an
     * anchor. UNITLS_E_PARSE if the backend rejects it. */
    int (*ctx_add_untrusted_der)(unitls_ctx *ctx, const unsigned char *der,
                                 size_t len);
    /* Adds one DER CRL (UNITLS_CAP_CRL). UNITLS_E_PARSE if the backend
     * rejects it. */
    int (*ctx_add_crl_der)(unitls_ctx *ctx, const unsigned char *der,
                           size_t len);
    /* Clients only: offer ctx->alpn_wire (ALPN wire format; NULL: offer
     * none). Servers select through ut_alpn_select, installed by ctx_new. */
    int (*ctx_apply_alpn)(unitls_ctx *ctx);
    /* Replace the key-exchange groups with `ids` (IANA NamedGroup ids of
     * the registry, common/group_registry.h; preference order, n > 0, none
     * twice: the API layer has checked). ctx->groups still holds the old
     * list while this runs. Returns UNITLS_OK, or UNITLS_E_UNSUPPORTED
     * naming the first group the backend does not implement (or another
     * error); on failure the backend is left with the groups in force.
     * Servers also choose through ut_groups_choose, installed by ctx_new. */
    int (*ctx_apply_groups)(unitls_ctx *ctx, const int *ids, size_t n);
    /* Installs the backend's key log hook when ut_ctx_keylog_on(ctx), and
     * removes it otherwise; the hook hands each line to ut_keylog_line.
     * Only called with UNITLS_CAP_KEYLOG. */
    int (*ctx_apply_keylog)(unitls_ctx *ctx);
    /* PSK (UNITLS_CAP_PSK): installs the backend's PSK callbacks when
     * ctx->psk_client_cb / psk_server_cb is set (TLS 1.2, and TLS 1.3 with
     * UNITLS_CAP_PSK_TLS13, each calling ut_psk_client / ut_psk_server),
     * removes them when it is NULL, and sets ctx->psk_hint (servers; NULL:
     * none). Only called with UNITLS_CAP_PSK. */
    int (*ctx_apply_psk)(unitls_ctx *ctx);

    /* --- connection --- */
    int (*conn_new)(unitls_conn *conn); /* sets conn->impl */
    void (*conn_free)(unitls_conn *conn);
    int (*conn_set_fd)(unitls_conn *conn, int fd);
    /* Callback I/O instead of a socket (rd, wr not NULL): the provider reads
     * and writes through them exactly as through a socket (common/
     * transport.h), record tracking included. Replaces an earlier fd. */
    int (*conn_set_io)(unitls_conn *conn, unitls_io_read_fn rd,
                       unitls_io_write_fn wr, void *user);
    /* Clients: the SNI host name (never an IP literal). */
    int (*conn_set_sni)(unitls_conn *conn, const char *host);
    /* Drives the handshake. Returns UNITLS_OK, WANT_*, or an error status
     * with the message written by ut_conn_fail. Fatal alerts sent or
     * received must be reported with ut_conn_note_alert. */
    int (*conn_handshake)(unitls_conn *conn);
    /* Read: UNITLS_OK with *n > 0; UNITLS_OK with *n == 0 on close_notify;
     * UNITLS_E_EOF when the transport ended without close_notify. */
    int (*conn_read)(unitls_conn *conn, void *buf, size_t len, size_t *n);
    /* Write: len > 0. Must not raise SIGPIPE. */
    int (*conn_write)(unitls_conn *conn, const void *buf, size_t len,
                      size_t *n);
    size_t (*conn_pending)(const unitls_conn *conn);
    /* Sends close_notify; does not wait for the peer's. */
    int (*conn_shutdown)(unitls_conn *conn);
    /* After the handshake: wire version (0x0303, 0x0304) and the IANA
     * cipher-suite id (e.g. 0x1301). */
    int (*conn_version)(const unitls_conn *conn);
    int (*conn_cipher_id)(const unitls_conn *conn);
    /* After the handshake: the IANA id of the key-exchange group used (29
     * for X25519), or 0 when there was none (a TLS 1.2 RSA key exchange). */
    int (*conn_group_id)(const unitls_conn *conn);
    /* After the handshake: the peer's certificates as it sent them, leaf
     * first, appended to *out as DER. Empty when it sent none. */
    int (*conn_peer_chain)(const unitls_conn *conn, struct ut_blob_list *out);
    /* After a handshake whose verification of the peer's certificate
     * succeeded (the API layer asks only then, and never with
     * UNITLS_VERIFY_NONE): the chain the backend verified, leaf first and
     * the trust anchor last, appended to *out as DER, the same
     * certificates on every provider. Empty when the peer sent no
     * certificate. */
    int (*conn_verified_chain)(const unitls_conn *conn,
                               struct ut_blob_list *out);
    /* Offline verification (unitls_verify_chain): `conn` is a connection of
     * the context with no transport that is never used for anything else.
     * Verifies `chain` (leaf first, then the other certificates in the
     * order a peer would send them) the way conn_handshake verifies a peer
     * that sent exactly these: the backend's engine validates, every
     * problem goes to ut_verify_add, the decision is ut_verify_finish's
     * (ut_conn_verifies(conn) is 1). Afterwards conn_verified_chain must
     * work as after a handshake. Returns UNITLS_OK when accepted,
     * UNITLS_E_VERIFY when rejected, or UNITLS_E_NOMEM/UNITLS_E_INTERNAL
     * with the message written by ut_conn_fail. */
    int (*conn_verify_offline)(unitls_conn *conn,
                               const struct ut_blob_list *chain);
    /* After the handshake: the ALPN protocol agreed (*len 0: none). The
     * bytes are the backend's, valid until conn_free. */
    void (*conn_alpn)(const unitls_conn *conn, const unsigned char **proto,
                      size_t *len);
    /* Servers, from inside the SNI callback (UNITLS_CAP_SNI_SWITCH): serve
     * `from`'s certificate chain and key on this connection, and take
     * nothing else of `from` (`from` is a server context with an identity,
     * in use, kept alive by the API layer until conn_free). On failure the
     * connection keeps the identity it had. */
    int (*conn_use_identity_of)(unitls_conn *conn, const unitls_ctx *from);
    /* OCSP stapling. Servers (UNITLS_CAP_OCSP_STAPLE) staple
     * ctx->ocsp_response, when set, for clients that ask. Clients
     * (UNITLS_CAP_OCSP_CLIENT) ask when ctx->ocsp_mode is not
     * UNITLS_OCSP_OFF, and once the server's flight shows whether it
     * stapled, call ut_ocsp_accept; a 0 fails the handshake with
     * bad_certificate_status_response (113), reported with
     * ut_conn_fail_ocsp_missing. After the handshake, conn_ocsp_response
     * gives the response stapled (*len 0: none); the bytes are the
     * backend's, valid until conn_free. */
    void (*conn_ocsp_response)(const unitls_conn *conn,
                               const unsigned char **der, size_t *len);

    /* --- sessions (UNITLS_CAP_SESSIONS; the API layer calls none of these
     * without it). A backend session is the provider's own object, passed
     * around as void *. --- */
    /* Servers: issue and accept tickets exactly when
     * ut_ctx_tickets_in_force(ctx), with lifetime ctx->session_lifetime,
     * encrypted through the ticket key callback (ut_ticket_key_current /
     * ut_ticket_key_find) installed by ctx_new; no server-side session
     * cache. Called after ctx_new and whenever one of those inputs
     * changes. Clients: nothing to do (ctx_new already made them accept
     * tickets and keep the newest session of each connection). */
    int (*ctx_apply_sessions)(unitls_ctx *ctx);
    /* Clients, after the handshake: the newest resumable session of the
     * connection (a new reference) and the lifetime hint of its ticket;
     * only sessions with a ticket, and no ticket that arrived after
     * conn_shutdown sent close_notify (BoringSSL ignores those).
     * UNITLS_E_STATE, no message, when there is none. */
    int (*conn_session)(unitls_conn *conn, void **session,
                        uint32_t *lifetime);
    /* Clients, before the handshake: offer `session` (the provider takes
     * its own reference). */
    int (*conn_set_session)(unitls_conn *conn, void *session);
    /* After the handshake: 1 if it resumed a session, else 0. */
    int (*conn_session_reused)(const unitls_conn *conn);
    /* The backend's serialization: a new malloc'ed buffer. UNITLS_OK or
     * UNITLS_E_NOMEM. */
    int (*session_to_bytes)(void *session, unsigned char **out, size_t *len);
    /* Reads the backend's serialization; UNITLS_E_PARSE if it cannot,
     * including bytes left over. */
    int (*session_from_bytes)(const unsigned char *data, size_t len,
                              void **session);
    void (*session_free)(void *session);
};

/* Key log (api/src/keylog.c). 1 when ctx has somewhere to log to. */
int ut_ctx_keylog_on(const unitls_ctx *ctx);

/* A line the backend produced for conn (NSS key log format, no newline):
 * checked and put in unitls' one form (common/keylog.h), then written to
 * the context's file and handed to its callback. A malformed line is
 * dropped. */
void ut_keylog_line(const unitls_conn *conn, const char *line);

/* Clients asking for OCSP stapling: `len` is the size of the response the
 * server stapled (0: none). Returns 1 to go on, or 0 when the context
 * requires a response and there is none (recorded on conn). */
int ut_ocsp_accept(unitls_conn *conn, size_t len);

/* The handshake failed because ut_ocsp_accept refused it:
 * UNITLS_E_HANDSHAKE, "<op> failed: the server stapled no OCSP response,
 * which this client requires (<backend_text>)". Returns the status. */
int ut_conn_fail_ocsp_missing(unitls_conn *conn, const char *op,
                              const char *backend_text);

/* 1 when a server context issues and accepts tickets: tickets are on and
 * the context does not ask for client certificates (unitls/session.h). */
int ut_ctx_tickets_in_force(const unitls_ctx *ctx);

/* A server's ticket key (unitls_ctx_set_ticket_key's layout): the name
 * written into tickets, a 32-byte key for the cipher and one for the MAC.
 * Copies handed to providers are wiped by them after use (ut_wipe). */
#define UT_TICKET_KEY_NAME_LEN 16
struct ut_ticket_key {
    unsigned char name[UT_TICKET_KEY_NAME_LEN];
    unsigned char cipher_key[32];
    unsigned char mac_key[32];
};

/* The key that encrypts new tickets, copied into *key. Thread-safe.
 * Returns 1, or 0 on a context that has no keys (a client). */
int ut_ticket_key_current(const unitls_ctx *ctx, struct ut_ticket_key *key);

/* The key a ticket names, copied into *key; UT_TICKET_KEY_UNKNOWN when
 * the context does not resume (ut_ctx_tickets_in_force). Thread-safe. */
enum ut_ticket_match {
    UT_TICKET_KEY_UNKNOWN,  /* no such key (any more): do not decrypt */
    UT_TICKET_KEY_CURRENT,  /* the current key */
    UT_TICKET_KEY_PREVIOUS  /* the key before it: decrypt, then renew the
                               ticket with the current key */
};
enum ut_ticket_match ut_ticket_key_find(const unitls_ctx *ctx,
                                        const unsigned char *name,
                                        struct ut_ticket_key *key);

/* A server's ALPN decision, for every provider alike, in the shape of the
 * backends' selection callbacks. `offered` is the client's list in wire
 * format. Returns UT_ALPN_SELECTED with *out (pointing into `offered`) and
 * *out_len the protocol to use; UT_ALPN_IGNORE when the
 * server takes no part in ALPN (continue without it, no alert);
 * UT_ALPN_NONE_CONTINUE when nothing is acceptable and the server goes on
 * without ALPN; UT_ALPN_NONE_FAIL when nothing is acceptable and the
 * handshake must fail with no_application_protocol (120). */
enum ut_alpn_result {
    UT_ALPN_SELECTED,
    UT_ALPN_IGNORE,
    UT_ALPN_NONE_CONTINUE,
    UT_ALPN_NONE_FAIL
};
enum ut_alpn_result ut_alpn_select(unitls_conn *conn,
                                   const unsigned char *offered, size_t len,
                                   const unsigned char **out,
                                   unsigned char *out_len);

/* A server read the ClientHello: `name` is the host name of its SNI
 * extension, or NULL when there is none. Providers install a callback that
 * calls this for every ClientHello, whether or not it carries a name. The
 * API layer records the name and runs the application's SNI callback.
 * Returns UT_SNI_CONTINUE, or UT_SNI_REFUSE when the handshake must fail
 * with the fatal alert unrecognized_name (UT_ALERT_UNRECOGNIZED_NAME). */
enum ut_sni_result { UT_SNI_CONTINUE, UT_SNI_REFUSE };
#define UT_ALERT_UNRECOGNIZED_NAME 112
enum ut_sni_result ut_sni_received(unitls_conn *conn, const char *name);

/* The PSK of a connection, for every provider alike, in the shape of the
 * backends' PSK callbacks: they pass the size of the identity buffer less
 * the NUL (identity_max) and of the key buffer (psk_max). ut_psk_client
 * asks the client's callback (hint: the server's, NULL or empty for none)
 * and writes the identity, NUL-terminated, and the key; ut_psk_server asks
 * the server's callback for the key of `identity`. Each returns the key's
 * length, or 0 for no key (the callback refused, or its output broke the
 * rules: the reason is recorded on conn and becomes the handshake's
 * failure, see ut_psk_settle). Never more than psk_max. */
unsigned ut_psk_client(unitls_conn *conn, const char *hint, char *identity,
                       size_t identity_max, unsigned char *psk,
                       size_t psk_max);
unsigned ut_psk_server(unitls_conn *conn, const char *identity,
                       unsigned char *psk, size_t psk_max);

/* 1 when a PSK callback gave the backend a key in this connection's
 * handshake (a client's offer, or a server's key for the identity). */
int ut_psk_key_given(const unitls_conn *conn);

/* The TLS 1.3 cipher suite an external PSK is bound to (RFC 8446's
 * mandatory TLS_AES_128_GCM_SHA256): the backend's name is the provider's,
 * the choice is this one. */
#define UT_PSK_TLS13_SUITE 0x1301

/* 1 when the peer's certificate is to be verified on this connection:
 * the verify mode is not NONE, or it is an offline verification. */
int ut_conn_verifies(const unitls_conn *conn);

/* The purpose the peer's certificate is checked for: ctx->purpose, or the
 * peer's role for UNITLS_PURPOSE_DEFAULT (server authentication on a
 * client context). Never UNITLS_PURPOSE_DEFAULT. */
unitls_verify_purpose ut_ctx_purpose(const unitls_ctx *ctx);

/* The verify depth, checked once for every provider: `length` is the
 * number of certificates of the chain the backend built (leaf first),
 * called once per verification, after every other problem has been added
 * with ut_verify_add (which tells whether the chain reached a trust
 * anchor). The API layer keeps `length` for its decision (it knows the
 * anchor's position from it: revocation problems of the anchor itself are
 * not reported, as RFC 5280 does not check anchors). Returns the position
 * in that chain where UNITLS_VERR_CHAIN_TOO_LONG is to be reported (the
 * provider adds it with ut_verify_add and that certificate), or -1 when
 * the chain is within the depth. */
int ut_verify_depth_exceeded(unitls_conn *conn, int length);

/* What a connection asks of the peer's certificate, decided once from the
 * context's role and verify mode so that every provider applies the same
 * policy:
 *   UT_PEER_CERT_IGNORED    NONE: not requested (servers), not verified;
 *   UT_PEER_CERT_REQUESTED  servers with OPTIONAL: requested, may be absent,
 *                           verified when present;
 *   UT_PEER_CERT_REQUIRED   REQUIRED, and OPTIONAL on a client (as Python
 *                           treats it): must be present and verify. */
enum ut_peer_cert_policy {
    UT_PEER_CERT_IGNORED,
    UT_PEER_CERT_REQUESTED,
    UT_PEER_CERT_REQUIRED
};
enum ut_peer_cert_policy ut_ctx_peer_cert_policy(const unitls_ctx *ctx);

/* The cipher suites in force on ctx, IANA ids in preference order: the last
 * list set, or unitls' defaults (common/tls_defaults.h; for TLS 1.2 while a
 * PSK callback is set: ut_default_psk_tls12_suites). Borrowed; *n gets
 * the count (never 0). */
const int *ut_ctx_tls12_suites(const unitls_ctx *ctx, size_t *n);
const int *ut_ctx_tls13_suites(const unitls_ctx *ctx, size_t *n);

/* The key-exchange groups in force on ctx, IANA ids in preference order:
 * the last list set, or unitls' defaults (common/tls_defaults.h).
 * Borrowed; *n gets the count (never 0). */
const int *ut_ctx_groups(const unitls_ctx *ctx, size_t *n);

/* A server's key-exchange group, decided once for every provider: the first
 * group of the client's list that is in the server's own (ut_ctx_groups):
 * the client's preference, which needs no HelloRetryRequest when the
 * client's first group is acceptable, and which every backend can be made
 * to follow (wolfSSL's TLS 1.2 server cannot be given an order). The
 * provider hands over the bodies of the ClientHello's supported_groups and
 * supported_versions extensions as sent (NULL, 0 when absent), before its
 * backend reads the key shares. *tls13 gets whether TLS 1.3 will be used
 * (the client offers it and ctx allows it); finite-field groups count only
 * then. Returns:
 *  - the IANA id, which the provider makes the group its backend uses on
 *    this connection: in TLS 1.3 its only one, so that a client whose key
 *    share is for another group gets a HelloRetryRequest for this one; in
 *    TLS 1.2 its first one at least (OpenSSL also checks a client's ECDSA
 *    certificate against the list);
 *  - UT_GROUPS_NONE_SHARED when no group is shared and the handshake cannot
 *    succeed without one (TLS 1.3, or TLS 1.2 with ECDHE suites only): the
 *    server fails with handshake_failure (40), as OpenSSL and BoringSSL do
 *    on their own; a backend that would go on must be stopped;
 *  - -1 when the extension is absent or malformed, or when a TLS 1.2 suite
 *    without ECDHE may still be agreed: the backend goes on as it is. */
enum { UT_GROUPS_NONE_SHARED = -2 };
int ut_groups_choose(const unitls_ctx *ctx, const unsigned char *groups_ext,
                     size_t groups_len, const unsigned char *versions_ext,
                     size_t versions_len, int *tls13);

/* The one provider linked into this library. */
extern const struct unitls_provider ut_provider;

/* --- What the API layer offers providers --- */

/* Records a failure message (printf format) on ctx / conn and returns
 * `status`, so a provider can `return ut_ctx_fail(ctx, UNITLS_E_PARSE, ...)`. */
int ut_ctx_fail(unitls_ctx *ctx, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int ut_conn_fail(unitls_conn *conn, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * The failures every provider reports alike, worded once:
 *
 *   "<op> failed: <what happened> (<backend_text>)"
 *
 * recorded with ut_conn_fail. `op` names the operation ("handshake", "read",
 * "write", "shutdown"); `backend_text` is the backend's own account,
 * "<provider>: <the backend's reason>". Each returns the status recorded,
 * so a provider can `return ut_conn_fail_alert(conn, 48, "handshake", t);`.
 * A provider asks in this order: its own verdict on the peer
 * (ut_conn_fail_verify), the peer's verdict on it (ut_conn_fail_alert),
 * whether the peer speaks TLS at all (ut_conn_fail_not_tls), the transport
 * (ut_conn_fail_transport), then its backend's reason (ut_conn_fail_as).
 */

/* The peer's certificate ended the handshake. `status` UNITLS_E_VERIFY (we
 * rejected it, the errors recorded with ut_verify_add) is worded
 * "certificate verification failed: <first error> (depth N)"; any other
 * status (UNITLS_E_NOMEM: the judging itself failed) "could not verify the
 * peer's certificate". Returns `status`. */
int ut_conn_fail_verify(unitls_conn *conn, int status, const char *op,
                        const char *backend_text);

/* The peer sent the fatal alert `alert`: records it as received
 * (ut_conn_note_alert), words it "the peer sent the fatal alert <name>
 * (<alert>)" and returns ut_status_for_received_alert(alert). */
int ut_conn_fail_alert(unitls_conn *conn, int alert, const char *op,
                       const char *backend_text);

/* The transport stopped: `err` 0 means the stream ended without
 * close_notify (UNITLS_E_EOF), anything else is the errno of the failed
 * recv()/send() (UNITLS_E_IO, worded with strerror). */
int ut_conn_fail_transport(unitls_conn *conn, int err, const char *op,
                           const char *backend_text);

/* The peer's first bytes cannot start a TLS record, found by the
 * provider's transport before the backend parsed them (ut_records_not_tls
 * in common/tls_records.h): UNITLS_E_PROTOCOL, "peer does not speak TLS
 * (<provider>: the first bytes are no TLS record header)". */
int ut_conn_fail_not_tls(unitls_conn *conn, const char *op);

/* The peer attempted a TLS 1.2 renegotiation, found by the provider's
 * transport, which refused the record before the backend read it
 * (ut_records_renegotiation in common/tls_records.h): UNITLS_E_PROTOCOL,
 * "the peer attempted renegotiation, which unitls refuses (<provider>: a
 * handshake record after the handshake)". No alert is sent: see
 * UT_FAILURE_RENEGOTIATION. */
int ut_conn_fail_renegotiation(unitls_conn *conn, const char *op);

/* What a backend's error code means. Each provider maps its own codes to
 * these; the status and the words are decided here. */
enum ut_failure {
    UT_FAILURE_OTHER = 0,    /* UNITLS_E_HANDSHAKE during the handshake,
                                UNITLS_E_PROTOCOL after it */
    UT_FAILURE_EOF,          /* as ut_conn_fail_transport with err 0 */
    UT_FAILURE_VERSION,      /* no protocol version in common */
    UT_FAILURE_NOT_TLS,      /* the peer does not speak TLS at all */
    UT_FAILURE_MALFORMED,    /* a malformed or unexpected TLS message */
    UT_FAILURE_NO_SHARED,    /* no shared cipher suite, group or sigalg */
    UT_FAILURE_NO_OWN_CERT,  /* we are a server without a certificate */
    UT_FAILURE_NO_PEER_CERT, /* the peer sent no certificate, one is needed
                                (added as UNITLS_VERR_NO_PEER_CERTIFICATE) */
    UT_FAILURE_VERIFY,       /* the backend rejected the peer's certificate */
    UT_FAILURE_RENEGOTIATION /* the peer attempted renegotiation: refused
                                with no alert, as not every backend can
                                send one of unitls' choosing once the
                                connection is encrypted */
};

/* Records the failure `kind` with its status and words. */
int ut_conn_fail_as(unitls_conn *conn, enum ut_failure kind, const char *op,
                    const char *backend_text);

/* Records a fatal alert: sent != 0 for one we sent, 0 for one we received.
 * Only the first of each direction is kept. close_notify (0) is ignored. */
void ut_conn_note_alert(unitls_conn *conn, int sent, int description);

/* The status a received fatal alert means: UNITLS_E_VERSION for
 * protocol_version (70), UNITLS_E_PEER_ALERT otherwise. */
int ut_status_for_received_alert(int description);

/*
 * Verification. During the handshake, the provider lets its backend validate
 * the chain and reports every problem it found, then hands the decision to
 * the API layer, which is the same for every provider:
 *
 *   for each problem:  ut_verify_add(conn, error, depth, der, der_len);
 *   then once:         accept = ut_verify_finish(conn, leaf_der, leaf_len,
 *                                                &alert);
 *
 * ut_verify_finish() checks the host name (clients), applies the verify mode,
 * keeps the parsed leaf as the peer certificate, and returns 1 to continue or
 * 0 to abort; on 0, `alert` is the TLS alert the provider must send (its
 * backend's nearest way of sending exactly that alert). `der` may be NULL
 * when the problem is not tied to a certificate. A peer that sent no
 * certificate where one is required is reported by the provider as
 * ut_verify_add(conn, UNITLS_VERR_NO_PEER_CERTIFICATE, -1, NULL, 0) and the
 * handshake fails with UNITLS_E_VERIFY.
 * Returns of ut_verify_add: UNITLS_OK or UNITLS_E_NOMEM.
 */
int ut_verify_add(unitls_conn *conn, unitls_verify_error error, int depth,
                  const unsigned char *der, size_t der_len);
int ut_verify_finish(unitls_conn *conn, const unsigned char *leaf_der,
                     size_t leaf_len, int *alert);

/*
 * What the verification codes OpenSSL named (X509_V_ERR_*) mean, decided
 * once. OpenSSL, BoringSSL and wolfSSL's compatibility layer share these
 * names, not always their numbers, so the list goes by name, one
 * X(<name after X509_V_ERR_>, <unitls_verify_error>) each; a provider
 * expands it where its backend's headers are in scope, next to its own
 * codes:
 *
 *   #define ENTRY(name, error) {X509_V_ERR_##name, error},
 *   static const struct { int code; unitls_verify_error error; } map[] = {
 *       UT_X509_V_ERRORS(ENTRY)
 *       ...the backend's own codes...
 *   };
 */
#define UT_X509_V_ERRORS(X)                                                    \
    X(CERT_HAS_EXPIRED, UNITLS_VERR_EXPIRED)                                   \
    X(CERT_NOT_YET_VALID, UNITLS_VERR_NOT_YET_VALID)                           \
    X(DEPTH_ZERO_SELF_SIGNED_CERT, UNITLS_VERR_SELF_SIGNED)                    \
    X(SELF_SIGNED_CERT_IN_CHAIN, UNITLS_VERR_SELF_SIGNED_IN_CHAIN)             \
    X(UNABLE_TO_GET_ISSUER_CERT, UNITLS_VERR_UNABLE_TO_GET_ISSUER)             \
    X(UNABLE_TO_GET_ISSUER_CERT_LOCALLY, UNITLS_VERR_UNABLE_TO_GET_ISSUER)     \
    X(UNABLE_TO_VERIFY_LEAF_SIGNATURE, UNITLS_VERR_UNABLE_TO_GET_ISSUER)       \
    X(INVALID_CA, UNITLS_VERR_INVALID_CA)                                      \
    X(PATH_LENGTH_EXCEEDED, UNITLS_VERR_PATH_LENGTH_EXCEEDED)                  \
    X(CERT_REVOKED, UNITLS_VERR_REVOKED)                                       \
    X(UNABLE_TO_GET_CRL, UNITLS_VERR_CRL_UNAVAILABLE)                          \
    X(CRL_HAS_EXPIRED, UNITLS_VERR_CRL_UNAVAILABLE)                            \
    X(INVALID_PURPOSE, UNITLS_VERR_INVALID_PURPOSE)                            \
    X(CERT_SIGNATURE_FAILURE, UNITLS_VERR_SIGNATURE_FAILURE)                   \
    X(CERT_CHAIN_TOO_LONG, UNITLS_VERR_CHAIN_TOO_LONG)

#endif
