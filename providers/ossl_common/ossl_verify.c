/* Certificate verification: the library validates the chain and reports
 * every problem; the API layer decides (host name, verify mode, alert). */
#include <limits.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include "ossl_compat.h"
#include "ossl_conn.h"
#include "ossl_ctx.h"
#include "ossl_hooks.h"
#include "ossl_provider.h"
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

/* The chain validation sees the context's untrusted intermediates next to
 * the certificates the peer sent: *merged (sk_X509_free it) replaces the
 * store's list for the time of the validation. */
static STACK_OF(X509) *offer_untrusted(unitls_conn *conn,
                                       X509_STORE_CTX *store)
{
    STACK_OF(X509) *extra = ossl_ctx_impl(conn->ctx)->untrusted;
    STACK_OF(X509) *sent = X509_STORE_CTX_get0_untrusted(store);
    if (extra == NULL)
        return NULL;
    STACK_OF(X509) *merged = sent ? sk_X509_dup(sent) : sk_X509_new_null();
    for (size_t i = 0; merged != NULL && i < (size_t)sk_X509_num(extra); i++)
        if (!sk_X509_push(merged, sk_X509_value(extra, (int)i))) {
            sk_X509_free(merged);
            merged = NULL;
        }
    return merged;
}

/* The verify depth, judged by the API layer on the chain built. */
static void check_depth(unitls_conn *conn, X509_STORE_CTX *store)
{
    STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(store);
    int at = chain ? ut_verify_depth_exceeded(conn, sk_X509_num(chain)) : -1;
    if (at < 0)
        return;
    unsigned char *der;
    size_t len = cert_der(sk_X509_value(chain, at), &der);
    if (ut_verify_add(conn, UNITLS_VERR_CHAIN_TOO_LONG, at, der, len) !=
        UNITLS_OK)
        ossl_conn_impl(conn)->verify_status = UNITLS_E_NOMEM;
    OPENSSL_free(der);
}

static void validate_chain(unitls_conn *conn, X509_STORE_CTX *store)
{
    struct ossl_conn *oc = ossl_conn_impl(conn);
    oc->verify_problems = 0;
    STACK_OF(X509) *sent = X509_STORE_CTX_get0_untrusted(store);
    STACK_OF(X509) *merged = offer_untrusted(conn, store);
    if (merged != NULL)
        X509_STORE_CTX_set_chain(store, merged);
    X509_STORE_CTX_set_verify_cb(store, note_problem);
    int ok = X509_verify_cert(store);
    /* A failure the callback never saw (the library gave up early). */
    if (ok <= 0 && oc->verify_problems == 0 && oc->verify_status == 0 &&
        ut_verify_add(conn,
                      ossl_verify_error_for(X509_STORE_CTX_get_error(store)),
                      X509_STORE_CTX_get_error_depth(store), NULL,
                      0) != UNITLS_OK)
        oc->verify_status = UNITLS_E_NOMEM;
    check_depth(conn, store);
    if (merged != NULL) {
        X509_STORE_CTX_set_chain(store, sent);
        sk_X509_free(merged);
    }
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
    if (ut_conn_verifies(conn) && keep_verified_chain(oc, store) != UNITLS_OK)
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
    if (ut_conn_verifies(conn))
        validate_chain(conn, store);
    return decide(conn, store);
}

/* Offline: the store set up as the library sets it up for a handshake
 * (ssl_verify_cert_chain: the purpose's defaults, then the SSL's
 * parameters), then the same callback. */
static int verify_offline(unitls_conn *conn, X509 *leaf,
                          STACK_OF(X509) *rest)
{
    SSL *ssl = ossl_conn_ssl(conn);
    X509_STORE_CTX *store = X509_STORE_CTX_new();
    int ok = store != NULL &&
             X509_STORE_CTX_init(store,
                                 SSL_CTX_get_cert_store(SSL_get_SSL_CTX(ssl)),
                                 leaf, rest) &&
             X509_STORE_CTX_set_ex_data(
                 store, SSL_get_ex_data_X509_STORE_CTX_idx(), ssl) &&
             X509_STORE_CTX_set_default(
                 store, ut_ctx_purpose(conn->ctx) == UNITLS_PURPOSE_SERVER
                            ? "ssl_server"
                            : "ssl_client") &&
             X509_VERIFY_PARAM_set1(X509_STORE_CTX_get0_param(store),
                                    SSL_get0_param(ssl));
    int rc = UNITLS_E_NOMEM;
    if (ok)
        rc = verify_peer(store, NULL) ? UNITLS_OK
                                      : ossl_conn_impl(conn)->verify_status;
    X509_STORE_CTX_free(store);
    return rc;
}

static X509 *decode(const struct ut_blob *b)
{
    const unsigned char *p = b->data;
    return b->len <= LONG_MAX ? d2i_X509(NULL, &p, (long)b->len) : NULL;
}

int ossl_conn_verify_offline(unitls_conn *conn,
                             const struct ut_blob_list *chain)
{
    X509 *leaf = decode(&chain->items[0]);
    STACK_OF(X509) *rest = sk_X509_new_null();
    int rc = leaf && rest ? UNITLS_OK : UNITLS_E_NOMEM;
    for (size_t i = 1; rc == UNITLS_OK && i < chain->count; i++) {
        X509 *cert = decode(&chain->items[i]);
        if (cert == NULL || !sk_X509_push(rest, cert)) {
            X509_free(cert);
            rc = UNITLS_E_NOMEM;
        }
    }
    if (rc == UNITLS_OK)
        rc = verify_offline(conn, leaf, rest);
    if (rc != UNITLS_OK && rc != UNITLS_E_VERIFY)
        ut_conn_fail(conn, rc, "offline verification failed: out of memory");
    X509_free(leaf);
    sk_X509_pop_free(rest, X509_free);
    ERR_clear_error();
    return rc;
}

void ossl_verify_install(SSL_CTX *ctx)
{
    ossl_compat_set_cert_verify_callback(ctx, verify_peer);
}
