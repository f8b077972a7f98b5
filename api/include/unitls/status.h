/** @file
 * unitls: status codes, error strings and memory returned by the library. */
#ifndef UNITLS_STATUS_H
#define UNITLS_STATUS_H

#include <stddef.h>

#include <unitls/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Every unitls function that can fail returns an int status:
 *   UNITLS_OK (0)          success;
 *   UNITLS_WANT_READ (1)   non-blocking I/O: call again, with the same
 *                          arguments, once the transport is readable;
 *   UNITLS_WANT_WRITE (2)  the same, once the transport is writable;
 *   UNITLS_E_* (< 0)       failure. The same failure gives the same code on
 *                          every provider. The object involved (context or
 *                          connection) keeps a human-readable message that
 *                          names the provider's own reason where one exists.
 * The numeric values are part of the ABI and never change.
 */
/**@{*/
#define UNITLS_OK 0
#define UNITLS_WANT_READ 1
#define UNITLS_WANT_WRITE 2
/**@}*/

/** An argument is NULL, out of range, or not valid for this object's role. */
#define UNITLS_E_INVALID_ARG (-1)
/** Memory allocation failed. */
#define UNITLS_E_NOMEM (-2)
/** The provider built into this library cannot do this; see
 * unitls_provider_caps(). Always the same answer for the same provider. */
#define UNITLS_E_UNSUPPORTED (-3)
/** The call is not valid in the object's current state: reading before the
 * handshake, changing a context that a connection already uses, ... */
#define UNITLS_E_STATE (-4)
/** A file is missing, unreadable or not a regular file/directory. */
#define UNITLS_E_FILE (-5)
/** Input is not what it claims to be: garbage PEM, malformed DER, a file
 * holding no certificate, an unreadable private key. */
#define UNITLS_E_PARSE (-6)
/** The private key is encrypted and the password is missing or wrong. */
#define UNITLS_E_KEY_PASSWORD (-7)
/** The private key does not belong to the certificate. */
#define UNITLS_E_KEY_MISMATCH (-8)
/** Peer certificate verification failed; unitls_conn_verify_error_count()
 * and unitls_conn_verify_error() tell why. */
#define UNITLS_E_VERIFY (-9)
/** No protocol version both sides accept (sent or received as the
 * protocol_version alert). */
#define UNITLS_E_VERSION (-10)
/** The handshake failed for another reason: no shared cipher suite or group,
 * a required peer certificate was rejected by the peer, ... */
#define UNITLS_E_HANDSHAKE (-11)
/** The peer sent a fatal alert; unitls_conn_alert_received() gives it. */
#define UNITLS_E_PEER_ALERT (-12)
/** The peer does not speak TLS, or sent a malformed or unexpected message. */
#define UNITLS_E_PROTOCOL (-13)
/** The transport closed without a close_notify (a truncated, "ragged" EOF),
 * during the handshake or while reading. */
#define UNITLS_E_EOF (-14)
/** A system call on the transport failed; the message carries errno's text. */
#define UNITLS_E_IO (-15)
/** The connection failed earlier and cannot be used any more. */
#define UNITLS_E_CLOSED (-16)
/** An unexpected failure inside the provider; the message names it. */
#define UNITLS_E_INTERNAL (-17)

/** Returns a static, never-NULL English description of a status code, for
 * example "certificate verification failed" for UNITLS_E_VERIFY. Unknown
 * codes give "unknown status". Thread-safe. */
UNITLS_API const char *unitls_strerror(int status);

/** Returns the stable symbolic name of a status code ("UNITLS_E_VERIFY"), or
 * "UNITLS_E_UNKNOWN" for a code that does not exist. Thread-safe. */
UNITLS_API const char *unitls_status_name(int status);

/** Releases memory that a unitls function handed to the caller (PEM and JSON
 * renderings, ...). NULL-safe. */
UNITLS_API void unitls_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif
