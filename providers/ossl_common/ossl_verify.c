/* Certificate verification: the library validates the chain and reports
 * every problem; the API layer decides (host name, verify mode, alert). */
#include <openssl/crypto.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include "ossl_compat.h"
#include "ossl_conn.h"
#include "ossl_hooks.h"
#include "ossl_verify_map.h"
#include "provider.h"

/* DER of `cert` in *der (OPENSSL_free it); returns its length, or 0. */
static size_t cert_der(X509 *cert, unsigned char **der)
{
    *der = NULL;
    int len = cert ? i2d_X509(cert, der) : -1;
    if (len <= 0) {
        OPENSSL_free(*der);
        *der = NULL;
        return 0;
    }
    return (size_t)len;
}

/* X509_verify_cert's per-problem callback: records the problem and lets the
 * validation go on, so that the whole list is collected. */
static int note_problem(int ok, X509_STORE_CTX *store)
{
    if (ok)
        return 1;
    unitls_conn *conn = ossl_link_conn_of_store(store);
    if (conn == NULL)
        return 0;
    struct ossl_conn *oc = ossl_conn_impl(conn);
    unsigned char *der;
    size_t len = cert_der(X509_STORE_CTX_get_current_cert(store), &der);
    unitls_verify_error error =
        ossl_verify_error_for(X509_STORE_CTX_get_error(store));
    int rc = ut_verify_add(conn, error, X509_STORE_CTX_get_error_depth(store),
                           der, len);
    OPENSSL_free(der);
    oc->verify_problems++;
    if (rc != UNITLS_OK)
        oc->verify_status = rc;
    return rc == UNITLS_OK;
}

static void validate_chain(unitls_conn *conn, X509_STORE_CTX *store)
{
    struct ossl_conn *oc = ossl_conn_impl(conn);
    oc->verify_problems = 0;
    X509_STORE_CTX_set_verify_cb(store, note_problem);
    int ok = X509_verify_cert(store);
    /* A failure the callback never saw (the library gave up early). */
    if (ok <= 0 && oc->verify_problems == 0 && oc->verify_status == 0 &&
        ut_verify_add(conn,
                      ossl_verify_error_for(X509_STORE_CTX_get_error(store)),
                      X509_STORE_CTX_get_error_depth(store), NULL,
                      0) != UNITLS_OK)
        oc->verify_status = UNITLS_E_NOMEM;
}

/* Makes the library fail the handshake with `alert`. */
static int reject(X509_STORE_CTX *store, struct ossl_conn *oc, int status,
                  int alert)
{
    oc->verify_status = status;
    X509_STORE_CTX_set_error(store, ossl_x509_error_for_alert(alert));
    return 0;
}

/* Keeps the chain X509_verify_cert() built, trust anchor last, for
 * unitls_conn_verified_chain_*(): one way for both libraries, as BoringSSL
 * has no SSL_get0_verified_chain(). */
static int keep_verified_chain(struct ossl_conn *oc, X509_STORE_CTX *store)
{
    sk_X509_pop_free(oc->verified_chain, X509_free);
    oc->verified_chain = X509_STORE_CTX_get1_chain(store);
    return oc->verified_chain != NULL ? UNITLS_OK : UNITLS_E_NOMEM;
}

static int decide(unitls_conn *conn, X509_STORE_CTX *store)
{
    enum { ALERT_INTERNAL_ERROR = 80 };
    struct ossl_conn *oc = ossl_conn_impl(conn);
    if (oc->verify_status != 0)
        return reject(store, oc, oc->verify_status, ALERT_INTERNAL_ERROR);
    unsigned char *leaf;
    size_t leaf_len = cert_der(X509_STORE_CTX_get0_cert(store), &leaf);
    if (leaf == NULL) /* without the leaf no host name could be checked */
        return reject(store, oc, UNITLS_E_NOMEM, ALERT_INTERNAL_ERROR);
    int alert = 0;
    int accept = ut_verify_finish(conn, leaf, leaf_len, &alert);
    OPENSSL_free(leaf);
    if (!accept)
        return reject(store, oc, UNITLS_E_VERIFY, alert);
    if (conn->ctx->verify_mode != UNITLS_VERIFY_NONE &&
        keep_verified_chain(oc, store) != UNITLS_OK)
        return reject(store, oc, UNITLS_E_NOMEM, ALERT_INTERNAL_ERROR);
    X509_STORE_CTX_set_error(store, X509_V_OK);
    return 1;
}

/* Runs in place of X509_verify_cert() whenever the peer sent a certificate
 * (on a client, even with SSL_VERIFY_NONE). */
static int verify_peer(X509_STORE_CTX *store, void *arg)
{
    (void)arg;
    unitls_conn *conn = ossl_link_conn_of_store(store);
    if (conn == NULL)
        return 0;
    if (conn->ctx->verify_mode != UNITLS_VERIFY_NONE)
        validate_chain(conn, store);
    return decide(conn, store);
}

void ossl_verify_install(SSL_CTX *ctx)
{
    ossl_compat_set_cert_verify_callback(ctx, verify_peer);
}
