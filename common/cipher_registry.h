/* The IANA TLS cipher-suite registry ("TLS Cipher Suites", tls-parameters):
 * the standard names every provider reports and accepts, whatever its own
 * naming ("ECDHE-RSA-AES128-GCM-SHA256" in OpenSSL is
 * "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" here).
 *
 * The table holds every assigned cipher suite of the registry with its exact
 * IANA spelling (including historical and non-recommended ones, so that a
 * name can always be shown). The signalling values TLS_EMPTY_RENEGOTIATION_
 * INFO_SCSV and TLS_FALLBACK_SCSV, the GREASE values and the reserved and
 * private-use ranges are not cipher suites and are not in it.
 */
#ifndef UT_CIPHER_REGISTRY_H
#define UT_CIPHER_REGISTRY_H

#include <stddef.h>

/* Returns the IANA name of the cipher suite with the 16-bit code point `id`
 * (for example 0xC02B: "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"), or NULL
 * if the registry has no suite with that value. Static string. */
const char *ut_cipher_iana_name(int id);

/* Returns the code point of the suite called `iana_name` (exact, case-
 * sensitive IANA spelling), or -1 for NULL or an unknown name. */
int ut_cipher_id_by_name(const char *iana_name);

/* The registry in code point order: ut_cipher_registry_count() suites,
 * ut_cipher_registry_id(i) the code point of suite i (-1 out of range). */
size_t ut_cipher_registry_count(void);
int ut_cipher_registry_id(size_t index);

/* Returns 1 if the suite `id` is a TLS 1.3 cipher suite (RFC 8446 and later:
 * 0x1301-0x13FF, SM4 (RFC 8998), the integrity-only suites (RFC 9150) and
 * the TLS 1.3 GOST suites (RFC 9367)), 0 for every other suite, which can
 * only be used up to TLS 1.2. A TLS 1.3 suite names no key exchange or
 * authentication, so it cannot be told by its name alone. */
int ut_cipher_is_tls13(int id);

/* The symmetric strength of the suite `id` in bits, from its bulk cipher:
 * 128 for AES-128, CAMELLIA-128, ARIA-128, AEGIS-128L, SM4, SEED, IDEA and
 * RC4-128; 256 for AES-256, CAMELLIA-256, ARIA-256, AEGIS-256, CHACHA20 and
 * the GOST ciphers; 112 for 3DES; 56 for DES; 40 for the export ciphers; 0
 * for NULL encryption and the integrity-only suites, and for an id not in
 * the registry. */
int ut_cipher_bits(int id);

#endif
