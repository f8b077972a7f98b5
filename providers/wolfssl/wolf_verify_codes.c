/* What wolfSSL's verification errors mean. The error a verify callback sees
 * (store->error) is OpenSSL's X509_V_ERR_* number when wolfSSL has one for
 * its own code (its GetX509Error()), else wolfSSL's negative code itself. Both
 * are mapped here by meaning; where wolfSSL's translation is not OpenSSL's
 * meaning, the comment says so. */
#include "wolf.h"

#include <stddef.h>

#include <wolfssl/error-ssl.h>
#include <wolfssl/wolfcrypt/error-crypt.h>

#define ENTRY(name, meaning) {X509_V_ERR_##name, meaning},

static const struct {
    int wolf;
    unitls_verify_error error;
} errors[] = {
    /* The numbers wolfSSL shares with OpenSSL (provider.h). */
    UT_X509_V_ERRORS(ENTRY)
    /* wolfSSL reports its date errors (ASN_BEFORE_DATE_E, ASN_AFTER_DATE_E)
     * as OpenSSL's "error in notBefore/notAfter field" (13, 14): they mean
     * "not yet valid" and "expired". */
    {X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD, UNITLS_VERR_NOT_YET_VALID},
    {X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD, UNITLS_VERR_EXPIRED},
    /* wolfSSL's own codes. */
    {ASN_BEFORE_DATE_E, UNITLS_VERR_NOT_YET_VALID},
    {ASN_AFTER_DATE_E, UNITLS_VERR_EXPIRED},
    {ASN_SELF_SIGNED_E, UNITLS_VERR_SELF_SIGNED},
    {ASN_NO_SIGNER_E, UNITLS_VERR_UNABLE_TO_GET_ISSUER},
    {NOT_CA_ERROR, UNITLS_VERR_INVALID_CA},
    {ASN_PATHLEN_INV_E, UNITLS_VERR_PATH_LENGTH_EXCEEDED},
    {ASN_PATHLEN_SIZE_E, UNITLS_VERR_PATH_LENGTH_EXCEEDED},
    {CRL_CERT_REVOKED, UNITLS_VERR_REVOKED},
    {OCSP_CERT_REVOKED, UNITLS_VERR_REVOKED},
    {CRL_MISSING, UNITLS_VERR_CRL_UNAVAILABLE},
    {CRL_CERT_DATE_ERR, UNITLS_VERR_CRL_UNAVAILABLE},
    {EXTKEYUSE_AUTH_E, UNITLS_VERR_INVALID_PURPOSE},
    {KEYUSE_SIGNATURE_E, UNITLS_VERR_INVALID_PURPOSE},
    {KEYUSE_ENCIPHER_E, UNITLS_VERR_INVALID_PURPOSE},
    {ASN_SIG_CONFIRM_E, UNITLS_VERR_SIGNATURE_FAILURE},
    {ASN_SIG_OID_E, UNITLS_VERR_SIGNATURE_FAILURE},
    {ASN_SIG_HASH_E, UNITLS_VERR_SIGNATURE_FAILURE},
    {ASN_SIG_KEY_E, UNITLS_VERR_SIGNATURE_FAILURE},
    {MAX_CHAIN_ERROR, UNITLS_VERR_CHAIN_TOO_LONG},
    {RSA_KEY_SIZE_E, UNITLS_VERR_WEAK_KEY},
    {ECC_KEY_SIZE_E, UNITLS_VERR_WEAK_KEY},
    {DH_KEY_SIZE_E, UNITLS_VERR_WEAK_KEY},
    {ASN_PARSE_E, UNITLS_VERR_BAD_CERTIFICATE},
    {ASN_CRIT_EXT_E, UNITLS_VERR_BAD_CERTIFICATE},
    {ASN_UNKNOWN_OID_E, UNITLS_VERR_BAD_CERTIFICATE},
};

unitls_verify_error wolf_verify_error(int wolf_error)
{
    for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
        if (errors[i].wolf == wolf_error)
            return errors[i].error;
    return UNITLS_VERR_UNKNOWN;
}

/* wolfSSL validates a chain by looking each certificate's issuer up among
 * the trust anchors and the CA certificates that verified before it; these
 * errors say that lookup failed. */
int wolf_is_chain_error(int wolf_error)
{
    switch (wolf_verify_error(wolf_error)) {
    case UNITLS_VERR_SELF_SIGNED:
    case UNITLS_VERR_SELF_SIGNED_IN_CHAIN:
    case UNITLS_VERR_UNABLE_TO_GET_ISSUER:
        return 1;
    default:
        return 0;
    }
}

/* DoCertFatalAlert() in wolfSSL's internal.c: the alert depends on the
 * failing certificate's own error code only. */
int wolf_native_alert(int wolf_error)
{
    switch (wolf_error) {
    case X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD:
    case X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD:
    case X509_V_ERR_CERT_NOT_YET_VALID:
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case ASN_BEFORE_DATE_E:
    case ASN_AFTER_DATE_E:
        return 45; /* certificate_expired */
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case ASN_NO_SIGNER_E:
        return 48; /* unknown_ca */
    case CRL_CERT_REVOKED:
        return 44; /* certificate_revoked */
    default:
        return 42; /* bad_certificate */
    }
}
