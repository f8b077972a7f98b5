/** @file
 * unitls: certificate verification errors, one taxonomy for every provider. */
#ifndef UNITLS_VERIFY_H
#define UNITLS_VERIFY_H

#include <stdint.h>

#include <unitls/cert.h>
#include <unitls/ctx.h>
#include <unitls/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Why a certificate failed verification. Each provider maps its own codes
 * into these by meaning, so the same bad certificate gives the same value on
 * every provider. Values are part of the ABI and never change; new ones are
 * only appended.
 */
typedef enum unitls_verify_error {
    UNITLS_VERR_UNKNOWN = 1,            /**< a failure with no better name */
    UNITLS_VERR_EXPIRED = 2,            /**< notAfter is in the past */
    UNITLS_VERR_NOT_YET_VALID = 3,      /**< notBefore is in the future */
    UNITLS_VERR_SELF_SIGNED = 4,        /**< the leaf is self-signed, untrusted */
    UNITLS_VERR_SELF_SIGNED_IN_CHAIN = 5, /**< the chain ends in an untrusted root */
    UNITLS_VERR_UNABLE_TO_GET_ISSUER = 6, /**< an issuer is missing (intermediate
                                             not sent, or unknown CA) */
    UNITLS_VERR_HOSTNAME_MISMATCH = 7,  /**< the certificate is not for the name */
    UNITLS_VERR_IP_MISMATCH = 8,        /**< the certificate is not for the IP */
    UNITLS_VERR_INVALID_CA = 9,         /**< an issuer is not a CA */
    UNITLS_VERR_PATH_LENGTH_EXCEEDED = 10, /**< a pathLenConstraint is violated */
    UNITLS_VERR_REVOKED = 11,           /**< revoked by a CRL */
    UNITLS_VERR_CRL_UNAVAILABLE = 12,   /**< CRL checking is on and no valid CRL */
    UNITLS_VERR_INVALID_PURPOSE = 13,   /**< extendedKeyUsage forbids this use */
    UNITLS_VERR_SIGNATURE_FAILURE = 14, /**< a signature does not verify */
    UNITLS_VERR_WEAK_KEY = 15,          /**< key or signature algorithm too
                                             weak: the peer's certificate has
                                             an RSA or DSA key below 2048
                                             bits, an EC key below 224 bits,
                                             or a signature made with MD5 or
                                             SHA-1 (one policy for every
                                             provider) */
    UNITLS_VERR_CHAIN_TOO_LONG = 16,    /**< longer than the verify depth */
    UNITLS_VERR_NO_PEER_CERTIFICATE = 17, /**< the peer sent no certificate */
    UNITLS_VERR_BAD_CERTIFICATE = 18,   /**< a certificate cannot be parsed */
    UNITLS_VERR_REJECTED = 19           /**< the application's verify callback
                                             rejected the peer */
} unitls_verify_error;

/** Returns the stable lower-case name of a verification error, such as
 * "expired" or "hostname_mismatch"; "unknown" for values outside the enum.
 * Static string, never NULL. Thread-safe. */
UNITLS_API const char *unitls_verify_error_name(unitls_verify_error err);

/** Returns an English description of a verification error, such as
 * "the certificate has expired". Static string, never NULL. Thread-safe. */
UNITLS_API const char *unitls_verify_error_string(unitls_verify_error err);


/**
 * @name Verification settings of a context
 * How a context verifies its peer, the same on every provider, in the
 * handshake and in unitls_verify_chain(). Like every context setter they
 * return UNITLS_E_STATE once a connection uses the context and leave the
 * context unchanged on failure. A setting that needs a capability bit the
 * provider lacks returns UNITLS_E_UNSUPPORTED, always.
 */
/**@{*/

/** The largest verify depth every provider can check (see
 * unitls_ctx_set_verify_depth()); also the default. A chain of this depth
 * is at most 9 certificates even when the peer sends its root too, the
 * most a Certificate message may hold on every provider (wolfSSL refuses
 * longer ones). */
#define UNITLS_VERIFY_DEPTH_MAX 7

/** Sets the verify depth: the most intermediate CA certificates allowed
 * between the peer's certificate and its trust anchor (OpenSSL's meaning:
 * depth 0 means the peer's certificate must be issued by a trust anchor).
 * A longer chain is reported as UNITLS_VERR_CHAIN_TOO_LONG at the first
 * certificate beyond the limit (depth + 1). Default and maximum:
 * UNITLS_VERIFY_DEPTH_MAX. Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL
 * ctx, depth < 0 or > UNITLS_VERIFY_DEPTH_MAX); UNITLS_E_STATE. */
UNITLS_API int unitls_ctx_set_verify_depth(unitls_ctx *ctx, int depth);

/** Returns the verify depth (UNITLS_VERIFY_DEPTH_MAX for NULL). */
UNITLS_API int unitls_ctx_verify_depth(const unitls_ctx *ctx);

/** unitls_ctx_set_verify_time(): verify at the current time (the default). */
#define UNITLS_VERIFY_TIME_NOW INT64_MIN

/** Verifies certificates as of `when` (seconds since 1970-01-01 UTC)
 * instead of the current time: "would this chain validate at that time?".
 * Validity periods of certificates and CRLs are judged against it.
 * UNITLS_VERIFY_TIME_NOW restores the default. Needs
 * UNITLS_CAP_VERIFY_TIME. Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL
 * ctx); UNITLS_E_UNSUPPORTED; UNITLS_E_STATE. */
UNITLS_API int unitls_ctx_set_verify_time(unitls_ctx *ctx, int64_t when);

/** What the peer's certificate must be good for (its extendedKeyUsage, when
 * it has one, and that of its CAs when they have one). */
typedef enum unitls_verify_purpose {
    /** The peer's role: server authentication on a client context, client
     * authentication on a server context. The default. */
    UNITLS_PURPOSE_DEFAULT = 0,
    UNITLS_PURPOSE_SERVER = 1, /**< TLS server authentication */
    UNITLS_PURPOSE_CLIENT = 2  /**< TLS client authentication */
} unitls_verify_purpose;

/** Sets the purpose the peer's certificate is checked for; a certificate
 * whose extendedKeyUsage excludes it is UNITLS_VERR_INVALID_PURPOSE.
 * Choosing anything but UNITLS_PURPOSE_DEFAULT needs
 * UNITLS_CAP_VERIFY_PURPOSE. Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL
 * ctx, unknown purpose); UNITLS_E_UNSUPPORTED; UNITLS_E_STATE. */
UNITLS_API int unitls_ctx_set_verify_purpose(unitls_ctx *ctx,
                                             unitls_verify_purpose purpose);

/** Partial chains: with `on`, any certificate among the trust anchors ends
 * the chain, even an intermediate CA (its own issuer is then not needed);
 * off (the default), a chain must end at a self-signed trust anchor.
 * Turning it on needs UNITLS_CAP_PARTIAL_CHAIN. Returns UNITLS_OK;
 * UNITLS_E_INVALID_ARG (NULL ctx); UNITLS_E_UNSUPPORTED; UNITLS_E_STATE. */
UNITLS_API int unitls_ctx_set_partial_chain(unitls_ctx *ctx, int on);

/** Untrusted intermediate CA certificates, supplied apart from the trust
 * anchors: chains may be built through them as through the certificates the
 * peer sends, but they are never trust anchors. Each call adds to those
 * already loaded. The file or buffer holds PEM (every CERTIFICATE block) or
 * one DER certificate; `data` is copied. Needs UNITLS_CAP_UNTRUSTED.
 * Returns as unitls_ctx_load_verify_file(). */
/**@{*/
UNITLS_API int unitls_ctx_load_untrusted_file(unitls_ctx *ctx,
                                              const char *path);
UNITLS_API int unitls_ctx_load_untrusted_mem(unitls_ctx *ctx,
                                             const void *data, size_t len);
/**@}*/

/** Which certificates are checked against certificate revocation lists. */
typedef enum unitls_crl_check {
    UNITLS_CRL_NONE = 0,  /**< no revocation checking (the default) */
    UNITLS_CRL_LEAF = 1,  /**< the peer's own certificate only */
    UNITLS_CRL_CHAIN = 2  /**< every certificate of the chain but the anchor */
} unitls_crl_check;

/** Turns revocation checking on or off. When on, every certificate checked
 * needs a CRL from its issuer that is valid at the verification time; a
 * missing or expired one is UNITLS_VERR_CRL_UNAVAILABLE, a listed
 * certificate UNITLS_VERR_REVOKED. Anything but UNITLS_CRL_NONE needs
 * UNITLS_CAP_CRL. Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL ctx,
 * unknown mode); UNITLS_E_UNSUPPORTED; UNITLS_E_STATE. */
UNITLS_API int unitls_ctx_set_crl_check(unitls_ctx *ctx,
                                        unitls_crl_check mode);

/** Adds certificate revocation lists: every "X509 CRL" block of PEM data,
 * or one DER CRL. Each call adds to the CRLs already loaded; `data` is
 * copied. Needs UNITLS_CAP_CRL. Returns UNITLS_OK; UNITLS_E_INVALID_ARG
 * (NULL argument); UNITLS_E_FILE; UNITLS_E_PARSE (no CRL, or a malformed
 * one: nothing is added then); UNITLS_E_UNSUPPORTED; UNITLS_E_STATE;
 * UNITLS_E_NOMEM. */
/**@{*/
UNITLS_API int unitls_ctx_load_crl_file(unitls_ctx *ctx, const char *path);
UNITLS_API int unitls_ctx_load_crl_mem(unitls_ctx *ctx, const void *data,
                                       size_t len);
/**@}*/

/** Host name checking without the subject commonName: with `on` (the
 * default) a certificate without a subjectAltName extension is matched by
 * its subject's commonName (see unitls_cert_check_host()); off, such a
 * certificate matches no name. Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL
 * ctx); UNITLS_E_STATE. */
UNITLS_API int unitls_ctx_set_hostname_cn_fallback(unitls_ctx *ctx, int on);

/**@}*/

/**
 * @name Application verdict and offline verification
 */
/**@{*/

/** A TLS connection (unitls/conn.h), declared here for callbacks. */
typedef struct unitls_conn unitls_conn;

/**
 * The application's say on a peer (Qt's sslErrors() signal, OpenSSL's
 * verify callback), set with unitls_ctx_set_verify_callback(). It runs once
 * per verification, after unitls has checked everything (chain, host name,
 * errors ignored with unitls_conn_ignore_verify_error()), on the thread
 * running the handshake (or unitls_verify_chain()), and decides:
 *  - `preverify_ok` is 1 when unitls would accept the peer (no error, or
 *    every error ignored), else 0;
 *  - `conn` shows the error list (unitls_conn_verify_error_count(),
 *    unitls_conn_verify_error()) and the peer's certificate
 *    (unitls_conn_peer_cert()); the callback must not call any other unitls
 *    function on `conn`;
 *  - return 1 to accept the peer, 0 to reject it. A rejection fails the
 *    handshake with UNITLS_E_VERIFY and the peer receives the alert of the
 *    first error, or bad_certificate with UNITLS_VERR_REJECTED added at
 *    depth 0 when the list was empty. Accepting a peer with errors keeps
 *    them in the list.
 * It never runs with UNITLS_VERIFY_NONE, nor for a peer that sent no
 * certificate.
 */
typedef int (*unitls_verify_fn)(void *user, unitls_conn *conn,
                                int preverify_ok);

/** Sets the verify callback (NULL removes it); `user` is passed to it and
 * stays the caller's. Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL ctx);
 * UNITLS_E_STATE. */
UNITLS_API int unitls_ctx_set_verify_callback(unitls_ctx *ctx,
                                              unitls_verify_fn fn,
                                              void *user);

/** The outcome of unitls_verify_chain(). */
typedef struct unitls_verify_result unitls_verify_result;

/**
 * Offline verification: verifies `chain` (the peer's certificate first, then
 * the intermediates, as a peer would send them) exactly as a handshake of a
 * connection made from `ctx` verifies its peer: the same backend engine and
 * the same settings (trust anchors, untrusted intermediates, CRLs, depth,
 * time, purpose, partial chains), the same error list in the same order,
 * the same verify callback (called with a connection that exists only
 * during this call; errors accepted with unitls_conn_ignore_verify_error()
 * belong to one connection and play no part here). `name` (may be NULL: no name is
 * checked) is a DNS name or an IP literal, checked as
 * unitls_conn_set_verify_name() would have it checked; the context's verify
 * mode and host name switch do not matter here. Like unitls_conn_new(), the
 * call makes `ctx` immutable. Thread-safe for different result pointers.
 *
 * On UNITLS_OK and UNITLS_E_VERIFY, *result receives a new result that the
 * caller frees with unitls_verify_result_free(); otherwise *result is NULL.
 * Returns UNITLS_OK (valid: no error, or every error accepted);
 * UNITLS_E_VERIFY (not valid: the result tells why); UNITLS_E_INVALID_ARG
 * (NULL ctx, chain, an element of it or result; count 0; a name that is not
 * a host name or an IP literal); UNITLS_E_NOMEM; UNITLS_E_INTERNAL. The
 * message is in unitls_ctx_error(). */
UNITLS_API int unitls_verify_chain(unitls_ctx *ctx,
                                   const unitls_cert *const *chain,
                                   size_t count, const char *name,
                                   unitls_verify_result **result);

/** Every problem found, as unitls_conn_verify_error_count() /
 * unitls_conn_verify_error() give them for a handshake: the same order, the
 * certificates borrowed from the result. */
/**@{*/
UNITLS_API size_t unitls_verify_result_error_count(
    const unitls_verify_result *result);
UNITLS_API unitls_verify_error unitls_verify_result_error(
    const unitls_verify_result *result, size_t index, int *depth,
    const unitls_cert **cert);
/**@}*/

/** Returns 1 when the chain was found valid, else 0 (also for NULL). */
UNITLS_API int unitls_verify_result_valid(const unitls_verify_result *result);

/** Frees a result and the certificates it lends. NULL-safe. */
UNITLS_API void unitls_verify_result_free(unitls_verify_result *result);

/**@}*/

#ifdef __cplusplus
}
#endif

#endif
