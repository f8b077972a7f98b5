/* What a new SSL_CTX gets from the shared code besides its options. */
#ifndef OSSL_HOOKS_H
#define OSSL_HOOKS_H

#include <stddef.h>

#include <openssl/ssl.h>

/* Routes certificate verification through the API layer (ossl_verify.c). */
void ossl_verify_install(SSL_CTX *ctx);

/* Servers: lets the API layer choose the ALPN protocol (ossl_alpn.c). */
void ossl_alpn_install(SSL_CTX *ctx);

/* Servers: hands the client's server name (SNI) to the API layer
 * (ossl_sni.c). */
void ossl_sni_install(SSL_CTX *ctx);

/* Servers: lets the API layer choose the key-exchange group
 * (ossl_groups.c). */
void ossl_groups_install(SSL_CTX *ctx);

/* OCSP stapling for both roles (ossl_ocsp.c). */
void ossl_ocsp_install(SSL_CTX *ctx);

/* Session tickets and the client's newest session (ossl_session.c). */
void ossl_sessions_install(SSL_CTX *ctx, int client);

/* Reports fatal alerts sent and received (ossl_alerts.c). */
void ossl_alerts_install(SSL_CTX *ctx);

/* Applies unitls' default cipher suites and groups (ossl_defaults.c).
 * Returns 1 on success, 0 with the library's error queued. */
int ossl_defaults_apply(SSL_CTX *ctx);

/* Sets the TLS 1.2 (tls13 == 0) or TLS 1.3 suites of ctx to exactly `ids`
 * (IANA, preference order), by the library's names (ossl_defaults.c).
 * Returns 1; or 0 with *missing the index of the first suite the library
 * lacks, or `count` when it failed otherwise (its error queued). After a 0
 * the context's suites may have changed: set the previous ones again. */
int ossl_suites_set(SSL_CTX *ctx, int tls13, const int *ids, size_t count,
                    size_t *missing);

/* Sets the key-exchange groups of ctx to exactly `ids` (IANA, preference
 * order, each in the registry), by name (ossl_groups.c). Returns 1 on
 * success, 0 when the library lacks one (its error queued). */
int ossl_groups_set(SSL_CTX *ctx, const int *ids, size_t n);

#endif
