/** @file
 * unitls: certificate verification errors, one taxonomy for every provider. */
#ifndef UNITLS_VERIFY_H
#define UNITLS_VERIFY_H

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
    UNITLS_VERR_WEAK_KEY = 15,          /**< key or signature algorithm too weak */
    UNITLS_VERR_CHAIN_TOO_LONG = 16,    /**< longer than the verify depth */
    UNITLS_VERR_NO_PEER_CERTIFICATE = 17, /**< the peer sent no certificate */
    UNITLS_VERR_BAD_CERTIFICATE = 18    /**< a certificate cannot be parsed */
} unitls_verify_error;

/** Returns the stable lower-case name of a verification error, such as
 * "expired" or "hostname_mismatch"; "unknown" for values outside the enum.
 * Static string, never NULL. Thread-safe. */
UNITLS_API const char *unitls_verify_error_name(unitls_verify_error err);

/** Returns an English description of a verification error, such as
 * "the certificate has expired". Static string, never NULL. Thread-safe. */
UNITLS_API const char *unitls_verify_error_string(unitls_verify_error err);

#ifdef __cplusplus
}
#endif

#endif
