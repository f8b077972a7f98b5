/* The protocol defaults unitls applies on every provider, so that two
 * providers left at their defaults negotiate the same thing. Backends differ
 * here (suite order, TLS 1.3 suites, groups); the provider translates these
 * IANA ids into its backend's configuration at context creation. */
#ifndef UT_TLS_DEFAULTS_H
#define UT_TLS_DEFAULTS_H

#include <stddef.h>

/* TLS 1.3 cipher suites, in preference order (IANA ids). This is also
 * BoringSSL's fixed order on hardware with AES instructions, which cannot be
 * configured. */
extern const int ut_default_tls13_suites[];
extern const size_t ut_default_tls13_suite_count;

/* TLS 1.2 cipher suites, in preference order: ECDHE with AEAD only. */
extern const int ut_default_tls12_suites[];
extern const size_t ut_default_tls12_suite_count;

/* TLS 1.2 cipher suites while a PSK callback is set and no list was: the
 * one forward-secret AEAD PSK suite every provider has
 * (TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256), then the defaults above. */
extern const int ut_default_psk_tls12_suites[];
extern const size_t ut_default_psk_tls12_suite_count;

/* Key-exchange groups, in preference order (IANA NamedGroup ids):
 * x25519 (29), secp256r1 (23), secp384r1 (24). */
extern const int ut_default_groups[];
extern const size_t ut_default_group_count;

#endif
