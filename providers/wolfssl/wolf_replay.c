/*
 * wolfSSL's chain validation outside a handshake, step by step as its
 * handshake does it (ProcessPeerCerts in wolfSSL's internal.c): the
 * certificates are checked one at a time from the last one the peer sent
 * down to the leaf, each against the signers of a certificate manager
 * (ParseCertRelative, then CheckCertCRL when CRL checking is on, which is
 * what wolfSSL_CertManagerVerifyBuffer() runs), and a CA certificate that
 * verified becomes a signer for the ones below it. The result is wolfSSL's
 * error for each certificate, exactly what the handshake's verify callbacks
 * collect, so that wolf_chain.c reads both the same way.
 *
 * The manager is a fresh one holding the context's anchors (wolf_anchors.c)
 * and nothing else, so a replay never sees intermediates of earlier peers
 * and leaves nothing behind.
 */
#include "wolf.h"

#include <stdlib.h>

#include <wolfssl/error-ssl.h>
#include <wolfssl/openssl/x509v3.h>
#include <wolfssl/wolfcrypt/asn.h>
#include <wolfssl/wolfcrypt/error-crypt.h>

/* wolfSSL checks a CRL's signature when it is loaded and drops it if its
 * issuer is not a signer yet; OpenSSL looks CRLs up when it needs them. So
 * each CRL is offered again whenever a CA has become a signer, until it is
 * taken. */
struct crls {
    const struct ut_blob_list *der;
    unsigned char *taken; /* per CRL */
};

static void offer_crls(WOLFSSL_CERT_MANAGER *cm, struct crls *crls)
{
    for (size_t i = 0; crls->taken && i < crls->der->count; i++)
        if (!crls->taken[i] &&
            wolfSSL_CertManagerLoadCRLBuffer(
                cm, crls->der->items[i].data, (long)crls->der->items[i].len,
                WOLFSSL_FILETYPE_ASN1) == WOLFSSL_SUCCESS)
            crls->taken[i] = 1;
    wolfSSL_ERR_clear_error();
}

static int start_crls(const unitls_ctx *ctx, WOLFSSL_CERT_MANAGER *cm,
                      struct crls *crls)
{
    crls->der = &wolf_ctx_impl(ctx)->crls;
    crls->taken = NULL;
    if (ctx->crl_check == UNITLS_CRL_NONE)
        return UNITLS_OK;
    if (wolfSSL_CertManagerEnableCRL(cm, WOLFSSL_CRL_CHECK) !=
            WOLFSSL_SUCCESS ||
        (crls->taken = calloc(crls->der->count + 1, 1)) == NULL)
        return UNITLS_E_NOMEM;
    offer_crls(cm, crls);
    return UNITLS_OK;
}

/* Loading a CA into a manager verifies it against the signers already
 * there; anchors (and intermediates that have just verified) are taken
 * as they are, in any order, as OpenSSL's store takes them. */
static int accept_all(int preverify, WOLFSSL_X509_STORE_CTX *store)
{
    (void)preverify;
    (void)store;
    return 1;
}

/* A CA the manager refuses (as AddCA may refuse one in the handshake)
 * simply signs nothing: the certificates below it fail as "no signer". */
static int load_ca(WOLFSSL_CERT_MANAGER *cm, struct crls *crls,
                   const WOLFSSL_BUFFER_INFO *cert)
{
    wolfSSL_CertManagerSetVerify(cm, accept_all);
    (void)wolfSSL_CertManagerLoadCABuffer(cm, cert->buffer,
                                          (long)cert->length,
                                          WOLFSSL_FILETYPE_ASN1);
    wolfSSL_CertManagerSetVerify(cm, NULL);
    wolfSSL_ERR_clear_error();
    offer_crls(cm, crls);
    return UNITLS_OK;
}

static int is_ca(const WOLFSSL_BUFFER_INFO *cert)
{
    WOLFSSL_X509 *x509 =
        wolfSSL_X509_d2i(NULL, cert->buffer, (int)cert->length);
    int ca = x509 != NULL && wolfSSL_X509_get_isCA(x509);
    wolfSSL_X509_free(x509);
    return ca;
}

/* CRL checking of one certificate: the leaf always (when checking is on),
 * the others only when the whole chain is checked. */
static int set_crl(const unitls_ctx *ctx, WOLFSSL_CERT_MANAGER *cm, int leaf)
{
    if (ctx->crl_check == UNITLS_CRL_NONE)
        return UNITLS_OK;
    int on = leaf || ctx->crl_check == UNITLS_CRL_CHAIN;
    int ret = on ? wolfSSL_CertManagerEnableCRL(cm, WOLFSSL_CRL_CHECK)
                 : wolfSSL_CertManagerDisableCRL(cm);
    return ret == WOLFSSL_SUCCESS ? UNITLS_OK : UNITLS_E_NOMEM;
}

/* The leaf's extendedKeyUsage, checked as ProcessPeerCerts checks it
 * after the leaf verified (anyExtendedKeyUsage will do), for the purpose
 * the context asks for instead of the handshake's side. */
static int check_purpose(const unitls_ctx *ctx,
                         const WOLFSSL_BUFFER_INFO *cert)
{
    WOLFSSL_X509 *x509 =
        wolfSSL_X509_d2i(NULL, cert->buffer, (int)cert->length);
    if (x509 == NULL)
        return 0;
    unsigned int want = ut_ctx_purpose(ctx) == UNITLS_PURPOSE_SERVER
                            ? XKU_SSL_SERVER
                            : XKU_SSL_CLIENT;
    int bad = wolfSSL_X509_get_ext_by_NID(x509, NID_ext_key_usage, -1) >= 0 &&
              (wolfSSL_X509_get_extended_key_usage(x509) &
               (want | XKU_ANYEKU)) == 0;
    wolfSSL_X509_free(x509);
    return bad ? EXTKEYUSE_AUTH_E : 0;
}

/* wolfSSL's verdict on one certificate: 0, or its error code. A
 * certificate that is an anchor itself is a signer already, which the
 * handshake takes as verified. */
static int verify_one(const unitls_ctx *ctx, WOLFSSL_CERT_MANAGER *cm,
                      const WOLFSSL_BUFFER_INFO *cert, int leaf, int *error)
{
    *error = 0;
    if (wolf_is_anchor(ctx, cert->buffer, cert->length))
        return UNITLS_OK;
    int rc = set_crl(ctx, cm, leaf);
    if (rc != UNITLS_OK)
        return rc;
    int ret = wolfSSL_CertManagerVerifyBuffer(cm, cert->buffer,
                                              (long)cert->length,
                                              WOLFSSL_FILETYPE_ASN1);
    *error = ret == WOLFSSL_SUCCESS ? 0 : ret;
    if (*error == MEMORY_E)
        return UNITLS_E_NOMEM;
    if (leaf && *error == 0)
        *error = check_purpose(ctx, cert);
    return UNITLS_OK;
}

/* The certificates above the ones the peer sent (untrusted intermediates):
 * in any order, so each round verifies those whose issuer the previous
 * rounds made a signer, until a round adds none. */
static int replay_extra(const unitls_ctx *ctx, WOLFSSL_CERT_MANAGER *cm,
                        struct crls *crls, const WOLFSSL_BUFFER_INFO *certs,
                        int from, int to, struct wolf_verify *v)
{
    int added = 1, rc = UNITLS_OK;
    for (int i = from; i < to; i++)
        v->errors[i] = -1;
    while (added && rc == UNITLS_OK) {
        added = 0;
        for (int i = to - 1; rc == UNITLS_OK && i >= from; i--) {
            if (v->errors[i] == 0)
                continue;
            rc = verify_one(ctx, cm, &certs[i], 0, &v->errors[i]);
            if (rc == UNITLS_OK && v->errors[i] == 0 && is_ca(&certs[i])) {
                rc = load_ca(cm, crls, &certs[i]);
                added = 1;
            }
        }
    }
    return rc;
}

static int replay_sent(const unitls_ctx *ctx, WOLFSSL_CERT_MANAGER *cm,
                       struct crls *crls, const WOLFSSL_BUFFER_INFO *certs,
                       int sent, struct wolf_verify *v)
{
    int rc = UNITLS_OK;
    for (int i = sent - 1; rc == UNITLS_OK && i >= 0; i--) {
        rc = verify_one(ctx, cm, &certs[i], i == 0, &v->errors[i]);
        /* ProcessPeerCerts adds a chain certificate that verified, if it
         * is a CA; never the leaf. */
        if (rc == UNITLS_OK && i > 0 && v->errors[i] == 0 &&
            !wolf_is_anchor(ctx, certs[i].buffer, certs[i].length) &&
            is_ca(&certs[i]))
            rc = load_ca(cm, crls, &certs[i]);
    }
    return rc;
}

int wolf_replay(const unitls_conn *conn, const WOLFSSL_BUFFER_INFO *certs,
                int sent, int count, struct wolf_verify *v)
{
    wolf_verify_reset(v);
    v->errors = calloc((size_t)count, sizeof(*v->errors));
    WOLFSSL_CERT_MANAGER *cm = v->errors ? wolfSSL_CertManagerNew() : NULL;
    if (cm == NULL)
        return UNITLS_E_NOMEM;
    v->count = count;
    wolfSSL_CertManagerSetVerify(cm, accept_all);
    wolf_anchors_load(conn->ctx, cm);
    wolfSSL_CertManagerSetVerify(cm, NULL);
    struct crls crls;
    int rc = start_crls(conn->ctx, cm, &crls);
    if (rc == UNITLS_OK)
        rc = replay_extra(conn->ctx, cm, &crls, certs, sent, count, v);
    if (rc == UNITLS_OK)
        rc = replay_sent(conn->ctx, cm, &crls, certs, sent, v);
    free(crls.taken);
    wolfSSL_CertManagerFree(cm);
    wolfSSL_ERR_clear_error();
    return rc;
}
