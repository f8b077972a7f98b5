/* The few places where the raw baseline meets a difference between OpenSSL
 * 3 and BoringSSL; ops_ossl.c speaks only the API both have otherwise. */
#ifndef BENCH_RAW_OSSL_COMPAT_H
#define BENCH_RAW_OSSL_COMPAT_H

#include <openssl/crypto.h>
#include <openssl/ssl.h>

#ifdef OPENSSL_IS_BORINGSSL
#define RAW_PROVIDER "boringssl"
#define RAW_STR2(x) #x
#define RAW_STR(x) RAW_STR2(x)
/* As unitls' boringssl provider names it: OpenSSL_version() says only
 * "BoringSSL". */
#define RAW_BACKEND_VERSION() \
    ("BoringSSL (API version " RAW_STR(BORINGSSL_API_VERSION) ")")
/* BoringSSL's TLS 1.3 suites are fixed (AES-128-GCM first where the CPU has
 * AES instructions): they cannot be forced. */
#define RAW_CAN_FORCE_SUITE 0
static inline int raw_set_tls13_suite(SSL_CTX *ctx, const char *suite)
{
    (void)ctx;
    (void)suite;
    return 0;
}
static inline int raw_set_groups(SSL_CTX *ctx, const char *groups)
{
    return SSL_CTX_set1_curves_list(ctx, groups);
}
#else
#define RAW_PROVIDER "openssl"
#define RAW_BACKEND_VERSION() OpenSSL_version(OPENSSL_VERSION)
#define RAW_CAN_FORCE_SUITE 1
/* OpenSSL's TLS 1.3 suite names are the IANA names. */
static inline int raw_set_tls13_suite(SSL_CTX *ctx, const char *suite)
{
    return SSL_CTX_set_ciphersuites(ctx, suite);
}
static inline int raw_set_groups(SSL_CTX *ctx, const char *groups)
{
    return SSL_CTX_set1_groups_list(ctx, groups);
}
#endif

#endif
