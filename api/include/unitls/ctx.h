/** @file
 * unitls: TLS contexts (the configuration shared by many connections). */
#ifndef UNITLS_CTX_H
#define UNITLS_CTX_H

#include <stddef.h>

#include <unitls/export.h>
#include <unitls/status.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A context holds everything connections share: role, protocol versions,
 * verification policy, trust anchors, own certificate and key. It is like
 * Python's SSLContext.
 *
 * Lifetime: unitls_ctx_new() returns a context owned by the caller. Each
 * connection made from it keeps its own reference, so the caller may call
 * unitls_ctx_free() while connections are alive; the context goes away with
 * the last of them.
 *
 * Mutability: a context is configured first, then used. Once a connection has
 * been created from it, every setter and loader returns UNITLS_E_STATE and
 * leaves it unchanged.
 *
 * Threads: configuration calls are not thread-safe with each other. A context
 * that is no longer configured may be used by any number of threads to create
 * connections at the same time.
 *
 * Errors: a failing call returns a UNITLS_E_* code and leaves the message in
 * unitls_ctx_error(). A failing call leaves the context as it was.
 */
typedef struct unitls_ctx unitls_ctx;

/** Which end of the connection this context is for. */
typedef enum unitls_role {
    UNITLS_ROLE_CLIENT = 0,
    UNITLS_ROLE_SERVER = 1
} unitls_role;

/** Protocol versions, by their wire value. */
typedef enum unitls_tls_version {
    UNITLS_TLS1_2 = 0x0303,
    UNITLS_TLS1_3 = 0x0304
} unitls_tls_version;

/** How the peer's certificate is treated (Python's CERT_NONE / CERT_OPTIONAL /
 * CERT_REQUIRED; Qt's VerifyNone / QueryPeer / VerifyPeer):
 *  NONE      the peer's certificate is not verified and, on a server, not
 *            requested; no verification error is ever recorded.
 *  OPTIONAL  a server requests a client certificate but accepts a client
 *            that sends none; a certificate that is sent must verify. A
 *            client treats OPTIONAL as REQUIRED, as Python does.
 *  REQUIRED  the peer must present a certificate that verifies. */
typedef enum unitls_verify_mode {
    UNITLS_VERIFY_NONE = 0,
    UNITLS_VERIFY_OPTIONAL = 1,
    UNITLS_VERIFY_REQUIRED = 2
} unitls_verify_mode;

/** Creates a context for `role` with secure defaults:
 *  - TLS 1.2 minimum, TLS 1.3 maximum;
 *  - clients: UNITLS_VERIFY_REQUIRED and host name checking on;
 *    servers: UNITLS_VERIFY_NONE (no client certificate requested);
 *  - no trust anchors: load some, or verification fails;
 *  - no compression, no renegotiation (neither offered nor accepted: a
 *    peer's attempt fails the read that meets it with UNITLS_E_PROTOCOL,
 *    see unitls_conn_read()). TLS 1.3 has no renegotiation.
 * Initialises the provider on first use (thread-safe).
 * Returns NULL if `role` is not a unitls_role, memory is exhausted, or the
 * backend fails to initialise. Free with unitls_ctx_free(). */
UNITLS_API unitls_ctx *unitls_ctx_new(unitls_role role);

/** Drops the caller's reference. NULL-safe. Connections made from the context
 * keep it alive until they are freed. */
UNITLS_API void unitls_ctx_free(unitls_ctx *ctx);

/** Returns the context's role. */
UNITLS_API unitls_role unitls_ctx_role(const unitls_ctx *ctx);

/** Returns the message of the last failing call on `ctx`, or "" if none has
 * failed. Borrowed: valid until the next call on `ctx`. NULL ctx gives "". */
UNITLS_API const char *unitls_ctx_error(const unitls_ctx *ctx);

/** Sets how the peer's certificate is verified (see unitls_verify_mode).
 * Returns UNITLS_OK, UNITLS_E_INVALID_ARG for an unknown mode or NULL ctx, or
 * UNITLS_E_STATE once the context is in use. */
UNITLS_API int unitls_ctx_set_verify_mode(unitls_ctx *ctx,
                                          unitls_verify_mode mode);

/** Returns the verify mode. */
UNITLS_API unitls_verify_mode unitls_ctx_verify_mode(const unitls_ctx *ctx);

/** Turns host name checking on (non-zero) or off (0). Only clients check host
 * names. When it is on and verification is not NONE, the name given to
 * unitls_conn_set_server_name() (or unitls_conn_set_verify_name()) must match
 * the server certificate by unitls' RFC 6125 rules, inside the handshake:
 * a mismatch aborts it with UNITLS_E_VERIFY and the server receives a
 * bad_certificate alert. A client handshake with checking on and no name set
 * fails with UNITLS_E_INVALID_ARG before anything is sent.
 * Default: on for clients. Returns UNITLS_OK, UNITLS_E_INVALID_ARG (NULL ctx)
 * or UNITLS_E_STATE. */
UNITLS_API int unitls_ctx_set_check_hostname(unitls_ctx *ctx, int on);

/** Sets the lowest and highest protocol version the context accepts. Either
 * may be 0 to keep the current value. Returns UNITLS_OK; UNITLS_E_INVALID_ARG
 * if a value is not a unitls_tls_version or min > max; UNITLS_E_UNSUPPORTED
 * if the provider lacks the version; UNITLS_E_STATE once in use. */
UNITLS_API int unitls_ctx_set_versions(unitls_ctx *ctx, int min_version,
                                       int max_version);

/** Trust anchors. Each call adds to the anchors already loaded.
 *
 * unitls_ctx_load_verify_file: every certificate in a PEM file (a bundle) or
 *   the one certificate in a DER file.
 * unitls_ctx_load_verify_mem: the same from memory; `data` is copied.
 * unitls_ctx_load_verify_dir: a directory in OpenSSL's hashed layout
 *   (`openssl rehash`), searched during verification. Needs
 *   UNITLS_CAP_TRUST_DIR.
 * unitls_ctx_load_system_trust: the operating system's default store. Needs
 *   UNITLS_CAP_SYSTEM_TRUST.
 *
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG for a NULL argument;
 * UNITLS_E_FILE if the file or directory is missing or unreadable;
 * UNITLS_E_PARSE if the data holds no certificate or a malformed one (nothing
 * is added then); UNITLS_E_UNSUPPORTED; UNITLS_E_STATE; UNITLS_E_NOMEM. */
/**@{*/
UNITLS_API int unitls_ctx_load_verify_file(unitls_ctx *ctx, const char *path);
UNITLS_API int unitls_ctx_load_verify_mem(unitls_ctx *ctx, const void *data,
                                          size_t len);
UNITLS_API int unitls_ctx_load_verify_dir(unitls_ctx *ctx, const char *path);
UNITLS_API int unitls_ctx_load_system_trust(unitls_ctx *ctx);
/**@}*/

/** Sets the context's own certificate chain and private key, replacing any set
 * before.
 *
 * `cert_path` holds the leaf certificate first, then any intermediates to send
 * with it, in PEM; or exactly one certificate in DER. `key_path` holds the
 * private key (PEM or DER; PKCS#8, traditional, or encrypted PKCS#8); NULL
 * means the key is in `cert_path` after the certificates. `password` decrypts
 * an encrypted key; NULL means none was given (fine for a plain key; for an
 * encrypted one the password callback is asked, if there is one: see
 * unitls_ctx_set_password_callback()). The key is checked against
 * the leaf now, not at the first handshake.
 *
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL ctx or cert_path);
 * UNITLS_E_FILE (missing or unreadable file); UNITLS_E_PARSE (no certificate,
 * malformed certificate, no key or an unreadable key); UNITLS_E_KEY_PASSWORD
 * (encrypted key with a missing or wrong password); UNITLS_E_KEY_MISMATCH
 * (the key is not the leaf's); UNITLS_E_INVALID_ARG also when the leaf is
 * weak by the policy unitls applies to peers (UNITLS_VERR_WEAK_KEY: RSA or
 * DSA below 2048 bits, EC below 224 bits, an MD5 or SHA-1 signature);
 * UNITLS_E_STATE; UNITLS_E_NOMEM. */
UNITLS_API int unitls_ctx_use_certificate_file(unitls_ctx *ctx,
                                               const char *cert_path,
                                               const char *key_path,
                                               const char *password);

/** As unitls_ctx_use_certificate_file(), from memory. `key` may be NULL when
 * the key follows the certificates in `cert` (PEM). Both buffers are copied
 * or consumed before the call returns. */
UNITLS_API int unitls_ctx_use_certificate_mem(unitls_ctx *ctx,
                                              const void *cert,
                                              size_t cert_len,
                                              const void *key, size_t key_len,
                                              const char *password);

/** Sets the context's own certificate chain and private key from a PKCS#12
 * file (a .p12 / .pfx "keystore"), replacing any set before. The file holds
 * one private key and certificates: the certificate that belongs to the
 * key is the leaf, and every other certificate of the file is sent after
 * it as the chain, in the file's order (put the intermediates there; a root
 * may be included and is then sent too). `password` decrypts the file and
 * checks its integrity; NULL means none was given (the unitls password
 * callback is then asked when the file needs one, see
 * unitls_ctx_set_password_callback()). Both encodings `openssl pkcs12
 * -export` writes are read on every provider: OpenSSL 3's default
 * (PBES2 with AES-256-CBC, SHA-256 MAC) and the legacy one
 * (pbeWithSHA1And3-KeyTripleDES-CBC, SHA-1 MAC).
 *
 * unitls_ctx_use_pkcs12_file: reads the file at `path` (DER).
 * unitls_ctx_use_pkcs12_mem: the same from memory; `data` is read during
 *   the call and not kept.
 *
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL ctx, path or data; also a
 * weak leaf, as unitls_ctx_use_certificate_file()); UNITLS_E_FILE (missing
 * or unreadable file); UNITLS_E_PARSE (not PKCS#12, or without a key or a
 * certificate); UNITLS_E_KEY_PASSWORD (missing or wrong password, or the
 * password callback gave none); UNITLS_E_KEY_MISMATCH (no certificate of
 * the file belongs to its key); UNITLS_E_UNSUPPORTED (an encryption or MAC
 * algorithm the provider lacks, named in the message); UNITLS_E_STATE;
 * UNITLS_E_NOMEM. On failure the context keeps the identity it had. */
/**@{*/
UNITLS_API int unitls_ctx_use_pkcs12_file(unitls_ctx *ctx, const char *path,
                                          const char *password);
UNITLS_API int unitls_ctx_use_pkcs12_mem(unitls_ctx *ctx, const void *data,
                                         size_t len, const char *password);
/**@}*/

/** Asks the application for a password: write it (no NUL needed) into
 * `buf`, which has room for `size` bytes, and return its length (0 to
 * `size`); return -1 to give none. `user` is the pointer given to
 * unitls_ctx_set_password_callback(). The buffer is wiped after use. */
typedef int (*unitls_password_fn)(void *user, char *buf, size_t size);

/** Sets the callback asked for the password of an encrypted private key
 * (unitls_ctx_use_certificate_file()/_mem()) or of a PKCS#12 file
 * (unitls_ctx_use_pkcs12_file()/_mem()) when the call passed no password
 * (NULL). It is asked at most once per call, and only when the input needs
 * a password: the call first tries without one. It runs on the calling
 * thread, inside that call; it must not call unitls on `ctx`. A password
 * passed to the call is always used instead. NULL removes the callback.
 * `size` is at least 1024. A callback that returns -1 (or a length above
 * `size`) makes the call fail with UNITLS_E_KEY_PASSWORD.
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL ctx); UNITLS_E_STATE. */
UNITLS_API int unitls_ctx_set_password_callback(unitls_ctx *ctx,
                                                unitls_password_fn fn,
                                                void *user);

/** Sets the cipher suites offered and accepted for TLS 1.2, replacing the
 * current ones.
 *
 * `tls12_suites` is a ':'-separated list of IANA cipher-suite names
 * ("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384:TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
 * the most preferred first, each name exactly as the IANA registry spells
 * it, each at most once. A server picks by its own order. The string is read
 * during the call and not kept. TLS 1.3 suites are set apart, with
 * unitls_ctx_set_tls13_suites(). The default is ECDHE with AEAD only:
 * TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
 * then the AES-256-GCM and CHACHA20-POLY1305 ones, ECDSA before RSA.
 *
 * @return UNITLS_OK;
 *   UNITLS_E_INVALID_ARG for a NULL `ctx` or list, an empty list or an empty
 *   name in it, a name that is not an IANA cipher-suite name, a TLS 1.3
 *   suite, or a name listed twice (unitls_ctx_error() names the offending
 *   name; nothing is ever silently left out);
 *   UNITLS_E_UNSUPPORTED if the provider does not implement one of the
 *   suites (the message names it);
 *   UNITLS_E_STATE once a connection uses the context;
 *   UNITLS_E_NOMEM.
 *   On failure the context keeps the suites it had. */
UNITLS_API int unitls_ctx_set_ciphers(unitls_ctx *ctx,
                                      const char *tls12_suites);

/** Sets the cipher suites offered and accepted for TLS 1.3, replacing the
 * current ones. Needs UNITLS_CAP_TLS13_SUITES.
 *
 * `tls13_suites` is a ':'-separated list of IANA names of TLS 1.3 suites
 * ("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"), the most
 * preferred first, each at most once; it is read during the call and not
 * kept. To turn TLS 1.3 off, use unitls_ctx_set_versions() instead. The
 * default is TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384,
 * TLS_CHACHA20_POLY1305_SHA256, which is also the fixed order of providers
 * without UNITLS_CAP_TLS13_SUITES.
 *
 * The arguments are checked first, alike on every provider.
 *
 * @return UNITLS_OK;
 *   UNITLS_E_INVALID_ARG for a NULL `ctx` or list, an empty list or an empty
 *   name in it, a name that is not an IANA cipher-suite name, a suite that
 *   is not a TLS 1.3 one, or a name listed twice (the message names it);
 *   UNITLS_E_UNSUPPORTED without UNITLS_CAP_TLS13_SUITES (always, for any
 *   valid list), or if the provider does not implement one of the suites
 *   (the message names it);
 *   UNITLS_E_STATE once a connection uses the context;
 *   UNITLS_E_NOMEM.
 *   On failure the context keeps the suites it had. */
UNITLS_API int unitls_ctx_set_tls13_suites(unitls_ctx *ctx,
                                           const char *tls13_suites);

/** The cipher suites this provider can be configured with, by IANA name,
 * like Qt's QSslConfiguration::supportedCiphers(): the TLS 1.3 suites
 * first, then the TLS 1.2 ones, each group in code point order. A TLS 1.2
 * suite is listed when unitls_ctx_set_ciphers() accepts it, a TLS 1.3 one
 * when unitls_ctx_set_tls13_suites() accepts it (without
 * UNITLS_CAP_TLS13_SUITES: the fixed suites the provider uses). Whether a
 * listed suite is negotiated still depends on the peer, the certificate's
 * key and the backend's security policy.
 * unitls_provider_cipher_count: how many (the list is found once, on the
 *   first call, by trying each suite of the IANA registry);
 * unitls_provider_cipher: suite `index`, a static string; NULL when index
 *   is out of range.
 * Thread-safe. */
/**@{*/
UNITLS_API size_t unitls_provider_cipher_count(void);
UNITLS_API const char *unitls_provider_cipher(size_t index);
/**@}*/

/** Sets the key-exchange groups offered and accepted (TLS 1.3 key shares
 * and TLS 1.2 ECDHE curves), replacing the current ones.
 *
 * `groups` is a ':'-separated list of group names, the most preferred
 * first, each at most once ("X25519:P-256"); it is read during the call and
 * not kept. The names are X25519, X448, P-256, P-384, P-521, ffdhe2048,
 * ffdhe3072 and ffdhe4096, compared without regard to case; the IANA names
 * x25519, x448, secp256r1, secp384r1 and secp521r1 are accepted for the
 * same groups, and unitls_conn_group() always reports the first spelling.
 * The finite-field groups (ffdhe*) are used with TLS 1.3 only.
 * The default, the same on every provider, is X25519, P-256, P-384.
 *
 * A client offers the groups in this order, with a key share for its first
 * one. A server uses the first group of the client's list that is also in
 * its own (the client's preference; the server's list says which groups it
 * accepts), asking the client for another key share (a TLS 1.3
 * HelloRetryRequest) when it sent none for that group. With no group in
 * common the handshake fails with a handshake_failure (40) alert, sent by
 * the server (in TLS 1.2, unless a suite without ECDHE can be agreed).
 *
 * @return UNITLS_OK;
 *   UNITLS_E_INVALID_ARG for a NULL `ctx` or list, an empty list or an empty
 *   name in it, an unknown name, or a group listed twice (under either of
 *   its names); unitls_ctx_error() names the offending entry, nothing is
 *   ever silently left out;
 *   UNITLS_E_UNSUPPORTED if the provider does not implement one of the
 *   groups (the message names it; unitls_provider_group() lists those it
 *   does);
 *   UNITLS_E_STATE once a connection uses the context;
 *   UNITLS_E_NOMEM.
 *   On failure the context keeps the groups it had. */
UNITLS_API int unitls_ctx_set_groups(unitls_ctx *ctx, const char *groups);

/** The key-exchange groups this provider implements, by the names
 * unitls_ctx_set_groups() takes ("P-256", "X25519", ...), in IANA code
 * point order: exactly the groups that setter accepts here.
 * unitls_provider_group_count: how many (found once, on the first call);
 * unitls_provider_group: group `index`, a static string; NULL when index is
 *   out of range.
 * Thread-safe. */
/**@{*/
UNITLS_API size_t unitls_provider_group_count(void);
UNITLS_API const char *unitls_provider_group(size_t index);
/**@}*/

/** ALPN (RFC 7301): the application protocols of this context, most
 * preferred first, as `count` NUL-terminated names ("h2", "http/1.1"), each
 * 1 to 255 bytes, none twice. A client offers them. A server selects, among
 * the protocols the client offers, the first of its own list (the server's
 * preference), unless an ALPN callback decides (unitls_ctx_set_alpn_callback);
 * a server with neither ignores the client's offer. `count` 0 (protocols may
 * then be NULL) removes the list. The names are copied. The protocol agreed
 * is unitls_conn_alpn() on both sides.
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL ctx, protocols NULL with
 * count > 0, a NULL, empty or longer than 255 bytes name, a name listed
 * twice); UNITLS_E_STATE; UNITLS_E_NOMEM. On failure the list is unchanged. */
UNITLS_API int unitls_ctx_set_alpn(unitls_ctx *ctx,
                                   const char *const *protocols,
                                   size_t count);

/** A TLS connection (unitls/conn.h), declared here for callbacks. */
typedef struct unitls_conn unitls_conn;

/** A server's ALPN choice: `offered` holds the client's `count` protocol
 * names in the client's order (NUL-terminated, borrowed for the call).
 * Return the index of the protocol to use, or -1 for none of them (then
 * what unitls_ctx_set_alpn_mismatch() says happens). Runs during the
 * handshake on its thread, only when the client offers ALPN; it must not
 * call unitls on `conn`. */
typedef int (*unitls_alpn_select_fn)(void *user, unitls_conn *conn,
                                     const char *const *offered,
                                     size_t count);

/** Servers: selects the ALPN protocol with `fn` instead of the context's
 * preference list (NULL removes the callback); `user` is passed to it.
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL ctx, or a client context);
 * UNITLS_E_STATE. */
UNITLS_API int unitls_ctx_set_alpn_callback(unitls_ctx *ctx,
                                            unitls_alpn_select_fn fn,
                                            void *user);

/** What a server does when the client offers ALPN and no protocol is
 * acceptable (no overlap with its list, or the callback answered -1). */
typedef enum unitls_alpn_mismatch {
    /** Abort with the fatal alert no_application_protocol (120), as RFC 7301
     * asks: the server's handshake fails with UNITLS_E_HANDSHAKE, the
     * client's with UNITLS_E_PEER_ALERT. The default. */
    UNITLS_ALPN_MISMATCH_FAIL = 0,
    /** Complete the handshake without ALPN (unitls_conn_alpn() is NULL). */
    UNITLS_ALPN_MISMATCH_CONTINUE = 1
} unitls_alpn_mismatch;

/** Servers: sets what a failed ALPN selection does. Returns UNITLS_OK;
 * UNITLS_E_INVALID_ARG (NULL ctx, a client context, an unknown mode);
 * UNITLS_E_STATE. */
UNITLS_API int unitls_ctx_set_alpn_mismatch(unitls_ctx *ctx,
                                            unitls_alpn_mismatch mode);

/** A server's look at the server name (SNI, RFC 6066) a client asked for.
 * `name` is the host name the client sent (NUL-terminated, borrowed for
 * the call), or NULL when it sent none (a client connecting by IP address
 * sends none). The callback may call unitls_conn_set_ctx() to serve the
 * certificate of another server context (many names on one port), and may
 * read unitls_conn_server_name(); it must not call any other unitls
 * function on `conn`. Return UNITLS_OK to go on with the handshake, or any
 * other value to refuse the name: the server then aborts with the fatal
 * alert unrecognized_name (112); its handshake fails with
 * UNITLS_E_HANDSHAKE, the client's with UNITLS_E_PEER_ALERT
 * (unitls_conn_alert_received() 112). Runs once per handshake, on the
 * handshake's thread, while the ClientHello is read, whether or not the
 * client sent a name. */
typedef int (*unitls_sni_fn)(void *user, unitls_conn *conn, const char *name);

/** Servers: calls `fn` with the server name each client asks for (NULL
 * removes the callback); `user` is passed to it. Without a callback, every
 * client gets the context's own certificate, and the name is still
 * readable with unitls_conn_server_name().
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL ctx, or a client context);
 * UNITLS_E_STATE once the context is in use. */
UNITLS_API int unitls_ctx_set_sni_callback(unitls_ctx *ctx, unitls_sni_fn fn,
                                           void *user);

/** @name Pre-shared keys (PSK)
 *
 * A client and a server that share a secret key authenticate each other
 * with it instead of with certificates: TLS 1.2 PSK cipher suites (RFC 4279,
 * RFC 5489; UNITLS_CAP_PSK) and external PSKs in TLS 1.3 (RFC 8446;
 * UNITLS_CAP_PSK_TLS13). The client names its key by an identity; the server
 * looks the identity up. Like Qt's preSharedKeyAuthenticationRequired and
 * Python's SSLContext.set_psk_client_callback / set_psk_server_callback.
 *
 * The rules, the same on every provider:
 * - An identity is 1 to UNITLS_PSK_IDENTITY_MAX bytes, NUL-terminated, with
 *   no NUL inside; a key is 1 to UNITLS_PSK_KEY_MAX bytes. The identity hint
 *   is 1 to UNITLS_PSK_IDENTITY_MAX bytes.
 * - Cipher suites: no PSK suite is among unitls' defaults. While a PSK
 *   callback is set on a context whose TLS 1.2 suites are the defaults (no
 *   unitls_ctx_set_ciphers()), the TLS 1.2 suites in force are
 *   TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256 (the one forward-secret AEAD
 *   PSK suite every provider has) followed by the defaults, so a PSK client
 *   still completes a certificate handshake with a server that takes no
 *   part in PSK. A list set with unitls_ctx_set_ciphers() is used as it is:
 *   list the PSK suites wanted in it (for example
 *   "TLS_PSK_WITH_AES_128_CBC_SHA"; unitls_provider_cipher() lists those the
 *   provider has). Contexts without a PSK callback never offer or accept a
 *   PSK suite.
 * - TLS 1.3: the key is an external PSK for TLS_AES_128_GCM_SHA256 (SHA-256,
 *   the suite RFC 8446 makes mandatory), which must be among the TLS 1.3
 *   suites of both ends; the handshake uses it with an ECDHE key share
 *   (psk_dhe_ke). There is no identity hint in TLS 1.3: the client callback
 *   gets NULL.
 * - Versions: on a provider without UNITLS_CAP_PSK_TLS13 (BoringSSL), the
 *   PSK callbacks can only be set on a context whose maximum version is
 *   TLS 1.2, and such a context refuses a maximum of TLS 1.3 while a PSK
 *   callback is set (both UNITLS_E_UNSUPPORTED). A client that allows
 *   TLS 1.3 would otherwise reach a TLS 1.3 server with a key it could not
 *   offer.
 * - Certificates: a handshake that uses a PSK exchanges no certificates, so
 *   a PSK-only server needs none, and the verification settings (verify
 *   mode, host name check) do not apply to it. A client whose host name
 *   check is on still needs unitls_conn_set_server_name() (or the check
 *   turned off) before the handshake, as for any handshake.
 * - Failures (the status of each end, and the alert):
 *   - a callback's output out of the limits above: that end fails with
 *     UNITLS_E_INVALID_ARG and, in TLS 1.2, sends handshake_failure (40)
 *     (client) or unknown_psk_identity (115) (server);
 *   - the client callback returned an error: no key is offered and the
 *     client fails with UNITLS_E_HANDSHAKE (in TLS 1.2 sending
 *     handshake_failure (40)), even where the handshake could have gone on
 *     with certificates;
 *   - the server callback returned an error (an unknown identity): in
 *     TLS 1.2 the server sends unknown_psk_identity (115) and fails with
 *     UNITLS_E_HANDSHAKE, the client with UNITLS_E_PEER_ALERT; in TLS 1.3
 *     the key is ignored (RFC 8446 section 4.2.11): the server goes on with
 *     its certificate if it has one, and without one sends
 *     handshake_failure (40) and fails with UNITLS_E_HANDSHAKE;
 *   - the two keys differ: in TLS 1.2 the server cannot decrypt the
 *     client's Finished, sends bad_record_mac (20) and fails with
 *     UNITLS_E_PROTOCOL; in TLS 1.3 the binder does not verify and the
 *     server fails with UNITLS_E_HANDSHAKE, sending decrypt_error (51) on
 *     wolfSSL and illegal_parameter (47) on OpenSSL 3.0, whose alert cannot
 *     be chosen; the client fails with UNITLS_E_PEER_ALERT.
 * - unitls_conn_psk_identity() tells, on both ends, whether a PSK was used
 *   and which.
 */
/**@{*/
/** The longest PSK identity (and identity hint), in bytes, NUL excluded. */
#define UNITLS_PSK_IDENTITY_MAX 128
/** The longest pre-shared key, in bytes. */
#define UNITLS_PSK_KEY_MAX 64

/** A client's PSK, asked for during the handshake on its thread (in TLS 1.2
 * once the server chose a PSK suite, in TLS 1.3 before the ClientHello).
 * `hint` is the server's identity hint (TLS 1.2), NULL when it sent none or
 * in TLS 1.3. Write the identity as a NUL-terminated string into `identity`
 * (`identity_cap` bytes: UNITLS_PSK_IDENTITY_MAX + 1), the key into `psk`
 * (`psk_cap` bytes: UNITLS_PSK_KEY_MAX) and its length into *psk_len. Both
 * buffers are unitls' own and wiped after use. Return UNITLS_OK, or any
 * UNITLS_E_* to offer no key (the handshake fails: see above). It must not
 * call unitls functions on `conn` other than getters. */
typedef int (*unitls_psk_client_fn)(void *user, unitls_conn *conn,
                                    const char *hint, char *identity,
                                    size_t identity_cap, unsigned char *psk,
                                    size_t psk_cap, size_t *psk_len);

/** A server's PSK for the client's `identity` (NUL-terminated, 1 to
 * UNITLS_PSK_IDENTITY_MAX bytes), asked for during the handshake on its
 * thread. Write the key into `psk` (`psk_cap` bytes: UNITLS_PSK_KEY_MAX,
 * wiped after use) and its length into *psk_len and return UNITLS_OK, or
 * return any UNITLS_E_* for an identity the server does not know (see
 * above). It must not call unitls functions on `conn` other than getters. */
typedef int (*unitls_psk_server_fn)(void *user, unitls_conn *conn,
                                    const char *identity, unsigned char *psk,
                                    size_t psk_cap, size_t *psk_len);

/** Clients: offers a PSK given by `fn` (NULL removes the callback: no PSK);
 * `user` is passed to it. Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL
 * ctx, a server context); UNITLS_E_UNSUPPORTED (no UNITLS_CAP_PSK, or no
 * UNITLS_CAP_PSK_TLS13 and the maximum version is TLS 1.3); UNITLS_E_STATE;
 * or the provider's failure to change its suites. */
UNITLS_API int unitls_ctx_set_psk_client_callback(unitls_ctx *ctx,
                                                  unitls_psk_client_fn fn,
                                                  void *user);

/** Servers: accepts PSKs found by `fn` (NULL removes the callback: no PSK);
 * `user` is passed to it. Returns as unitls_ctx_set_psk_client_callback(),
 * with UNITLS_E_INVALID_ARG for a client context. */
UNITLS_API int unitls_ctx_set_psk_server_callback(unitls_ctx *ctx,
                                                  unitls_psk_server_fn fn,
                                                  void *user);

/** Servers: the identity hint sent to TLS 1.2 PSK clients (RFC 4279 section
 * 5.2), copied; NULL removes it (the default: no hint). Not sent in
 * TLS 1.3, which has no hint. Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL
 * ctx, a client context, an empty hint or one longer than
 * UNITLS_PSK_IDENTITY_MAX); UNITLS_E_UNSUPPORTED (no UNITLS_CAP_PSK);
 * UNITLS_E_STATE; UNITLS_E_NOMEM. */
UNITLS_API int unitls_ctx_set_psk_identity_hint(unitls_ctx *ctx,
                                                const char *hint);
/**@}*/

#ifdef __cplusplus
}
#endif

#endif
