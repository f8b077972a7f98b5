/* Translations between X509_V_ERR_* codes and unitls' verification errors
 * and TLS alerts, by meaning: OpenSSL and BoringSSL share the names, not
 * every number, and not every code. */
#ifndef OSSL_VERIFY_MAP_H
#define OSSL_VERIFY_MAP_H

#include <unitls/verify.h>

/* The unitls error for an X509_V_ERR_* code (UNITLS_VERR_UNKNOWN if none). */
unitls_verify_error ossl_verify_error_for(int x509_error);

/* An X509_V_ERR_* code that makes the library abort the handshake with
 * exactly `alert` when a verify callback fails with it. Alerts no code
 * reaches on both libraries fall back to certificate_unknown (46). */
int ossl_x509_error_for_alert(int alert);

#endif
