#include "ossl_verify_map.h"

#include <stddef.h>

#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include "provider.h"

#define ENTRY(name, meaning) {X509_V_ERR_##name, meaning},

static const struct {
    int x509;
    unitls_verify_error error;
} errors[] = {
    UT_X509_V_ERRORS(ENTRY)
    /* CRL problems wolfSSL's layer does not name: no usable CRL either. */
    {X509_V_ERR_CRL_NOT_YET_VALID, UNITLS_VERR_CRL_UNAVAILABLE},
    {X509_V_ERR_CRL_SIGNATURE_FAILURE, UNITLS_VERR_CRL_UNAVAILABLE},
    {X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER, UNITLS_VERR_CRL_UNAVAILABLE},
    /* OpenSSL's security-level checks; BoringSSL has none of them. */
#ifdef X509_V_ERR_EE_KEY_TOO_SMALL
    {X509_V_ERR_EE_KEY_TOO_SMALL, UNITLS_VERR_WEAK_KEY},
#endif
#ifdef X509_V_ERR_CA_KEY_TOO_SMALL
    {X509_V_ERR_CA_KEY_TOO_SMALL, UNITLS_VERR_WEAK_KEY},
#endif
#ifdef X509_V_ERR_CA_MD_TOO_WEAK
    {X509_V_ERR_CA_MD_TOO_WEAK, UNITLS_VERR_WEAK_KEY},
#endif
};

unitls_verify_error ossl_verify_error_for(int x509_error)
{
    for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
        if (errors[i].x509 == x509_error)
            return errors[i].error;
    return UNITLS_VERR_UNKNOWN;
}

/* Each code here maps to its alert in both OpenSSL's ssl_x509err2alert()
 * (ssl/statem/statem_lib.c) and BoringSSL's SSL_alert_from_verify_result()
 * (ssl/ssl_x509.cc). Not every code would do: X509_V_ERR_CERT_NOT_YET_VALID
 * gives bad_certificate on OpenSSL but certificate_expired on BoringSSL. */
static const struct {
    int alert;
    int x509;
} alert_codes[] = {
    {40, X509_V_ERR_APPLICATION_VERIFICATION}, /* handshake_failure */
    {42, X509_V_ERR_CERT_REJECTED},            /* bad_certificate */
    {43, X509_V_ERR_INVALID_PURPOSE},          /* unsupported_certificate */
    {44, X509_V_ERR_CERT_REVOKED},             /* certificate_revoked */
    {45, X509_V_ERR_CERT_HAS_EXPIRED},         /* certificate_expired */
    {48, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT}, /* unknown_ca */
    {51, X509_V_ERR_CERT_SIGNATURE_FAILURE},   /* decrypt_error */
    {80, X509_V_ERR_OUT_OF_MEM},               /* internal_error */
};

/* In neither library's table, so both send their default,
 * certificate_unknown (46). */
#define CODE_FOR_CERTIFICATE_UNKNOWN X509_V_ERR_SUBJECT_ISSUER_MISMATCH

int ossl_x509_error_for_alert(int alert)
{
    for (size_t i = 0; i < sizeof(alert_codes) / sizeof(alert_codes[0]); i++)
        if (alert_codes[i].alert == alert)
            return alert_codes[i].x509;
    return CODE_FOR_CERTIFICATE_UNKNOWN;
}
