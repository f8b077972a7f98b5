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

void wolf_verify_notes_free(struct wolf_conn *wc)
{
    if (wc->notes != NULL)
        wolf_verify_reset(wc->notes);
    free(wc->notes);
    wc->notes = NULL;
}

static struct wolf_verify *notes_new(int count)
{
    struct wolf_verify *v = calloc(1, sizeof(*v));
    if (v != NULL && (v->errors = calloc((size_t)count, sizeof(int))) == NULL) {
        free(v);
        return NULL;
    }
    if (v != NULL)
        v->count = count;
    return v;
}

/* Remembers wolfSSL's verdict on the certificate at `depth` in the
 * Certificate message (an error without a code as -1), and the names of the
 * last one sent, from the certificate wolfSSL decoded for the callback. */
static int note(struct wolf_conn *wc, WOLFSSL_X509_STORE_CTX *store,
                int preverify)
{
    if (wc->notes == NULL && (wc->notes = notes_new(store->totalCerts)) == NULL)
        return UNITLS_E_NOMEM;
    struct wolf_verify *v = wc->notes;
    int depth = store->error_depth;
    if (!preverify && depth >= 0 && depth < v->count)
        v->errors[depth] = store->error ? store->error : -1;
    if (depth == v->count - 1 && !v->has_top)
        v->has_top = wolf_names_of_x509(store->current_cert, &v->top) ==
                     UNITLS_OK;
    return UNITLS_OK;
}

/* Judges the chain at the leaf; the notes are not needed afterwards. */
static void decide(unitls_conn *conn, const WOLFSSL_X509_STORE_CTX *store)
{
    struct wolf_conn *wc = wolf_conn(conn);
    struct wolf_verdict *d = &wc->verdict;
    const struct wolf_verify *v = wc->notes;
    d->decided = 1;
    if (d->status == 0 && ut_conn_verifies(conn))
        d->status = wolf_judge(conn, v, store->certs, v->count);
    if (d->status == 0) {
        const WOLFSSL_BUFFER_INFO *leaf = &store->certs[0];
        int alert = 0;
        if (!ut_verify_finish(conn, leaf->buffer, leaf->length, &alert)) {
            d->status = UNITLS_E_VERIFY;
            d->keep_native = !wolf_raw_alert_instead(conn, alert) &&
                             v->errors[0] != 0 &&
                             wolf_native_alert(v->errors[0]) == alert;
        }
    } /* else out of memory: reject with bad_certificate */
    wolf_verify_notes_free(wc);
}

/* Notes the certificate and, at the leaf, decides (once). Returns 1 while
 * the leaf is yet to come, else 0. */
static int observe(unitls_conn *conn, WOLFSSL_X509_STORE_CTX *store,
                   int preverify)
{
    struct wolf_conn *wc = wolf_conn(conn);
    if (wc->verdict.decided)
        return store->error_depth > 0;
    if (wc->verdict.status == 0 && note(wc, store, preverify) != UNITLS_OK)
        wc->verdict.status = UNITLS_E_NOMEM;
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
    const struct wolf_verdict *d = &wolf_conn(conn)->verdict;
    return d->status == 0 || !d->keep_native;
}

/* Second callback: the veto. */
static int verify_ssl(int preverify, WOLFSSL_X509_STORE_CTX *store)
{
    unitls_conn *conn = conn_of_store(store);
    if (conn == NULL || !is_peer_cert(store))
        return preverify;
    if (observe(conn, store, preverify))
        return 1;
    return wolf_conn(conn)->verdict.status == 0;
}

void wolf_verify_install(WOLFSSL_CTX *ssl_ctx, int wolf_mode)
{
    wolfSSL_CTX_set_verify(ssl_ctx, wolf_mode, verify_ssl);
    wolfSSL_CertManagerSetVerify(wolfSSL_CTX_GetCertManager(ssl_ctx),
                                 verify_cm);
}
