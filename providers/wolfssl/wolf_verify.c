/*
 * Certificate verification. wolfSSL validates the chain inside the
 * handshake and calls two callbacks per certificate, the last one the peer
 * sent first and the leaf last: the certificate manager's, then the
 * connection's (WOLFSSL_ALWAYS_VERIFY_CB and WOLFSSL_VERIFY_CB_ALL_CERTS
 * make it call them for every certificate, with or without an error).
 *
 * The provider lets every certificate above the leaf pass, remembering
 * wolfSSL's error for it, and judges at the leaf (wolf_judge.c, which
 * offline verification shares): wolf_chain.c turns the errors into
 * OpenSSL's view of the chain, and ut_verify_finish() decides.
 * Letting a failed CA certificate pass does not make wolfSSL trust it: it
 * only caches CA certificates that verified without error.
 *
 * The alert. On a veto wolfSSL sends the alert of the certificate's own
 * error (DoCertFatalAlert in its internal.c): certificate_expired for a
 * date error, unknown_ca for "no signer", certificate_revoked for a CRL
 * revocation, and bad_certificate for anything else, including a veto of a
 * certificate without error. No other alert can be chosen through its API.
 * So while our direction is still plaintext (a client; a TLS 1.2 server),
 * the provider sends the alert unitls wants itself and drops wolfSSL's
 * (wolf_raw_alert.c). A TLS 1.3 server is already encrypting: when the
 * alert unitls wants is the one wolfSSL would send for the leaf's error,
 * both callbacks veto and the error stands; otherwise the first callback
 * clears the error (by accepting) and the second vetoes, and wolfSSL sends
 * bad_certificate.
 */
#include "wolf.h"

#include <stdlib.h>

static WOLFSSL *ssl_of_store(WOLFSSL_X509_STORE_CTX *store)
{
    return wolfSSL_X509_STORE_CTX_get_ex_data(
        store, wolfSSL_get_ex_data_X509_STORE_CTX_idx());
}

static unitls_conn *conn_of_store(WOLFSSL_X509_STORE_CTX *store)
{
    WOLFSSL *ssl = ssl_of_store(store);
    return ssl ? wolfSSL_get_ex_data(ssl, wolf_conn_ex_index()) : NULL;
}

void wolf_verify_reset(struct wolf_verify *v)
{
    free(v->errors);
    *v = (struct wolf_verify){0};
}

/* Remembers wolfSSL's verdict on the certificate at `depth` in the
 * Certificate message. An error without a code is remembered as -1. */
static int note(struct wolf_verify *v, const WOLFSSL_X509_STORE_CTX *store,
                int preverify)
{
    if (v->errors == NULL) {
        v->count = store->totalCerts;
        v->errors = calloc((size_t)v->count, sizeof(*v->errors));
        if (v->errors == NULL)
            return UNITLS_E_NOMEM;
    }
    int depth = store->error_depth;
    if (!preverify && depth >= 0 && depth < v->count)
        v->errors[depth] = store->error ? store->error : -1;
    return UNITLS_OK;
}

static void decide(unitls_conn *conn, const WOLFSSL_X509_STORE_CTX *store)
{
    struct wolf_verify *v = &wolf_conn(conn)->verify;
    v->decided = 1;
    if (v->status == 0 && ut_conn_verifies(conn))
        v->status = wolf_judge(conn, v, store->certs, v->count);
    if (v->status != 0)
        return; /* out of memory: reject with bad_certificate */
    const WOLFSSL_BUFFER_INFO *leaf = &store->certs[0];
    int alert = 0;
    if (ut_verify_finish(conn, leaf->buffer, leaf->length, &alert))
        return;
    v->status = UNITLS_E_VERIFY;
    if (wolf_raw_alert_instead(conn, alert))
        return;
    v->keep_native =
        v->errors[0] != 0 && wolf_native_alert(v->errors[0]) == alert;
}

/* Notes the certificate and, at the leaf, decides (once). Returns 1 while
 * the leaf is yet to come, else 0. */
static int observe(unitls_conn *conn, WOLFSSL_X509_STORE_CTX *store,
                   int preverify)
{
    struct wolf_verify *v = &wolf_conn(conn)->verify;
    if (v->decided)
        return store->error_depth > 0;
    if (v->status == 0 && note(v, store, preverify) != UNITLS_OK)
        v->status = UNITLS_E_NOMEM;
    if (store->error_depth > 0)
        return 1;
    decide(conn, store);
    return 0;
}

/* Does a certificate the peer sent deserve our attention? (wolfSSL also
 * runs the callbacks outside handshakes and for empty chains.) */
static int is_peer_cert(WOLFSSL_X509_STORE_CTX *store)
{
    return store->certs != NULL && store->totalCerts > 0 &&
           store->error_depth >= 0 && store->error_depth < store->totalCerts;
}

/* First callback: wolfSSL's error stands only when it yields the alert the
 * API layer asked for.
 * wolfSSL also calls it, without a connection, for each trust anchor the
 * context loads, and refuses a CA certificate whose issuer is not loaded yet
 * unless the callback accepts it; OpenSSL's store takes any certificate, in
 * any order, so anchors are accepted. */
static int verify_cm(int preverify, WOLFSSL_X509_STORE_CTX *store)
{
    if (ssl_of_store(store) == NULL)
        return 1; /* loading a trust anchor */
    unitls_conn *conn = conn_of_store(store);
    if (conn == NULL || !is_peer_cert(store))
        return preverify;
    if (observe(conn, store, preverify))
        return 1;
    const struct wolf_verify *v = &wolf_conn(conn)->verify;
    return v->status == 0 || !v->keep_native;
}

/* Second callback: the veto. */
static int verify_ssl(int preverify, WOLFSSL_X509_STORE_CTX *store)
{
    unitls_conn *conn = conn_of_store(store);
    if (conn == NULL || !is_peer_cert(store))
        return preverify;
    if (observe(conn, store, preverify))
        return 1;
    return wolf_conn(conn)->verify.status == 0;
}

void wolf_verify_install(WOLFSSL_CTX *ssl_ctx, int wolf_mode)
{
    wolfSSL_CTX_set_verify(ssl_ctx, wolf_mode, verify_ssl);
    wolfSSL_CertManagerSetVerify(wolfSSL_CTX_GetCertManager(ssl_ctx),
                                 verify_cm);
}
