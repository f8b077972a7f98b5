/* unitls' policy for weak certificates, one for every provider (the
 * backends' own policies differ: OpenSSL's security levels, wolfSSL's
 * minimum key sizes, none in BoringSSL). */
#include <string.h>

#include "cert_internal.h"
#include "cert_strength.h"

/* Signature algorithms whose digest is broken for signatures. */
static const char *const weak_signatures[] = {
    "md2WithRSAEncryption", "md4WithRSAEncryption", "md5WithRSAEncryption",
    "sha1WithRSAEncryption", "ecdsa-with-SHA1",     "dsaWithSHA1",
    "shaWithRSAEncryption",  "sha1WithRSA",         "dsaWithSHA1-old",
};

static int weak_signature(const char *algorithm)
{
    for (size_t i = 0; i < sizeof(weak_signatures) / sizeof(*weak_signatures);
         i++)
        if (strcmp(algorithm, weak_signatures[i]) == 0)
            return 1;
    return 0;
}

static int weak_key(const unitls_cert *cert)
{
    const char *alg = cert->key_algorithm;
    if (strcmp(alg, "rsaEncryption") == 0 || strcmp(alg, "rsassaPss") == 0 ||
        strcmp(alg, "dsaEncryption") == 0)
        return cert->key_bits > 0 && cert->key_bits < UT_MIN_RSA_DSA_BITS;
    if (strcmp(alg, "id-ecPublicKey") == 0)
        return cert->key_bits > 0 && cert->key_bits < UT_MIN_EC_BITS;
    return 0;
}

int ut_cert_is_weak(const unitls_cert *cert)
{
    return weak_key(cert) || weak_signature(cert->signature_algorithm);
}
