/* Private keys from PEM or DER, plain or encrypted. */
#ifndef OSSL_KEY_H
#define OSSL_KEY_H

#include <stddef.h>

#include <openssl/evp.h>

/* Parses `key` (len bytes, NUL-terminated past them): PEM, the first
 * private key in the text (traditional, PKCS#8 or encrypted PKCS#8), or DER
 * (traditional, PKCS#8 or encrypted PKCS#8). `password` may be NULL.
 * Returns UNITLS_OK with *out set (EVP_PKEY_free it);
 * UNITLS_E_KEY_PASSWORD when the key is encrypted and the password is
 * missing or wrong; UNITLS_E_PARSE when there is no key or it is unreadable;
 * UNITLS_E_NOMEM. The library's reason stays queued on failure. */
int ossl_key_parse(const unsigned char *key, size_t len, const char *password,
                   EVP_PKEY **out);

#endif
