/* Every difference between OpenSSL 3 and BoringSSL that the shared provider
 * code meets, each named once. The rest of ossl_common/ speaks only the API
 * both libraries have, so a new difference belongs here and nowhere else.
 *
 * Differences handled elsewhere, without asking which library it is:
 *  - ossl_reasons.c: error reasons only one library defines
 *    (SSL_R_UNEXPECTED_EOF_WHILE_READING, SSL_R_NO_SHARED_GROUP(S), ...);
 *  - ossl_verify_map.c: X509_V_ERR_* codes only OpenSSL defines
 *    (EE_KEY_TOO_SMALL, CA_KEY_TOO_SMALL, CA_MD_TOO_WEAK); and the codes
 *    that make each library send a given alert, chosen among those both
 *    map alike (X509_V_ERR_CERT_NOT_YET_VALID, for one, does not);
 *  - ossl_bio.c, by what the peer sent, the same code for both: a peer that
 *    does not speak TLS gets protocol_version from BoringSSL and nothing
 *    from OpenSSL, so the BIO refuses such first bytes before either parses
 *    them; and in TLS 1.3 OpenSSL reads the plaintext alert a client may
 *    send before it encrypts, while BoringSSL fails on it
 *    (BAD_PACKET_LENGTH) and answers, so the BIO swallows that answer and
 *    ossl_status.c reports the alert the record tracker saw;
 *  - ossl_bio.c, by what the peer sent: a renegotiation attempt (in TLS 1.2
 *    a handshake record after the handshake) is refused before either
 *    library reads it. Left to themselves they answer differently: OpenSSL
 *    (SSL_OP_NO_RENEGOTIATION) sends a warning no_renegotiation and carries
 *    on, in both roles; BoringSSL, which never renegotiates unless
 *    SSL_set_renegotiate_mode() asks (its SSL_OP_NO_RENEGOTIATION is 0),
 *    sends a fatal no_renegotiation in both roles. Refused, neither sends
 *    anything, and ossl_status.c reports the attempt.
 * Differences that need no code:
 *  - transport EOF without close_notify: OpenSSL 3 reports
 *    SSL_R_UNEXPECTED_EOF_WHILE_READING only when the BIO answers
 *    BIO_CTRL_EOF, which ours does not (see ossl_bio.c), so both libraries
 *    report SSL_ERROR_SYSCALL with no errno, and neither sends an alert;
 *  - the peer chain: on both, a server's SSL_get_peer_cert_chain() lacks the
 *    leaf and a client's has it (ossl_conn_info.c normalises by role);
 *  - the verified chain: BoringSSL has no SSL_get0_verified_chain(), so on
 *    both ossl_verify.c keeps what X509_STORE_CTX_get1_chain() gives in the
 *    cert-verify callback, which runs X509_verify_cert() itself. */
#ifndef OSSL_COMPAT_H
#define OSSL_COMPAT_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include <openssl/crypto.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

/* The build says which library it meant; the headers must agree (the two
 * share header names, so a wrong include path would go unnoticed). */
#if defined(UT_EXPECT_BORINGSSL) && !defined(OPENSSL_IS_BORINGSSL)
#error "the boringssl provider is being compiled against OpenSSL headers"
#endif
#if defined(UT_EXPECT_OPENSSL) && defined(OPENSSL_IS_BORINGSSL)
#error "the openssl provider is being compiled against BoringSSL headers"
#endif

/* --- Library initialisation ------------------------------------------------
 * Returns 1 on success. */
static inline int ossl_compat_library_init(void)
{
#ifdef OPENSSL_IS_BORINGSSL
    CRYPTO_library_init();
    return 1;
#else
    return OPENSSL_init_ssl(0, NULL);
#endif
}

/* --- Certificate verification ----------------------------------------------
 * Both libraries call SSL_CTX_set_cert_verify_callback()'s callback in place
 * of X509_verify_cert(), with the X509_STORE_CTX already holding the peer's
 * chain, the trust store, the purpose and the SSL (ex_data). BoringSSL's own
 * SSL_CTX_set_custom_verify() would let us name the alert directly, but
 * would mean building the X509_STORE_CTX ourselves; the shared callback
 * sends the exact alert on both through an X509_V_ERR code that both
 * libraries map to it (ossl_verify_map.c). */
static inline void ossl_compat_set_cert_verify_callback(
    SSL_CTX *ctx, int (*callback)(X509_STORE_CTX *store, void *arg))
{
    SSL_CTX_set_cert_verify_callback(ctx, callback, NULL);
}

/* --- Protocol defaults -----------------------------------------------------
 * TLS 1.3 suites: OpenSSL configures them apart from the TLS 1.2 list.
 * BoringSSL cannot configure them at all: its fixed order is
 * TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384,
 * TLS_CHACHA20_POLY1305_SHA256 on hardware with AES instructions, which is
 * the unitls default (common/tls_defaults.h), so there is nothing to do for
 * the defaults; the boringssl provider leaves UNITLS_CAP_TLS13_SUITES clear,
 * so an application's list never gets here (unitls_ctx_set_tls13_suites()
 * answers UNITLS_E_UNSUPPORTED). `names` is the OpenSSL-named,
 * ':'-separated list; returns 1 on success. */
static inline int ossl_compat_set_tls13_suites(SSL_CTX *ctx,
                                               const char *names)
{
#ifdef OPENSSL_IS_BORINGSSL
    (void)ctx;
    (void)names;
    return 1;
#else
    /* An empty list would switch TLS 1.3 off: refuse it. */
    return names[0] != '\0' && SSL_CTX_set_ciphersuites(ctx, names);
#endif
}

/* The library's cipher suite with the IANA code point `id`, from its whole
 * table rather than a context's configured list (which shrinks once a list
 * is set); NULL if the library has no such suite. OpenSSL looks it up
 * through a connection's method, so `ssl` is any SSL of the context;
 * BoringSSL needs none. */
static inline const SSL_CIPHER *ossl_compat_cipher_by_id(const SSL *ssl,
                                                         int id)
{
#ifdef OPENSSL_IS_BORINGSSL
    (void)ssl;
    return SSL_get_cipher_by_value((uint16_t)id);
#else
    const unsigned char code[2] = {(unsigned char)(id >> 8),
                                   (unsigned char)(id & 0xff)};
    return SSL_CIPHER_find((SSL *)ssl, code);
#endif
}

/* Key-exchange groups by name ("X25519:P-256:P-384"), of a context or of
 * one connection. BoringSSL still uses the TLS 1.2 word, curves. Both take
 * unitls' names of the groups they have (P-256, X25519, ffdhe2048, ...).
 * Return 1 on success. */
static inline int ossl_compat_set_groups(SSL_CTX *ctx, const char *names)
{
#ifdef OPENSSL_IS_BORINGSSL
    return SSL_CTX_set1_curves_list(ctx, names);
#else
    return SSL_CTX_set1_groups_list(ctx, names);
#endif
}

static inline int ossl_compat_set_conn_groups(SSL *ssl, const char *names)
{
#ifdef OPENSSL_IS_BORINGSSL
    return SSL_set1_curves_list(ssl, names);
#else
    return SSL_set1_groups_list(ssl, names);
#endif
}

/* The group the handshake used, by its name, which unitls' registry reads
 * (OpenSSL names "secp256r1" or "P-256", BoringSSL "P-256"); NULL when
 * there was none. OpenSSL reports it as a NID, BoringSSL as the IANA id. */
static inline const char *ossl_compat_negotiated_group(SSL *ssl)
{
#ifdef OPENSSL_IS_BORINGSSL
    uint16_t id = SSL_get_curve_id(ssl);
    return id != 0 ? SSL_get_curve_name(id) : NULL;
#else
    int nid = SSL_get_negotiated_group(ssl);
    return nid != NID_undef ? SSL_group_to_name(ssl, nid) : NULL;
#endif
}

/* --- A server's look at the ClientHello ------------------------------------
 * Both libraries call back once a ClientHello is parsed, before they act on
 * it: OpenSSL's client-hello callback, BoringSSL's select-certificate
 * callback, in different shapes. OSSL_COMPAT_HELLO_CB(name, fn) defines the
 * callback `name` for ossl_compat_set_hello_cb(), which calls
 * `void fn(ossl_compat_hello hello)`; ossl_compat_hello_ssl() and
 * ossl_compat_hello_ext() read that hello (an extension's body, 0 when the
 * ClientHello has none). */
#ifdef OPENSSL_IS_BORINGSSL
typedef const SSL_CLIENT_HELLO *ossl_compat_hello;
#define OSSL_COMPAT_HELLO_CB(name, fn)                                         \
    static enum ssl_select_cert_result_t name(const SSL_CLIENT_HELLO *hello)   \
    {                                                                          \
        fn(hello);                                                             \
        return ssl_select_cert_success;                                        \
    }
static inline SSL *ossl_compat_hello_ssl(ossl_compat_hello hello)
{
    return hello->ssl;
}
static inline int ossl_compat_hello_ext(ossl_compat_hello hello,
                                        unsigned type,
                                        const unsigned char **body,
                                        size_t *len)
{
    return SSL_early_callback_ctx_extension_get(hello, (uint16_t)type, body,
                                                len);
}
#define ossl_compat_set_hello_cb(ctx, cb)                                     \
    SSL_CTX_set_select_certificate_cb((ctx), (cb))
#else
typedef SSL *ossl_compat_hello;
#define OSSL_COMPAT_HELLO_CB(name, fn)                                         \
    static int name(SSL *ssl, int *alert, void *arg)                           \
    {                                                                          \
        (void)alert;                                                           \
        (void)arg;                                                             \
        fn(ssl);                                                               \
        return SSL_CLIENT_HELLO_SUCCESS;                                       \
    }
static inline SSL *ossl_compat_hello_ssl(ossl_compat_hello hello)
{
    return hello;
}
static inline int ossl_compat_hello_ext(ossl_compat_hello hello,
                                        unsigned type,
                                        const unsigned char **body,
                                        size_t *len)
{
    return SSL_client_hello_get0_ext(hello, type, body, len);
}
#define ossl_compat_set_hello_cb(ctx, cb)                                     \
    SSL_CTX_set_client_hello_cb((ctx), (cb), NULL)
#endif

/* --- The peer's leaf certificate, with a reference the caller frees -------- */
static inline X509 *ossl_compat_get1_peer_cert(const SSL *ssl)
{
#ifdef OPENSSL_IS_BORINGSSL
    return SSL_get_peer_certificate(ssl);
#else
    return SSL_get1_peer_certificate(ssl);
#endif
}

/* --- Replacing the context's own certificate -------------------------------
 * OpenSSL keeps one certificate per key type in an SSL_CTX and has no call
 * that drops one: after an ECDSA identity is replaced by an RSA one it would
 * go on serving the ECDSA one to every peer that accepts it. BoringSSL holds
 * a single identity and replaces it. When this is 1, ossl_identity.c gives
 * each new connection the current identity alone once one was replaced. */
#ifdef OPENSSL_IS_BORINGSSL
#define OSSL_COMPAT_CTX_KEEPS_OLD_IDENTITIES 0
#else
#define OSSL_COMPAT_CTX_KEEPS_OLD_IDENTITIES 1
#endif

/* --- A server with no certificate ------------------------------------------
 * OpenSSL reads the ClientHello, finds no suite it can use and answers with
 * handshake_failure (SSL_R_NO_SHARED_CIPHER). BoringSSL stops after the
 * ClientHello with SSL_R_NO_CERTIFICATE_SET and sends nothing, leaving the
 * client with a bare EOF; this sends it the alert OpenSSL sends. Called once
 * a handshake has failed, with the library's reason. */
static inline void ossl_compat_after_handshake_failure(SSL *ssl, int reason)
{
#ifdef OPENSSL_IS_BORINGSSL
    if (reason == SSL_R_NO_CERTIFICATE_SET)
        SSL_send_fatal_alert(ssl, SSL_AD_HANDSHAKE_FAILURE);
#else
    (void)ssl;
    (void)reason;
#endif
}

/* --- A TLS 1.3 record over the TLS 1.3 length limit ----------------------
 * RFC 8446 section 5.2: more than 2^14 + 256 bytes must be answered with
 * record_overflow. OpenSSL checks the header against that limit. BoringSSL
 * checks TLS 1.3 records only against the TLS 1.2 limit (2^14 + 2048),
 * decrypts what is below it and answers bad_record_mac. So on BoringSSL the
 * transport refuses such a header before the library reads it (ossl_bio.c,
 * from the record tracker), and ossl_status.c then sends the alert OpenSSL
 * sends, with ossl_compat_send_record_overflow(). */
#ifdef OPENSSL_IS_BORINGSSL
#define OSSL_COMPAT_REFUSE_TLS13_OVERSIZED 1
#else
#define OSSL_COMPAT_REFUSE_TLS13_OVERSIZED 0
#endif

static inline void ossl_compat_send_record_overflow(SSL *ssl)
{
#ifdef OPENSSL_IS_BORINGSSL
    SSL_send_fatal_alert(ssl, SSL_AD_RECORD_OVERFLOW);
#else
    (void)ssl; /* OpenSSL has sent it itself */
#endif
}

/* --- The OCSP response a server stapled ----------------------------------
 * OpenSSL answers -1 for none, BoringSSL 0. Returns the length (0: none)
 * with *out pointing at the library's bytes. */
static inline size_t ossl_compat_ocsp_response(const SSL *ssl,
                                               const unsigned char **out)
{
#ifdef OPENSSL_IS_BORINGSSL
    size_t len = 0;
    SSL_get0_ocsp_response(ssl, out, &len);
    return len;
#else
    unsigned char *p = NULL;
    long len = SSL_get_tlsext_status_ocsp_resp((SSL *)ssl, &p);
    *out = p;
    return len > 0 ? (size_t)len : 0;
#endif
}

/* --- Session tickets --------------------------------------------------------
 * Both libraries let a callback pick the key of each ticket (name, IV,
 * AES-256-CBC and HMAC-SHA256, the layout of RFC 5077's recommendation).
 * OpenSSL 3 hands it an EVP_MAC_CTX (SSL_CTX_set_tlsext_ticket_key_evp_cb;
 * the HMAC_CTX form is deprecated there), BoringSSL an HMAC_CTX. */
#ifdef OPENSSL_IS_BORINGSSL
#include <openssl/hmac.h>
typedef HMAC_CTX ossl_compat_ticket_mac;
#else
#include <openssl/core_names.h>
#include <openssl/evp.h>
typedef EVP_MAC_CTX ossl_compat_ticket_mac;
#endif

typedef int (*ossl_compat_ticket_cb)(SSL *ssl, unsigned char *name,
                                     unsigned char *iv,
                                     EVP_CIPHER_CTX *cipher,
                                     ossl_compat_ticket_mac *mac, int enc);

static inline void ossl_compat_set_ticket_cb(SSL_CTX *ctx,
                                             ossl_compat_ticket_cb cb)
{
#ifdef OPENSSL_IS_BORINGSSL
    SSL_CTX_set_tlsext_ticket_key_cb(ctx, cb);
#else
    SSL_CTX_set_tlsext_ticket_key_evp_cb(ctx, cb);
#endif
}

/* Keys the ticket MAC with HMAC-SHA256 and `key` (32 bytes). 1 on success. */
static inline int ossl_compat_ticket_mac_init(ossl_compat_ticket_mac *mac,
                                              const unsigned char *key)
{
#ifdef OPENSSL_IS_BORINGSSL
    return HMAC_Init_ex(mac, key, 32, EVP_sha256(), NULL);
#else
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_MAC_PARAM_KEY, (void *)key,
                                          32),
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                         (char *)"SHA256", 0),
        OSSL_PARAM_construct_end()};
    return EVP_MAC_CTX_set_params(mac, params);
#endif
}

/* The lifetime of new sessions: BoringSSL keeps one for TLS 1.2 and one for
 * TLS 1.3 (PSK with (EC)DHE, the only TLS 1.3 resumption both allow);
 * OpenSSL one for both. */
static inline void ossl_compat_set_session_lifetime(SSL_CTX *ctx,
                                                    uint32_t seconds)
{
    SSL_CTX_set_timeout(ctx, seconds);
#ifdef OPENSSL_IS_BORINGSSL
    SSL_CTX_set_session_psk_dhe_timeout(ctx, seconds);
#endif
}

/* The lifetime a client's session received from its server. BoringSSL
 * keeps a TLS 1.3 ticket's lifetime as the session's timeout (capped by
 * the client context's own, which ossl_sessions_install raises to the TLS
 * 1.3 maximum), and its lifetime hint only for TLS 1.2. */
static inline uint32_t ossl_compat_ticket_lifetime(const SSL_SESSION *s)
{
#ifdef OPENSSL_IS_BORINGSSL
    if (SSL_SESSION_get_protocol_version(s) == TLS1_3_VERSION)
        return SSL_SESSION_get_timeout(s);
#endif
    return (uint32_t)SSL_SESSION_get_ticket_lifetime_hint(s);
}

/* --- Reading and writing application data ----------------------------------
 * OpenSSL has the size_t calls SSL_read_ex/SSL_write_ex; BoringSSL only the
 * int ones. Both shims return > 0 on success with *done set, else the value
 * to hand to SSL_get_error(). */
static inline int ossl_compat_read(SSL *ssl, void *buf, size_t len,
                                   size_t *done)
{
#ifdef OPENSSL_IS_BORINGSSL
    int ret = SSL_read(ssl, buf, len > INT_MAX ? INT_MAX : (int)len);
    *done = ret > 0 ? (size_t)ret : 0;
    return ret;
#else
    return SSL_read_ex(ssl, buf, len, done);
#endif
}

static inline int ossl_compat_write(SSL *ssl, const void *buf, size_t len,
                                    size_t *done)
{
#ifdef OPENSSL_IS_BORINGSSL
    /* In INT_MAX pieces. After a piece has gone, a WANT on the next one is
     * reported as the partial success it is; the caller's retry then starts
     * exactly at the piece BoringSSL holds pending. */
    const unsigned char *p = buf;
    *done = 0;
    while (*done < len) {
        size_t left = len - *done;
        int ret = SSL_write(ssl, p + *done,
                            left > INT_MAX ? INT_MAX : (int)left);
        if (ret <= 0)
            return *done > 0 ? 1 : ret;
        *done += (size_t)ret;
    }
    return 1;
#else
    return SSL_write_ex(ssl, buf, len, done);
#endif
}

#endif
