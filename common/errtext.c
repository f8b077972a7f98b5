/* The error taxonomy's words; see errtext.h. */
#include "errtext.h"

#include <stddef.h>

struct ut_status_text {
    int code;
    const char *name;
    const char *text;
};

/* Every code of status.h, in its order. */
static const struct ut_status_text ut_statuses[] = {
    { UNITLS_OK, "UNITLS_OK", "success" },
    { UNITLS_WANT_READ, "UNITLS_WANT_READ",
      "the operation must be retried once the transport is readable" },
    { UNITLS_WANT_WRITE, "UNITLS_WANT_WRITE",
      "the operation must be retried once the transport is writable" },
    { UNITLS_E_INVALID_ARG, "UNITLS_E_INVALID_ARG", "invalid argument" },
    { UNITLS_E_NOMEM, "UNITLS_E_NOMEM", "out of memory" },
    { UNITLS_E_UNSUPPORTED, "UNITLS_E_UNSUPPORTED",
      "not supported by this TLS provider" },
    { UNITLS_E_STATE, "UNITLS_E_STATE",
      "not allowed in the object's current state" },
    { UNITLS_E_FILE, "UNITLS_E_FILE", "file missing or unreadable" },
    { UNITLS_E_PARSE, "UNITLS_E_PARSE", "malformed or unrecognised input" },
    { UNITLS_E_KEY_PASSWORD, "UNITLS_E_KEY_PASSWORD",
      "the private key password is missing or wrong" },
    { UNITLS_E_KEY_MISMATCH, "UNITLS_E_KEY_MISMATCH",
      "the private key does not match the certificate" },
    { UNITLS_E_VERIFY, "UNITLS_E_VERIFY", "certificate verification failed" },
    { UNITLS_E_VERSION, "UNITLS_E_VERSION", "no common protocol version" },
    { UNITLS_E_HANDSHAKE, "UNITLS_E_HANDSHAKE", "the TLS handshake failed" },
    { UNITLS_E_PEER_ALERT, "UNITLS_E_PEER_ALERT",
      "the peer sent a fatal alert" },
    { UNITLS_E_PROTOCOL, "UNITLS_E_PROTOCOL",
      "the peer does not speak TLS or broke the protocol" },
    { UNITLS_E_EOF, "UNITLS_E_EOF",
      "the connection was closed without close_notify" },
    { UNITLS_E_IO, "UNITLS_E_IO", "transport I/O error" },
    { UNITLS_E_CLOSED, "UNITLS_E_CLOSED",
      "the connection failed earlier and cannot be used" },
    { UNITLS_E_INTERNAL, "UNITLS_E_INTERNAL",
      "internal error in the TLS provider" },
};

static const struct ut_status_text *status_entry(int status)
{
    for (size_t i = 0; i < sizeof(ut_statuses) / sizeof(ut_statuses[0]); i++)
        if (ut_statuses[i].code == status)
            return &ut_statuses[i];
    return NULL;
}

const char *ut_status_string(int status)
{
    const struct ut_status_text *e = status_entry(status);
    return e != NULL ? e->text : "unknown status";
}

const char *ut_status_name(int status)
{
    const struct ut_status_text *e = status_entry(status);
    return e != NULL ? e->name : "UNITLS_E_UNKNOWN";
}

/* --- verification errors, indexed by their enum value ------------------- */

struct ut_verify_text {
    const char *name;
    const char *text;
};

static const struct ut_verify_text ut_verify_texts[] = {
    [UNITLS_VERR_UNKNOWN] = { "unknown",
        "the certificate could not be verified" },
    [UNITLS_VERR_EXPIRED] = { "expired", "the certificate has expired" },
    [UNITLS_VERR_NOT_YET_VALID] = { "not_yet_valid",
        "the certificate is not yet valid" },
    [UNITLS_VERR_SELF_SIGNED] = { "self_signed",
        "the certificate is self-signed and not trusted" },
    [UNITLS_VERR_SELF_SIGNED_IN_CHAIN] = { "self_signed_in_chain",
        "the certificate chain ends in an untrusted root" },
    [UNITLS_VERR_UNABLE_TO_GET_ISSUER] = { "unable_to_get_issuer",
        "the issuer certificate could not be found" },
    [UNITLS_VERR_HOSTNAME_MISMATCH] = { "hostname_mismatch",
        "the certificate does not match the host name" },
    [UNITLS_VERR_IP_MISMATCH] = { "ip_mismatch",
        "the certificate does not match the IP address" },
    [UNITLS_VERR_INVALID_CA] = { "invalid_ca",
        "an issuer certificate is not a valid CA" },
    [UNITLS_VERR_PATH_LENGTH_EXCEEDED] = { "path_length_exceeded",
        "a CA path length constraint is exceeded" },
    [UNITLS_VERR_REVOKED] = { "revoked", "the certificate has been revoked" },
    [UNITLS_VERR_CRL_UNAVAILABLE] = { "crl_unavailable",
        "no valid certificate revocation list is available" },
    [UNITLS_VERR_INVALID_PURPOSE] = { "invalid_purpose",
        "the certificate is not valid for this purpose" },
    [UNITLS_VERR_SIGNATURE_FAILURE] = { "signature_failure",
        "a certificate signature does not verify" },
    [UNITLS_VERR_WEAK_KEY] = { "weak_key",
        "the certificate's key or signature algorithm is too weak" },
    [UNITLS_VERR_CHAIN_TOO_LONG] = { "chain_too_long",
        "the certificate chain is longer than the verify depth" },
    [UNITLS_VERR_NO_PEER_CERTIFICATE] = { "no_peer_certificate",
        "the peer did not send a certificate" },
    [UNITLS_VERR_BAD_CERTIFICATE] = { "bad_certificate",
        "the certificate could not be parsed" },
    [UNITLS_VERR_REJECTED] = { "rejected",
        "the application's verify callback rejected the certificate" },
};

#define UT_VERIFY_TEXT_COUNT \
    (sizeof(ut_verify_texts) / sizeof(ut_verify_texts[0]))

static const struct ut_verify_text *verify_entry(unitls_verify_error err)
{
    /* The enum's range is the compiler's choice: compare as a wide int. */
    long v = (long)err;
    if (v < 0 || (unsigned long)v >= UT_VERIFY_TEXT_COUNT ||
        ut_verify_texts[v].name == NULL)
        return &ut_verify_texts[UNITLS_VERR_UNKNOWN];
    return &ut_verify_texts[v];
}

const char *ut_verify_error_name(unitls_verify_error err)
{
    return verify_entry(err)->name;
}

const char *ut_verify_error_string(unitls_verify_error err)
{
    return verify_entry(err)->text;
}

/* --- alerts -------------------------------------------------------------- */

/* The TLS Alerts registry (RFC 8446 section 6, RFC 5246 section 7.2, later
 * RFCs). Values reserved for old versions keep their historical names
 * without the "_RESERVED" suffix. */
static const char *const ut_alert_names[] = {
    [0] = "close_notify",
    [10] = "unexpected_message",
    [20] = "bad_record_mac",
    [21] = "decryption_failed",
    [22] = "record_overflow",
    [30] = "decompression_failure",
    [40] = "handshake_failure",
    [41] = "no_certificate",
    [42] = "bad_certificate",
    [43] = "unsupported_certificate",
    [44] = "certificate_revoked",
    [45] = "certificate_expired",
    [46] = "certificate_unknown",
    [47] = "illegal_parameter",
    [48] = "unknown_ca",
    [49] = "access_denied",
    [50] = "decode_error",
    [51] = "decrypt_error",
    [52] = "too_many_cids_requested",
    [60] = "export_restriction",
    [70] = "protocol_version",
    [71] = "insufficient_security",
    [80] = "internal_error",
    [86] = "inappropriate_fallback",
    [90] = "user_canceled",
    [100] = "no_renegotiation",
    [109] = "missing_extension",
    [110] = "unsupported_extension",
    [111] = "certificate_unobtainable",
    [112] = "unrecognized_name",
    [113] = "bad_certificate_status_response",
    [114] = "bad_certificate_hash_value",
    [115] = "unknown_psk_identity",
    [116] = "certificate_required",
    [120] = "no_application_protocol",
    [121] = "ech_required",
};

const char *ut_alert_name(int description)
{
    if (description < 0 ||
        (size_t)description >=
            sizeof(ut_alert_names) / sizeof(ut_alert_names[0]) ||
        ut_alert_names[description] == NULL)
        return "unknown alert";
    return ut_alert_names[description];
}

int ut_alert_for_verify_error(unitls_verify_error err)
{
    switch (err) {
    case UNITLS_VERR_EXPIRED:
    case UNITLS_VERR_NOT_YET_VALID:
        return UT_ALERT_CERTIFICATE_EXPIRED;
    case UNITLS_VERR_REVOKED:
        return UT_ALERT_CERTIFICATE_REVOKED;
    case UNITLS_VERR_UNABLE_TO_GET_ISSUER:
    case UNITLS_VERR_SELF_SIGNED:
    case UNITLS_VERR_SELF_SIGNED_IN_CHAIN:
    case UNITLS_VERR_INVALID_CA:
    case UNITLS_VERR_PATH_LENGTH_EXCEEDED:
    case UNITLS_VERR_CHAIN_TOO_LONG:
        return UT_ALERT_UNKNOWN_CA;
    case UNITLS_VERR_HOSTNAME_MISMATCH:
    case UNITLS_VERR_IP_MISMATCH:
    case UNITLS_VERR_SIGNATURE_FAILURE:
    case UNITLS_VERR_BAD_CERTIFICATE:
    case UNITLS_VERR_WEAK_KEY:
    case UNITLS_VERR_REJECTED:
        return UT_ALERT_BAD_CERTIFICATE;
    case UNITLS_VERR_INVALID_PURPOSE:
        return UT_ALERT_UNSUPPORTED_CERTIFICATE;
    case UNITLS_VERR_NO_PEER_CERTIFICATE:
        return UT_ALERT_CERTIFICATE_REQUIRED;
    case UNITLS_VERR_CRL_UNAVAILABLE:
    case UNITLS_VERR_UNKNOWN:
    default:
        return UT_ALERT_CERTIFICATE_UNKNOWN;
    }
}
