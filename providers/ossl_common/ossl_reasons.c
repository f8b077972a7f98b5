#include "ossl_reasons.h"

#include <stddef.h>

#include <openssl/ssl.h>

/* A reason that only one of the libraries defines is listed under #ifdef of
 * its own name; the comment says which library has it. */
static const struct {
    int reason;
    enum ut_failure kind;
} reasons[] = {
#ifdef SSL_R_UNEXPECTED_EOF_WHILE_READING /* OpenSSL */
    {SSL_R_UNEXPECTED_EOF_WHILE_READING, UT_FAILURE_EOF},
#endif
    {SSL_R_UNSUPPORTED_PROTOCOL, UT_FAILURE_VERSION},
#ifdef SSL_R_VERSION_TOO_LOW /* OpenSSL */
    {SSL_R_VERSION_TOO_LOW, UT_FAILURE_VERSION},
    {SSL_R_VERSION_TOO_HIGH, UT_FAILURE_VERSION},
#endif
#ifdef SSL_R_NO_PROTOCOLS_AVAILABLE /* OpenSSL */
    {SSL_R_NO_PROTOCOLS_AVAILABLE, UT_FAILURE_VERSION},
#endif
#ifdef SSL_R_UNSUPPORTED_SSL_VERSION /* OpenSSL */
    {SSL_R_UNSUPPORTED_SSL_VERSION, UT_FAILURE_VERSION},
#endif
#ifdef SSL_R_BAD_LEGACY_VERSION /* OpenSSL */
    {SSL_R_BAD_LEGACY_VERSION, UT_FAILURE_VERSION},
#endif
    {SSL_R_WRONG_VERSION_NUMBER, UT_FAILURE_NOT_TLS},
    {SSL_R_HTTP_REQUEST, UT_FAILURE_NOT_TLS},
    {SSL_R_HTTPS_PROXY_REQUEST, UT_FAILURE_NOT_TLS},
    {SSL_R_UNKNOWN_PROTOCOL, UT_FAILURE_NOT_TLS},
#ifdef SSL_R_PACKET_LENGTH_TOO_LONG /* OpenSSL */
    {SSL_R_PACKET_LENGTH_TOO_LONG, UT_FAILURE_NOT_TLS},
#endif
#ifdef SSL_R_RECORD_TOO_LARGE /* BoringSSL */
    {SSL_R_RECORD_TOO_LARGE, UT_FAILURE_NOT_TLS},
#endif
    {SSL_R_ENCRYPTED_LENGTH_TOO_LONG, UT_FAILURE_NOT_TLS},
    {SSL_R_WRONG_SSL_VERSION, UT_FAILURE_MALFORMED},
    {SSL_R_RECORD_LENGTH_MISMATCH, UT_FAILURE_MALFORMED},
    {SSL_R_DATA_LENGTH_TOO_LONG, UT_FAILURE_MALFORMED},
    {SSL_R_BAD_PACKET_LENGTH, UT_FAILURE_MALFORMED},
    {SSL_R_EXCESSIVE_MESSAGE_SIZE, UT_FAILURE_MALFORMED},
    {SSL_R_UNEXPECTED_MESSAGE, UT_FAILURE_MALFORMED},
    {SSL_R_UNEXPECTED_RECORD, UT_FAILURE_MALFORMED},
    {SSL_R_DECRYPTION_FAILED_OR_BAD_RECORD_MAC, UT_FAILURE_MALFORMED},
#ifdef SSL_R_DECODE_ERROR /* BoringSSL */
    {SSL_R_DECODE_ERROR, UT_FAILURE_MALFORMED},
#endif
    {SSL_R_NO_SHARED_CIPHER, UT_FAILURE_NO_SHARED},
    {SSL_R_NO_CIPHERS_AVAILABLE, UT_FAILURE_NO_SHARED},
#ifdef SSL_R_NO_SHARED_GROUPS /* OpenSSL */
    {SSL_R_NO_SHARED_GROUPS, UT_FAILURE_NO_SHARED},
#endif
#ifdef SSL_R_NO_SUITABLE_KEY_SHARE /* OpenSSL */
    {SSL_R_NO_SUITABLE_KEY_SHARE, UT_FAILURE_NO_SHARED},
#endif
#ifdef SSL_R_NO_SUITABLE_SIGNATURE_ALGORITHM /* OpenSSL */
    {SSL_R_NO_SUITABLE_SIGNATURE_ALGORITHM, UT_FAILURE_NO_SHARED},
#endif
#ifdef SSL_R_NO_SHARED_GROUP /* BoringSSL */
    {SSL_R_NO_SHARED_GROUP, UT_FAILURE_NO_SHARED},
#endif
#ifdef SSL_R_NO_COMMON_SIGNATURE_ALGORITHMS /* BoringSSL */
    {SSL_R_NO_COMMON_SIGNATURE_ALGORITHMS, UT_FAILURE_NO_SHARED},
#endif
    /* OpenSSL reports a server without a certificate as no shared cipher. */
    {SSL_R_NO_CERTIFICATE_SET, UT_FAILURE_NO_OWN_CERT},
    {SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE, UT_FAILURE_NO_PEER_CERT},
    {SSL_R_CERTIFICATE_VERIFY_FAILED, UT_FAILURE_VERIFY},
};

enum ut_failure ossl_reason_kind(int reason)
{
    for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
        if (reasons[i].reason == reason)
            return reasons[i].kind;
    return UT_FAILURE_OTHER;
}

/* Both libraries report a received alert as the reason
 * SSL_AD_REASON_OFFSET + description (SSL_R_TLSV1_ALERT_UNKNOWN_CA, ...);
 * close_notify is not a failure and never shows up this way. */
int ossl_reason_received_alert(int reason)
{
    int description = reason - SSL_AD_REASON_OFFSET;
    return description > 0 && description <= 255 ? description : -1;
}
