/* The one policy for weak certificates (UNITLS_VERR_WEAK_KEY). */
#ifndef UT_CERT_STRENGTH_H
#define UT_CERT_STRENGTH_H

#include <unitls/cert.h>

/* The smallest keys unitls accepts in a peer's certificate. */
#define UT_MIN_RSA_DSA_BITS 2048
#define UT_MIN_EC_BITS 224

/* 1 when the certificate has an RSA or DSA key below 2048 bits, an EC key
 * below 224 bits, or a signature made with MD2, MD4, MD5 or SHA-1; else 0.
 * Keys of unknown size and algorithms unitls does not know are not judged
 * here (the backend may still refuse them). */
int ut_cert_is_weak(const unitls_cert *cert);

#endif
