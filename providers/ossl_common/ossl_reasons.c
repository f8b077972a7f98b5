#include "ossl_reasons.h"

#include <stddef.h>

#include <openssl/ssl.h>

/* A reason that only one of the libraries defines is listed under #ifdef of
 * its own name; the comment says which library has it. */
static const struct {
    int reason;
    enum ossl_reason_kind kind;
} reasons[] = {
#ifdef SSL_R_UNEXPECTED_EOF_WHILE_READING /* OpenSSL */
    {SSL_R_UNEXPECTED_EOF_WHILE_READING, OSSL_REASON_EOF},
#endif
    {SSL_R_UNSUPPORTED_PROTOCOL, OSSL_REASON_VERSION},
#ifdef SSL_R_VERSION_TOO_LOW /* OpenSSL */
    {SSL_R_VERSION_TOO_LOW, OSSL_REASON_VERSION},
    {SSL_R_VERSION_TOO_HIGH, OSSL_REASON_VERSION},
#endif
#ifdef SSL_R_NO_PROTOCOLS_AVAILABLE /* OpenSSL */
    {SSL_R_NO_PROTOCOLS_AVAILABLE, OSSL_REASON_VERSION},
#endif
#ifdef SSL_R_UNSUPPORTED_SSL_VERSION /* OpenSSL */
    {SSL_R_UNSUPPORTED_SSL_VERSION, OSSL_REASON_VERSION},
#endif
#ifdef SSL_R_BAD_LEGACY_VERSION /* OpenSSL */
    {SSL_R_BAD_LEGACY_VERSION, OSSL_REASON_VERSION},
#endif
    {SSL_R_WRONG_VERSION_NUMBER, OSSL_REASON_NOT_TLS},
    {SSL_R_HTTP_REQUEST, OSSL_REASON_NOT_TLS},
    {SSL_R_HTTPS_PROXY_REQUEST, OSSL_REASON_NOT_TLS},
    {SSL_R_UNKNOWN_PROTOCOL, OSSL_REASON_NOT_TLS},
#ifdef SSL_R_PACKET_LENGTH_TOO_LONG /* OpenSSL */
    {SSL_R_PACKET_LENGTH_TOO_LONG, OSSL_REASON_NOT_TLS},
#endif
#ifdef SSL_R_RECORD_TOO_LARGE /* BoringSSL */
    {SSL_R_RECORD_TOO_LARGE, OSSL_REASON_NOT_TLS},
#endif
    {SSL_R_ENCRYPTED_LENGTH_TOO_LONG, OSSL_REASON_NOT_TLS},
    {SSL_R_WRONG_SSL_VERSION, OSSL_REASON_MALFORMED},
    {SSL_R_RECORD_LENGTH_MISMATCH, OSSL_REASON_MALFORMED},
    {SSL_R_DATA_LENGTH_TOO_LONG, OSSL_REASON_MALFORMED},
    {SSL_R_BAD_PACKET_LENGTH, OSSL_REASON_MALFORMED},
    {SSL_R_EXCESSIVE_MESSAGE_SIZE, OSSL_REASON_MALFORMED},
    {SSL_R_UNEXPECTED_MESSAGE, OSSL_REASON_MALFORMED},
    {SSL_R_UNEXPECTED_RECORD, OSSL_REASON_MALFORMED},
    {SSL_R_DECRYPTION_FAILED_OR_BAD_RECORD_MAC, OSSL_REASON_MALFORMED},
#ifdef SSL_R_DECODE_ERROR /* BoringSSL */
    {SSL_R_DECODE_ERROR, OSSL_REASON_MALFORMED},
#endif
    {SSL_R_NO_SHARED_CIPHER, OSSL_REASON_NO_SHARED},
    {SSL_R_NO_CIPHERS_AVAILABLE, OSSL_REASON_NO_SHARED},
#ifdef SSL_R_NO_SHARED_GROUPS /* OpenSSL */
    {SSL_R_NO_SHARED_GROUPS, OSSL_REASON_NO_SHARED},
#endif
#ifdef SSL_R_NO_SUITABLE_KEY_SHARE /* OpenSSL */
    {SSL_R_NO_SUITABLE_KEY_SHARE, OSSL_REASON_NO_SHARED},
#endif
#ifdef SSL_R_NO_SUITABLE_SIGNATURE_ALGORITHM /* OpenSSL */
    {SSL_R_NO_SUITABLE_SIGNATURE_ALGORITHM, OSSL_REASON_NO_SHARED},
#endif
#ifdef SSL_R_NO_SHARED_GROUP /* BoringSSL */
    {SSL_R_NO_SHARED_GROUP, OSSL_REASON_NO_SHARED},
#endif
#ifdef SSL_R_NO_COMMON_SIGNATURE_ALGORITHMS /* BoringSSL */
    {SSL_R_NO_COMMON_SIGNATURE_ALGORITHMS, OSSL_REASON_NO_SHARED},
#endif
    /* OpenSSL reports a server without a certificate as no shared cipher. */
    {SSL_R_NO_CERTIFICATE_SET, OSSL_REASON_NO_OWN_CERT},
    {SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE, OSSL_REASON_NO_PEER_CERT},
    {SSL_R_CERTIFICATE_VERIFY_FAILED, OSSL_REASON_VERIFY},
};

enum ossl_reason_kind ossl_reason_kind(int reason)
{
    for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
        if (reasons[i].reason == reason)
            return reasons[i].kind;
    return OSSL_REASON_OTHER;
}

/* Both libraries report a received alert as the reason
 * SSL_AD_REASON_OFFSET + description (SSL_R_TLSV1_ALERT_UNKNOWN_CA, ...);
 * close_notify is not a failure and never shows up this way. */
int ossl_reason_received_alert(int reason)
{
    int description = reason - SSL_AD_REASON_OFFSET;
    return description > 0 && description <= 255 ? description : -1;
}
