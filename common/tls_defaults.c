#include "tls_defaults.h"

const int ut_default_tls13_suites[] = {
    0x1301, /* TLS_AES_128_GCM_SHA256 */
    0x1302, /* TLS_AES_256_GCM_SHA384 */
    0x1303, /* TLS_CHACHA20_POLY1305_SHA256 */
};
const size_t ut_default_tls13_suite_count =
    sizeof(ut_default_tls13_suites) / sizeof(ut_default_tls13_suites[0]);

const int ut_default_tls12_suites[] = {
    0xC02B, /* TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 */
    0xC02F, /* TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 */
    0xC02C, /* TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 */
    0xC030, /* TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 */
    0xCCA9, /* TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 */
    0xCCA8, /* TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 */
};
const size_t ut_default_tls12_suite_count =
    sizeof(ut_default_tls12_suites) / sizeof(ut_default_tls12_suites[0]);

const int ut_default_psk_tls12_suites[] = {
    0xCCAC, /* TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256 */
    0xC02B, /* then ut_default_tls12_suites */
    0xC02F,
    0xC02C,
    0xC030,
    0xCCA9,
    0xCCA8,
};
const size_t ut_default_psk_tls12_suite_count =
    sizeof(ut_default_psk_tls12_suites) /
    sizeof(ut_default_psk_tls12_suites[0]);

const int ut_default_groups[] = {29, 23, 24};
const size_t ut_default_group_count =
    sizeof(ut_default_groups) / sizeof(ut_default_groups[0]);
