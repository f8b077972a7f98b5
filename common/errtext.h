/* The error taxonomy's words: names and English sentences for status codes
 * and verification errors, TLS alert names, and the one alert policy every
 * provider follows when it rejects a certificate. All returned strings are
 * static and never NULL; every function is thread-safe. */
#ifndef UT_ERRTEXT_H
#define UT_ERRTEXT_H

#include <unitls/status.h>
#include <unitls/verify.h>

/* An English description of a status code ("certificate verification
 * failed"); "unknown status" for a code status.h does not define. */
const char *ut_status_string(int status);

/* The symbolic name of a status code ("UNITLS_E_VERIFY");
 * "UNITLS_E_UNKNOWN" for a code status.h does not define. */
const char *ut_status_name(int status);

/* The stable lower-case name of a verification error ("hostname_mismatch");
 * "unknown" for values outside the enum. */
const char *ut_verify_error_name(unitls_verify_error err);

/* An English sentence for a verification error ("the certificate has
 * expired"); the UNITLS_VERR_UNKNOWN sentence for values outside the enum. */
const char *ut_verify_error_string(unitls_verify_error err);

/* The snake_case name of a TLS alert description (RFC 8446 section 6,
 * RFC 5246 section 7.2 and the IANA registry): 40 "handshake_failure",
 * 48 "unknown_ca", 116 "certificate_required", ...; "unknown alert" for a
 * value that is not assigned. */
const char *ut_alert_name(int description);

/* The fatal alert a verifier sends for a certificate it rejects with `err`,
 * the same on every provider:
 *   expired, not_yet_valid                          45 certificate_expired
 *   revoked                                         44 certificate_revoked
 *   unable_to_get_issuer, self_signed, self_signed_in_chain, invalid_ca,
 *   path_length_exceeded, chain_too_long            48 unknown_ca
 *   hostname_mismatch, ip_mismatch, signature_failure, bad_certificate,
 *   weak_key                                        42 bad_certificate
 *   invalid_purpose                                 43 unsupported_certificate
 *   no_peer_certificate                            116 certificate_required
 *   crl_unavailable, unknown and anything else      46 certificate_unknown
 */
int ut_alert_for_verify_error(unitls_verify_error err);

/* The alert numbers the policy above uses (RFC 8446 section 6). */
enum {
    UT_ALERT_BAD_CERTIFICATE = 42,
    UT_ALERT_UNSUPPORTED_CERTIFICATE = 43,
    UT_ALERT_CERTIFICATE_REVOKED = 44,
    UT_ALERT_CERTIFICATE_EXPIRED = 45,
    UT_ALERT_CERTIFICATE_UNKNOWN = 46,
    UT_ALERT_UNKNOWN_CA = 48,
    UT_ALERT_CERTIFICATE_REQUIRED = 116
};

#endif
