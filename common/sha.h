/* SHA-256 and SHA-1 (FIPS 180-4), for certificate fingerprints only. */
#ifndef UT_SHA_H
#define UT_SHA_H

#include <stddef.h>

#define UT_SHA256_LEN 32
#define UT_SHA1_LEN 20

/* Writes the SHA-256 digest of data[0..len) to out. */
void ut_sha256(const void *data, size_t len,
               unsigned char out[UT_SHA256_LEN]);

/* Writes the SHA-1 digest of data[0..len) to out. */
void ut_sha1(const void *data, size_t len, unsigned char out[UT_SHA1_LEN]);

#endif
