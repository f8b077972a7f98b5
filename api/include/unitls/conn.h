/** @file
 * unitls: TLS connections. */
#ifndef UNITLS_CONN_H
#define UNITLS_CONN_H

#include <stddef.h>

#include <unitls/cert.h>
#include <unitls/ctx.h>
#include <unitls/export.h>
#include <unitls/status.h>
#include <unitls/verify.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * One TLS connection over a transport, like Python's SSLSocket or Qt's
 * QSslSocket. Life cycle:
 *
 *   conn = unitls_conn_new(ctx);
 *   unitls_conn_set_fd(conn, fd);              connected stream socket
 *     (or unitls_conn_set_io(conn, rd, wr, user): callback I/O)
 *   unitls_conn_set_server_name(conn, "host"); clients: SNI + verification
 *   unitls_conn_handshake(conn);
 *   unitls_conn_read() / unitls_conn_write() ...
 *   unitls_conn_shutdown(conn);                sends close_notify
 *   unitls_conn_free(conn);                    does not close fd
 *
 * State rules, identical on every provider:
 *  - read, write and shutdown before the handshake has completed return
 *    UNITLS_E_STATE; the handshake without a transport returns UNITLS_E_STATE.
 *  - once the handshake or any I/O has failed with an error other than WANT,
 *    every further handshake, read, write or shutdown returns UNITLS_E_CLOSED
 *    (the first error and its message stay available).
 *  - after unitls_conn_shutdown(), write returns UNITLS_E_STATE; read still
 *    works and returns the peer's remaining data, then its close_notify.
 *
 * Blocking: on a blocking descriptor calls block. The non-blocking contract
 * (a non-blocking descriptor, or callbacks that answer WANT), the same on
 * every provider:
 *  1. UNITLS_WANT_READ / UNITLS_WANT_WRITE: nothing failed and nothing was
 *     consumed; wait until the transport is readable / writable (whichever
 *     the status names, whatever the call) and call the same function again.
 *  2. A write that returned WANT must be retried with the same bytes and the
 *     same len (the buffer may move); a read may be retried with any buffer.
 *  3. UNITLS_OK from a write reports in *nwritten the bytes taken, which may
 *     be fewer than len: pass the rest in the next write.
 *  4. unitls_conn_pending() > 0: decrypted bytes are waiting that poll()
 *     cannot see; read them before waiting on the descriptor.
 *  5. No call raises SIGPIPE: a write to a peer that has gone is UNITLS_E_IO.
 *  6. Nothing waits for the peer: a peer that stops mid-handshake leaves the
 *     handshake answering UNITLS_WANT_READ. This is how to bound a handshake:
 *     poll() with your own timeout, and free the connection when it expires.
 *
 * Threads: a connection must be used by one thread at a time. Different
 * connections, even from one context, may be used concurrently.
 *
 * Errors: a failing call returns a UNITLS_E_* code and leaves a message in
 * unitls_conn_error().
 */
typedef struct unitls_conn unitls_conn;

/** Creates a connection from `ctx` (which becomes immutable and is kept alive
 * by the connection). Returns NULL if ctx is NULL or memory is exhausted.
 * Free with unitls_conn_free(). */
UNITLS_API unitls_conn *unitls_conn_new(unitls_ctx *ctx);

/** Frees the connection without sending anything and without closing the
 * descriptor (call unitls_conn_shutdown() first for a clean close). NULL-safe. */
UNITLS_API void unitls_conn_free(unitls_conn *conn);

/** Attaches a connected stream socket. The descriptor stays the caller's: it
 * is not closed by unitls. Writes never raise SIGPIPE. Returns UNITLS_OK;
 * UNITLS_E_INVALID_ARG (NULL conn or fd < 0); UNITLS_E_STATE once the
 * handshake has started. */
UNITLS_API int unitls_conn_set_fd(unitls_conn *conn, int fd);

/**
 * The read callback of callback I/O (unitls_conn_set_io()): gives unitls up
 * to `len` (>= 1) bytes that the peer sent, copied into `buf`, and stores
 * the count in *nread. `user` is the pointer given to unitls_conn_set_io().
 * Returns:
 *  - UNITLS_OK with 1 <= *nread <= len: that many bytes delivered;
 *  - UNITLS_WANT_READ: no byte available now. The unitls call in progress
 *    returns UNITLS_WANT_READ; call it again once bytes have arrived;
 *  - UNITLS_E_EOF, or UNITLS_OK with *nread == 0: the stream has ended and
 *    no byte will come any more (like recv() returning 0);
 *  - any other negative status: the transport failed; the unitls call
 *    fails with UNITLS_E_IO.
 */
typedef int (*unitls_io_read_fn)(void *user, void *buf, size_t len,
                                 size_t *nread);

/**
 * The write callback of callback I/O: takes up to `len` (>= 1) bytes of
 * `buf` for the peer and stores how many it took in *nwritten. Taking fewer
 * than `len` is fine: unitls offers the rest again. Returns:
 *  - UNITLS_OK with 1 <= *nwritten <= len: that many bytes taken (they are
 *    the callback's from then on: unitls never offers them again);
 *  - UNITLS_WANT_WRITE, or UNITLS_OK with *nwritten == 0: no room now. The
 *    unitls call in progress returns UNITLS_WANT_WRITE; call it again once
 *    there is room;
 *  - any other negative status: the transport failed; the unitls call
 *    fails with UNITLS_E_IO.
 */
typedef int (*unitls_io_write_fn)(void *user, const void *buf, size_t len,
                                  size_t *nwritten);

/**
 * Callback I/O, memory-BIO style: the connection reads and writes its TLS
 * bytes through `rd` and `wr` instead of a socket, and unitls never touches
 * a descriptor for it. This is how TLS runs over any transport (a pipe, an
 * event loop's buffers, a tunnel). Everything else is as with a
 * non-blocking socket: a callback's WANT is the call's WANT, retried the
 * same way; a transport that ends is UNITLS_E_EOF (no close_notify) or end
 * of data (close_notify) alike.
 *
 * The callbacks run only inside unitls_conn_handshake(), _read(), _write()
 * and _shutdown() of this connection, on the calling thread, and must not
 * call unitls on this connection. `user` (may be NULL) stays the caller's
 * and must stay valid while the connection may call the callbacks (until
 * unitls_conn_free()). This replaces a descriptor or callbacks set before,
 * and unitls_conn_set_fd() replaces these, until the handshake starts.
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL conn, rd or wr);
 * UNITLS_E_STATE once the handshake has started.
 */
UNITLS_API int unitls_conn_set_io(unitls_conn *conn, unitls_io_read_fn rd,
                                  unitls_io_write_fn wr, void *user);

/** Clients: the name of the server. A DNS name is sent as SNI and is also the
 * name the certificate is checked against. An IPv4 or IPv6 literal is not
 * sent as SNI (RFC 6066) and is checked against the certificate's IP
 * addresses. The string is copied. Returns UNITLS_OK; UNITLS_E_INVALID_ARG
 * (NULL, empty, or a server connection); UNITLS_E_STATE after the handshake
 * started. */
UNITLS_API int unitls_conn_set_server_name(unitls_conn *conn,
                                           const char *name);

/** Clients: check the certificate against `name` instead of the server name
 * (Qt's setPeerVerifyName); SNI still carries the server name. Returns as
 * unitls_conn_set_server_name(). */
UNITLS_API int unitls_conn_set_verify_name(unitls_conn *conn,
                                           const char *name);

/** The server name (SNI): on a client, the name given to
 * unitls_conn_set_server_name() (also when it is an IP literal, which is
 * not sent); on a server, the host name the client sent, once the
 * ClientHello has been read (from inside the SNI callback on), or NULL when
 * it sent none. NULL for NULL conn or before it is known. Borrowed: valid
 * until unitls_conn_free(). */
UNITLS_API const char *unitls_conn_server_name(const unitls_conn *conn);

/** Servers, only from inside the SNI callback (unitls_ctx_set_sni_callback):
 * serves the certificate chain and private key of the server context `ctx`
 * on this connection instead of those of the connection's own context.
 * Only the certificate chain and the key are taken from `ctx`; everything
 * else (protocol versions, cipher suites, verification of client
 * certificates and its trust anchors, ALPN, the SNI callback itself) stays
 * that of the connection's own context, on every provider alike.
 * `ctx` becomes in use (unitls_ctx setters then answer UNITLS_E_STATE) and
 * the connection keeps a reference to it until unitls_conn_free(), so the
 * caller may free it at any time. Calling it again replaces the choice.
 * Needs UNITLS_CAP_SNI_SWITCH.
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL conn or ctx, a client
 * context, or a context without a certificate); UNITLS_E_STATE outside the
 * SNI callback (a client connection is never inside one);
 * UNITLS_E_UNSUPPORTED; UNITLS_E_NOMEM (then which certificate the
 * connection would serve is not known: the callback should refuse the
 * name). */
UNITLS_API int unitls_conn_set_ctx(unitls_conn *conn, unitls_ctx *ctx);

/** Runs the handshake. Returns UNITLS_OK once it has completed (and again on
 * later calls); UNITLS_WANT_READ/WRITE; or an error:
 *  UNITLS_E_VERIFY     we rejected the peer's certificate (see the list)
 *  UNITLS_E_VERSION    no common protocol version
 *  UNITLS_E_PEER_ALERT the peer aborted with an alert (for example it
 *                      rejected our certificate); unitls_conn_alert_received()
 *  UNITLS_E_HANDSHAKE  no shared parameters or another handshake failure
 *  UNITLS_E_PROTOCOL   the peer does not speak TLS
 *  UNITLS_E_EOF        the transport closed during the handshake
 *  UNITLS_E_IO, UNITLS_E_STATE, UNITLS_E_INVALID_ARG, UNITLS_E_CLOSED.
 * In TLS 1.3 a client finishes its handshake before the server has checked
 * the client certificate; a rejection then arrives on the first read. */
UNITLS_API int unitls_conn_handshake(unitls_conn *conn);

/** Reads up to `len` decrypted bytes into `buf`; *nread receives the count.
 * Returns UNITLS_OK with *nread > 0 for data; UNITLS_OK with *nread == 0 when
 * the peer has closed cleanly with close_notify (and on every later call);
 * UNITLS_WANT_READ/WRITE; UNITLS_E_EOF when the transport ended without
 * close_notify; UNITLS_E_PEER_ALERT; UNITLS_E_PROTOCOL; UNITLS_E_IO;
 * UNITLS_E_STATE before the handshake; UNITLS_E_INVALID_ARG for NULL
 * arguments or len == 0. *nread is 0 whenever the return is not UNITLS_OK.
 * Records the protocol does not allow after the handshake fail the read
 * with UNITLS_E_PROTOCOL, the same way on every provider:
 *  - a renegotiation attempt (TLS 1.2: the peer's ClientHello to a server,
 *    HelloRequest to a client) is refused at its record header, before the
 *    backend reads it; the message says that the peer attempted
 *    renegotiation, and no alert is sent (unitls_conn_alert_sent() stays
 *    -1): not every backend can send one of unitls' choosing once the
 *    connection is encrypted. The connection is closed; closing the
 *    transport is the peer's answer;
 *  - a record longer than the protocol allows (2^14 + 256 bytes of
 *    ciphertext in TLS 1.3, 2^14 + 2048 in TLS 1.2) is answered with a
 *    fatal record_overflow (22) alert. */
UNITLS_API int unitls_conn_read(unitls_conn *conn, void *buf, size_t len,
                                size_t *nread);

/** Encrypts and sends up to `len` bytes; *nwritten receives how many were
 * taken. On a blocking descriptor all `len` bytes are sent before it returns
 * UNITLS_OK. Returns UNITLS_OK; UNITLS_WANT_READ/WRITE (retry with the same
 * buf and len); UNITLS_E_IO (for example the peer has gone: EPIPE, and no
 * SIGPIPE is raised); UNITLS_E_STATE before the handshake or after shutdown;
 * UNITLS_E_INVALID_ARG for NULL arguments. len == 0 returns UNITLS_OK with
 * *nwritten == 0 and sends nothing. */
UNITLS_API int unitls_conn_write(unitls_conn *conn, const void *buf,
                                 size_t len, size_t *nwritten);

/** Returns how many decrypted bytes can be read without touching the
 * transport (0 if none, or for NULL conn). */
UNITLS_API size_t unitls_conn_pending(const unitls_conn *conn);

/** Sends close_notify (once; later calls return UNITLS_OK and send nothing).
 * It does not wait for the peer's close_notify: to close both ways, call
 * unitls_conn_read() until it returns UNITLS_OK with *nread == 0.
 * Returns UNITLS_OK; UNITLS_WANT_WRITE/READ; UNITLS_E_IO; UNITLS_E_STATE
 * before the handshake completed; UNITLS_E_CLOSED after a failure. */
UNITLS_API int unitls_conn_shutdown(unitls_conn *conn);

/** Returns 1 once the peer's close_notify has been read, else 0. */
UNITLS_API int unitls_conn_peer_closed(const unitls_conn *conn);

/** After the handshake: the negotiated protocol version ("TLSv1.2",
 * "TLSv1.3") and cipher suite by its IANA name ("TLS_AES_128_GCM_SHA256").
 * Static strings; NULL before the handshake completed. They stay readable
 * after a later read or write failure. */
/**@{*/
UNITLS_API const char *unitls_conn_version(const unitls_conn *conn);
UNITLS_API const char *unitls_conn_cipher(const unitls_conn *conn);
/**@}*/

/** After the handshake: the key-exchange group used, by its name in
 * unitls_ctx_set_groups() ("X25519", "P-256", "ffdhe2048"; "unknown" for a
 * group unitls has no name for), or NULL when there was none (a TLS 1.2
 * suite with RSA key exchange) or before the handshake completed. Static
 * string; stays readable after a later read or write failure. */
UNITLS_API const char *unitls_conn_group(const unitls_conn *conn);

/** After the handshake: the strength in bits of the negotiated suite's
 * symmetric cipher: 128 for AES-128 (and CAMELLIA-128, ARIA-128), 256 for
 * AES-256 and CHACHA20, 112 for 3DES; 0 for NULL encryption, for an
 * unknown suite, and before the handshake completed (or for NULL conn). */
UNITLS_API int unitls_conn_cipher_bits(const unitls_conn *conn);

/** After the handshake: the ALPN protocol agreed ("h2"), or NULL when none
 * was (no ALPN offered or configured, a server that continued without one,
 * or before the handshake). Borrowed: valid until unitls_conn_free(). */
UNITLS_API const char *unitls_conn_alpn(const unitls_conn *conn);

/** After the handshake: the PSK identity the handshake used, on both ends
 * (the client's identity as the client callback gave it and the server
 * accepted it), or NULL when no PSK was used (a certificate handshake, or
 * before the handshake). Borrowed: valid until unitls_conn_free(). See
 * unitls_ctx_set_psk_client_callback(). */
UNITLS_API const char *unitls_conn_psk_identity(const unitls_conn *conn);

/** After the handshake: the peer's leaf certificate, or NULL when the peer sent
 * none (or before the handshake, or if memory ran out decoding it: it is
 * decoded on the first call). Stays readable after a later failure.
 * Borrowed: valid until unitls_conn_free(). Like every call on a
 * connection, not safe to call from two threads at once on the same
 * connection. */
UNITLS_API const unitls_cert *unitls_conn_peer_cert(const unitls_conn *conn);

/** After the handshake: the certificates the peer sent, in the order it sent
 * them (its own certificate first, then the intermediates it chose to send),
 * like Python's get_unverified_chain(). They are decoded on the first call.
 * unitls_conn_peer_chain_count: how many (0 when the peer sent none, before
 *   the handshake, or if memory ran out decoding them).
 * unitls_conn_peer_chain_cert: certificate `index`, borrowed until
 *   unitls_conn_free(); NULL when index is out of range.
 * Like every call on a connection, not safe to call from two threads at once
 * on the same connection. */
/**@{*/
UNITLS_API size_t unitls_conn_peer_chain_count(const unitls_conn *conn);
UNITLS_API const unitls_cert *unitls_conn_peer_chain_cert(
    const unitls_conn *conn, size_t index);
/**@}*/

/** After the handshake: the peer's chain as it was verified, its own
 * certificate first and the trust anchor last (intermediates that the peer
 * did not send but the trust store supplied included, certificates it sent
 * that the chain does not use left out), like Python's get_verified_chain()
 * or Qt's peerCertificateChain(). The same on every provider. They are
 * decoded on the first call.
 * unitls_conn_verified_chain_count: how many; 0 before the handshake
 *   completed, after a handshake that failed (a verification that did not
 *   succeed fails the handshake), when verification was off
 *   (UNITLS_VERIFY_NONE), when the peer sent no certificate, or if memory
 *   ran out decoding them.
 * unitls_conn_verified_chain_cert: certificate `index`, borrowed until
 *   unitls_conn_free(); NULL when index is out of range.
 * Like every call on a connection, not safe to call from two threads at once
 * on the same connection. */
/**@{*/
UNITLS_API size_t unitls_conn_verified_chain_count(const unitls_conn *conn);
UNITLS_API const unitls_cert *unitls_conn_verified_chain_cert(
    const unitls_conn *conn, size_t index);
/**@}*/

/** Every problem found while verifying the peer, in the order found (deepest
 * certificate first, then host name), like Qt's sslErrors(). It is filled
 * during the handshake, so it is there both when the handshake failed with
 * UNITLS_E_VERIFY and when it succeeded because nothing was wrong (then it is
 * empty).
 * unitls_conn_verify_error_count: the number of entries.
 * unitls_conn_verify_error: entry `index`; *depth (may be NULL) receives the
 *   chain position it applies to (0 = the peer's own certificate, -1 = none);
 *   *cert (may be NULL) that certificate, borrowed from the connection, or
 *   NULL. Returns the error, or 0 when index is out of range. */
/**@{*/
UNITLS_API size_t unitls_conn_verify_error_count(const unitls_conn *conn);
UNITLS_API unitls_verify_error unitls_conn_verify_error(
    const unitls_conn *conn, size_t index, int *depth,
    const unitls_cert **cert);
/**@}*/

/** Accepts one verification error in advance, as Qt's
 * ignoreSslErrors(list): the handshake then succeeds only if every error
 * found is accepted by an entry (the errors stay in the list). An entry
 * accepts `error` for the certificate `cert` (compared by its DER; copied,
 * so `cert` may be freed at once), or, with `cert` NULL, for any
 * certificate. Call it once per entry before the handshake; this is how an
 * application accepts, say, one known self-signed certificate and nothing
 * else. UNITLS_VERR_NO_PEER_CERTIFICATE cannot be accepted this way (use
 * UNITLS_VERIFY_OPTIONAL on a server). Returns UNITLS_OK;
 * UNITLS_E_INVALID_ARG (NULL conn, an error that is not a
 * unitls_verify_error, or UNITLS_VERR_NO_PEER_CERTIFICATE); UNITLS_E_STATE
 * once the handshake has started; UNITLS_E_NOMEM. */
UNITLS_API int unitls_conn_ignore_verify_error(unitls_conn *conn,
                                               unitls_verify_error error,
                                               const unitls_cert *cert);

/** The TLS alert description (RFC 8446 section 6; 0 close_notify is not
 * counted) of the first fatal alert the peer sent us, or the first we sent
 * it; -1 if none. */
/**@{*/
UNITLS_API int unitls_conn_alert_received(const unitls_conn *conn);
UNITLS_API int unitls_conn_alert_sent(const unitls_conn *conn);
/**@}*/

/** Returns the message of the connection's last error, or "" if none. Once a
 * connection has failed, UNITLS_E_CLOSED answers keep the message of the
 * failure itself. Borrowed: valid until the next call on `conn`. NULL conn
 * gives "". */
UNITLS_API const char *unitls_conn_error(const unitls_conn *conn);

#ifdef __cplusplus
}
#endif

#endif
