/* What a new SSL_CTX gets from the shared code besides its options. */
#ifndef OSSL_HOOKS_H
#define OSSL_HOOKS_H

#include <openssl/ssl.h>

/* Routes certificate verification through the API layer (ossl_verify.c). */
void ossl_verify_install(SSL_CTX *ctx);

/* Reports fatal alerts sent and received (ossl_alerts.c). */
void ossl_alerts_install(SSL_CTX *ctx);

/* Applies unitls' default cipher suites and groups (ossl_defaults.c).
 * Returns 1 on success, 0 with the library's error queued. */
int ossl_defaults_apply(SSL_CTX *ctx);

#endif
