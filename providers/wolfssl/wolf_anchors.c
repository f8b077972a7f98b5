/*
 * A context's trust anchors, copied when its first connection is made.
 *
 * wolfSSL keeps trust anchors in the context's certificate manager, and it
 * also adds there, for good, every intermediate CA of a peer that verified
 * (ProcessPeerCerts: AddCA with WOLFSSL_CHAIN_CA). OpenSSL's store only ever
 * holds what the application loaded. A context is immutable once it has a
 * connection, and no handshake runs before, so the manager's content at the
 * first unitls_conn_new() is exactly the anchors the application loaded:
 * the replayed verification (wolf_replay.c) starts from that copy, and the
 * verify depth counts anchors in it.
 */
#include "wolf.h"

#include <stdlib.h>
#include <string.h>

#include "cert_model.h"

int wolf_names_of_x509(WOLFSSL_X509 *x509, struct wolf_names *out)
{
    if (x509 == NULL)
        return UNITLS_E_PARSE;
    out->issuer = wolfSSL_X509_issuer_name_hash(x509);
    out->subject = wolfSSL_X509_subject_name_hash(x509);
    return UNITLS_OK;
}

/* One Name's hash; 0 with *ok cleared if wolfSSL cannot read it. */
static unsigned long name_hash(const struct ut_der_span *name, int *ok)
{
    const unsigned char *p = name->p;
    WOLFSSL_X509_NAME *decoded =
        wolfSSL_d2i_X509_NAME(NULL, (unsigned char **)&p, (long)name->len);
    unsigned long hash = decoded ? wolfSSL_X509_NAME_hash(decoded) : 0;
    *ok &= decoded != NULL;
    wolfSSL_X509_NAME_free(decoded);
    return hash;
}

int wolf_names_of_der(const unsigned char *der, size_t len,
                      struct wolf_names *out)
{
    struct ut_der_span issuer, subject;
    if (ut_cert_names_raw(der, len, &issuer, &subject) != UNITLS_OK)
        return UNITLS_E_PARSE;
    int ok = 1;
    out->issuer = name_hash(&issuer, &ok);
    out->subject = name_hash(&subject, &ok);
    return ok ? UNITLS_OK : UNITLS_E_PARSE;
}

static int copy_anchor(struct wolf_anchor *a, WOLFSSL_X509 *x509)
{
    int len = 0;
    const unsigned char *der = wolfSSL_X509_get_der(x509, &len);
    if (der == NULL || len <= 0 || (a->der = malloc((size_t)len)) == NULL)
        return UNITLS_E_NOMEM;
    memcpy(a->der, der, (size_t)len);
    a->len = (size_t)len;
    a->subject_hash = wolfSSL_X509_subject_name_hash(x509);
    a->issuer_hash = wolfSSL_X509_issuer_name_hash(x509);
    return UNITLS_OK;
}

static const struct wolf_anchor *anchor_named(const struct wolf_ctx_impl *w,
                                              unsigned long subject_hash)
{
    for (size_t i = 0; i < w->anchor_count; i++)
        if (w->anchors[i].subject_hash == subject_hash)
            return &w->anchors[i];
    return NULL;
}

/* How many anchors lie above each one, following issuer names up to a
 * self-issued one (bounded: names may form a loop). */
static void count_above(struct wolf_ctx_impl *w)
{
    for (size_t i = 0; i < w->anchor_count; i++) {
        const struct wolf_anchor *a = &w->anchors[i];
        int above = 0;
        while (a->issuer_hash != a->subject_hash &&
               above <= UNITLS_VERIFY_DEPTH_MAX + 2 &&
               (a = anchor_named(w, a->issuer_hash)) != NULL)
            above++;
        w->anchors[i].above = above;
    }
}

static int copy_anchors(struct wolf_ctx_impl *w)
{
    WOLF_STACK_OF(WOLFSSL_X509) *cas = wolfSSL_CertManagerGetCerts(
        wolfSSL_CTX_GetCertManager(w->ssl_ctx));
    int n = cas ? wolfSSL_sk_X509_num(cas) : 0;
    int rc = UNITLS_OK;
    if (n > 0 && (w->anchors = calloc((size_t)n, sizeof(*w->anchors))) == NULL)
        rc = UNITLS_E_NOMEM;
    for (int i = 0; rc == UNITLS_OK && i < n; i++) {
        rc = copy_anchor(&w->anchors[i], wolfSSL_sk_X509_value(cas, i));
        if (rc == UNITLS_OK)
            w->anchor_count++;
    }
    if (cas != NULL)
        wolfSSL_sk_X509_pop_free(cas, wolfSSL_X509_free);
    wolfSSL_ERR_clear_error();
    count_above(w);
    return rc;
}

int wolf_ctx_freeze(const unitls_ctx *ctx)
{
    struct wolf_ctx_impl *w = wolf_ctx_impl(ctx);
    int rc = UNITLS_OK;
    pthread_mutex_lock(&w->freeze_lock);
    if (!w->frozen) {
        rc = copy_anchors(w);
        if (rc == UNITLS_OK)
            w->frozen = 1;
        else
            wolf_anchors_free(w);
    }
    pthread_mutex_unlock(&w->freeze_lock);
    return rc;
}

void wolf_anchors_free(struct wolf_ctx_impl *w)
{
    for (size_t i = 0; i < w->anchor_count; i++)
        free(w->anchors[i].der);
    free(w->anchors);
    w->anchors = NULL;
    w->anchor_count = 0;
}

int wolf_anchors_above(const unitls_ctx *ctx, const struct wolf_names *top)
{
    if (top->issuer == top->subject)
        return 0;
    const struct wolf_anchor *a =
        anchor_named(wolf_ctx_impl(ctx), top->issuer);
    return a ? a->above + 1 : 0;
}

int wolf_anchors_max_above(const unitls_ctx *ctx)
{
    const struct wolf_ctx_impl *w = wolf_ctx_impl(ctx);
    int most = 0;
    for (size_t i = 0; i < w->anchor_count; i++)
        if (w->anchors[i].above + 1 > most)
            most = w->anchors[i].above + 1;
    return most;
}

/* An anchor the manager refuses (the context's manager took it, so this
 * does not happen) is left out, as it would be missing there too. */
void wolf_anchors_load(const unitls_ctx *ctx, WOLFSSL_CERT_MANAGER *cm)
{
    const struct wolf_ctx_impl *w = wolf_ctx_impl(ctx);
    for (size_t i = 0; i < w->anchor_count; i++)
        (void)wolfSSL_CertManagerLoadCABuffer(cm, w->anchors[i].der,
                                              (long)w->anchors[i].len,
                                              WOLFSSL_FILETYPE_ASN1);
    wolfSSL_ERR_clear_error();
}

const struct wolf_anchor *wolf_anchor_above(const unitls_ctx *ctx,
                                            const struct wolf_names *top,
                                            int k)
{
    const struct wolf_ctx_impl *w = wolf_ctx_impl(ctx);
    const struct wolf_anchor *a = anchor_named(w, top->issuer);
    while (a != NULL && k-- > 0)
        a = a->issuer_hash == a->subject_hash
                ? NULL
                : anchor_named(w, a->issuer_hash);
    return a;
}

int wolf_is_anchor(const unitls_ctx *ctx, const unsigned char *der,
                   size_t len)
{
    const struct wolf_ctx_impl *w = wolf_ctx_impl(ctx);
    for (size_t i = 0; i < w->anchor_count; i++)
        if (w->anchors[i].len == len &&
            memcmp(w->anchors[i].der, der, len) == 0)
            return 1;
    return 0;
}
