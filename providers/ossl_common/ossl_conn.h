/* The provider's connection object, and the way back from the library's
 * SSL (inside callbacks) to the unitls connection that owns it. */
#ifndef OSSL_CONN_H
#define OSSL_CONN_H

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "objects.h"
#include "ossl_bio.h"

/* unitls_conn.impl */
struct ossl_conn {
    SSL *ssl;
    struct ossl_transport transport;
    /* Set by the verify callback when it rejected the peer (UNITLS_E_VERIFY)
     * or could not finish (UNITLS_E_NOMEM); 0 otherwise. The handshake then
     * fails with this status whatever the library's own reason. */
    int verify_status;
    /* Problems the library reported during the current chain validation. */
    int verify_problems;
    /* The first fatal alert received, -1 if none (ossl_alerts.c). */
    int alert_received;
    /* The chain the verify callback accepted, trust anchor last; NULL until
     * then (ossl_verify.c). Owned. */
    STACK_OF(X509) *verified_chain;
    /* Clients: the newest resumable session received (ossl_session.c).
     * Owned. */
    SSL_SESSION *newest;
};

static inline struct ossl_conn *ossl_conn_impl(const unitls_conn *conn)
{
    return (struct ossl_conn *)conn->impl;
}

static inline SSL *ossl_conn_ssl(const unitls_conn *conn)
{
    return ossl_conn_impl(conn)->ssl;
}

/* Clients whose context asks for OCSP stapling: asks on ssl, a new
 * connection of ctx (ossl_ocsp.c). Returns 1 on success. */
int ossl_ocsp_request(const unitls_ctx *ctx, SSL *ssl);

/* Reserves the SSL ex_data slot. Returns UNITLS_OK or UNITLS_E_INTERNAL. */
int ossl_link_init(void);

/* Stores conn in ssl. Returns 1 on success. */
int ossl_link_attach(SSL *ssl, unitls_conn *conn);

/* The connection of an SSL (NULL if none), or of the SSL a verification
 * runs for. */
unitls_conn *ossl_link_conn(const SSL *ssl);
unitls_conn *ossl_link_conn_of_store(X509_STORE_CTX *store);

#endif
