/*
 * The peer's chain as OpenSSL sees it. The two libraries find the same
 * problems but report them differently:
 *
 *  - OpenSSL first builds the chain, following issuer names from the leaf
 *    through the certificates the peer sent, and reports a chain that does
 *    not end at a trust anchor once, at its top: self_signed_in_chain when
 *    the top is a self-signed root nobody trusts, unable_to_get_issuer when
 *    the top's issuer is nowhere. Then it checks each certificate of the
 *    chain (dates, path length, purpose, signatures).
 *
 *  - wolfSSL checks the certificates one at a time from the top and lets a
 *    CA certificate vouch for the ones below only if it verified itself.
 *    An untrusted root or intermediate passes its own callback without an
 *    error, and every certificate below it then fails as "no signer"; a CA
 *    certificate with an error of its own (expired, say) is not used either,
 *    so the certificates below it fail as "no signer" too.
 *
 * So: the "no signer" errors are consequences, except the deepest one,
 * which says where the chain breaks; the break is reported where OpenSSL
 * reports it, at the top of the chain, unless the certificate above the
 * deepest "no signer" failed for a reason of its own (then OpenSSL's chain
 * is complete and only that reason is reported). Path-length errors move
 * from the certificate that exceeds the constraint (wolfSSL) to the CA whose
 * constraint it is (OpenSSL).
 */
#include "wolf.h"

#include <stdlib.h>
#include <time.h>

#include "cert_model.h"

/* The certificates the peer sent, decoded for their names; NULL where
 * wolfSSL cannot decode one (it then matches nothing). */
struct wolf_sent {
    WOLFSSL_X509 **x509;
    const WOLFSSL_BUFFER_INFO *der;
    int count;
};

static int sent_load(struct wolf_sent *s, const WOLFSSL_BUFFER_INFO *certs,
                     int count)
{
    s->der = certs;
    s->count = count;
    s->x509 = calloc((size_t)count, sizeof(*s->x509));
    if (s->x509 == NULL)
        return UNITLS_E_NOMEM;
    for (int i = 0; i < count; i++)
        s->x509[i] = wolfSSL_X509_d2i(NULL, certs[i].buffer,
                                      (int)certs[i].length);
    return UNITLS_OK;
}

static void sent_free(struct wolf_sent *s)
{
    for (int i = 0; s->x509 && i < s->count; i++)
        wolfSSL_X509_free(s->x509[i]);
    free(s->x509);
}

static int names_issuer(WOLFSSL_X509 *c, WOLFSSL_X509 *p)
{
    return c && p &&
           wolfSSL_X509_NAME_cmp(wolfSSL_X509_get_issuer_name(c),
                                 wolfSSL_X509_get_subject_name(p)) == 0;
}

static int issued_by(const struct wolf_sent *s, int child, int parent)
{
    return names_issuer(s->x509[child], s->x509[parent]);
}

/* The chain OpenSSL builds from the sent certificates: path[0] is the leaf,
 * path[k + 1] the sent certificate that issued path[k]. Returns its
 * length. */
static int build_path(const struct wolf_sent *s, int *path)
{
    int len = 1;
    path[0] = 0;
    while (len < s->count && !issued_by(s, path[len - 1], path[len - 1])) {
        int next = -1;
        for (int i = 1; i < s->count && next < 0; i++) {
            int used = 0;
            for (int k = 0; k < len; k++)
                used |= path[k] == i;
            if (!used && issued_by(s, path[len - 1], i))
                next = i;
        }
        if (next < 0)
            break;
        path[len++] = next;
    }
    return len;
}

/* Where OpenSSL would report a chain that does not reach a trust anchor:
 * a position in path, or -1 if the chain is complete. */
static int break_position(const struct wolf_verify *v, const int *path,
                          int len, int from)
{
    int deepest = -1;
    for (int p = from; p < len; p++)
        if (wolf_is_chain_error(v->errors[path[p]]))
            deepest = p;
    if (deepest < 0 || deepest == len - 1)
        return deepest;
    if (v->errors[path[deepest + 1]] != 0)
        return -1; /* its issuer failed on its own: a consequence */
    return len - 1; /* everything above it was skipped as untrusted */
}

static int report_break(unitls_conn *conn, const struct wolf_sent *s,
                        int top, int position)
{
    unitls_verify_error err = UNITLS_VERR_UNABLE_TO_GET_ISSUER;
    if (issued_by(s, top, top))
        err = position == 0 ? UNITLS_VERR_SELF_SIGNED
                            : UNITLS_VERR_SELF_SIGNED_IN_CHAIN;
    return ut_verify_add(conn, err, position, s->der[top].buffer,
                         s->der[top].length);
}

/* A certificate's own problem, at its position in the chain. */
static int report_own(unitls_conn *conn, const struct wolf_sent *s,
                      int error, const int *path, int len, int position)
{
    unitls_verify_error err = wolf_verify_error(error);
    int at = position;
    if (err == UNITLS_VERR_PATH_LENGTH_EXCEEDED)
        at = position + 1; /* the issuer's constraint */
    if (at >= len) /* a trust anchor, not sent */
        return ut_verify_add(conn, err, at, NULL, 0);
    const WOLFSSL_BUFFER_INFO *der = &s->der[path[at]];
    return ut_verify_add(conn, err, at, der->buffer, der->length);
}

/* The validity check wolfSSL's other error hid. */
static int report_dates(unitls_conn *conn, const WOLFSSL_BUFFER_INFO *der,
                        int position)
{
    unitls_cert *cert = NULL;
    if (ut_cert_parse(der->buffer, der->length, &cert) != UNITLS_OK)
        return UNITLS_OK; /* reported by wolfSSL as whatever it is */
    int64_t now = (int64_t)time(NULL);
    int rc = UNITLS_OK;
    if (now < unitls_cert_not_before(cert))
        rc = ut_verify_add(conn, UNITLS_VERR_NOT_YET_VALID, position,
                           der->buffer, der->length);
    else if (now > unitls_cert_not_after(cert))
        rc = ut_verify_add(conn, UNITLS_VERR_EXPIRED, position, der->buffer,
                           der->length);
    unitls_cert_free(cert);
    return rc;
}

static int is_date_error(int error)
{
    unitls_verify_error err = wolf_verify_error(error);
    return err == UNITLS_VERR_EXPIRED || err == UNITLS_VERR_NOT_YET_VALID;
}

/* A certificate OpenSSL builds the chain through but wolfSSL never made a
 * signer: it verified, yet it is no CA (CA:FALSE, or no basicConstraints),
 * so the one below it failed as "no signer". OpenSSL reports invalid_ca
 * there, and that "no signer" is its consequence. Returns the position, or
 * -1. */
static int not_ca_position(const struct wolf_verify *v,
                           const struct wolf_sent *s, const int *path,
                           int len)
{
    for (int p = 0; p + 1 < len; p++) {
        WOLFSSL_X509 *issuer = s->x509[path[p + 1]];
        if (wolf_is_chain_error(v->errors[path[p]]) &&
            v->errors[path[p + 1]] == 0 && issuer != NULL &&
            !wolfSSL_X509_get_isCA(issuer))
            return p + 1;
    }
    return -1;
}

/* Reports every problem of the path; *broken tells whether the chain was
 * found not to reach an anchor. */
static int report(unitls_conn *conn, const struct wolf_verify *v,
                  const struct wolf_sent *s, const int *path, int len,
                  int *broken)
{
    int rc = UNITLS_OK;
    int not_ca = not_ca_position(v, s, path, len);
    if (not_ca >= 0)
        rc = ut_verify_add(conn, UNITLS_VERR_INVALID_CA, not_ca,
                           s->der[path[not_ca]].buffer,
                           s->der[path[not_ca]].length);
    int position = break_position(v, path, len, not_ca >= 0 ? not_ca : 0);
    *broken = position >= 0;
    if (rc == UNITLS_OK && position >= 0)
        rc = report_break(conn, s, path[position], position);
    for (int p = 0; rc == UNITLS_OK && p < len; p++) {
        int error = v->errors[path[p]];
        if (error != 0 && !wolf_is_chain_error(error))
            rc = report_own(conn, s, error, path, len, p);
        if (rc == UNITLS_OK && error != 0 && !is_date_error(error))
            rc = report_dates(conn, &s->der[path[p]], p);
    }
    return rc;
}

static int any_error(const struct wolf_verify *v)
{
    for (int i = 0; i < v->count; i++)
        if (v->errors[i] != 0)
            return 1;
    return 0;
}

/* The chain OpenSSL builds: the path through the certificates given, then
 * the anchors above its top. */
struct wolf_built {
    const WOLFSSL_BUFFER_INFO *certs;
    const int *path;
    int len;                /* certificates of the path */
    struct wolf_names top;  /* the path's last one's names */
    int has_top;            /* they could be read */
    int above;              /* anchors above it */
};

static int add_at(unitls_conn *conn, const struct wolf_built *b,
                  unitls_verify_error error, int at)
{
    if (at < b->len)
        return ut_verify_add(conn, error, at, b->certs[b->path[at]].buffer,
                             b->certs[b->path[at]].length);
    const struct wolf_anchor *a =
        wolf_anchor_above(conn->ctx, &b->top, at - b->len);
    return ut_verify_add(conn, error, at, a ? a->der : NULL, a ? a->len : 0);
}

/* OpenSSL accepts a chain that ends at a self-issued anchor, or, with
 * partial chains, at any anchor; otherwise it reports the missing issuer
 * of the last certificate. wolfSSL accepts any certificate it knows as a
 * signer, intermediates included (and those cached from earlier peers), so
 * the end is checked here. */
static int check_end(unitls_conn *conn, const struct wolf_built *b)
{
    int self_issued, anchor;
    if (b->above > 0) {
        const struct wolf_anchor *a =
            wolf_anchor_above(conn->ctx, &b->top, b->above - 1);
        self_issued = a->issuer_hash == a->subject_hash;
        anchor = 1;
    } else {
        const WOLFSSL_BUFFER_INFO *der = &b->certs[b->path[b->len - 1]];
        self_issued = b->top.issuer == b->top.subject;
        anchor = wolf_is_anchor(conn->ctx, der->buffer, der->length);
    }
    if (self_issued || (anchor && conn->ctx->partial_chain))
        return UNITLS_OK;
    return add_at(conn, b, UNITLS_VERR_UNABLE_TO_GET_ISSUER,
                  b->len + b->above - 1);
}

/* OpenSSL's chain ends at the first certificate found among the anchors,
 * whatever the peer sent above it. Returns the path's length so cut. */
static int cut_at_anchor(const unitls_conn *conn,
                         const WOLFSSL_BUFFER_INFO *certs, const int *path,
                         int len)
{
    for (int p = 0; p < len - 1; p++)
        if (wolf_is_anchor(conn->ctx, certs[path[p]].buffer,
                           certs[path[p]].length))
            return p + 1;
    return len;
}

/* With partial chains, OpenSSL's chain ends at the first anchor: a
 * certificate the peer sent that is also an anchor, or else the first
 * anchor above the path. */
static int ends_at_sent_anchor(const unitls_conn *conn,
                               const WOLFSSL_BUFFER_INFO *certs,
                               const int *path, int len)
{
    const WOLFSSL_BUFFER_INFO *top = &certs[path[len - 1]];
    return conn->ctx->partial_chain &&
           wolf_is_anchor(conn->ctx, top->buffer, top->length);
}

/* The end of the chain, then the verify depth (judged by the API layer,
 * after every other problem). */
static int finish(unitls_conn *conn, struct wolf_built *b, int broken)
{
    b->above =
        b->has_top && !ends_at_sent_anchor(conn, b->certs, b->path, b->len)
            ? wolf_anchors_above(conn->ctx, &b->top)
            : 0;
    if (conn->ctx->partial_chain && b->above > 1)
        b->above = 1; /* the first anchor ends it */
    int rc = !broken && b->has_top ? check_end(conn, b) : UNITLS_OK;
    int at = ut_verify_depth_exceeded(conn, b->len + b->above);
    if (rc == UNITLS_OK && at >= 0)
        rc = add_at(conn, b, UNITLS_VERR_CHAIN_TOO_LONG, at);
    return rc;
}

/* Could the chain be longer than the verify depth allows? At most every
 * certificate given is on it, then the longest run of anchors. */
static int may_be_too_long(unitls_conn *conn, int count)
{
    int most = count + wolf_anchors_max_above(conn->ctx);
    return most - 1 > conn->ctx->verify_depth + 1;
}

/* Without any error and far within the depth, every certificate given
 * verified with the next one as its issuer: the chain is all of them, then
 * the anchors above the last. Only that one's names are needed: those the
 * handshake's callbacks noted, else read from its DER, to keep the common
 * handshake cheap. */
static int finish_unbroken(unitls_conn *conn, const struct wolf_verify *v,
                           const WOLFSSL_BUFFER_INFO *certs, int count)
{
    int *path = calloc((size_t)count, sizeof(*path));
    if (path == NULL)
        return UNITLS_E_NOMEM;
    for (int i = 0; i < count; i++)
        path[i] = i;
    int len = cut_at_anchor(conn, certs, path, count);
    const WOLFSSL_BUFFER_INFO *last = &certs[len - 1];
    struct wolf_built b = {.certs = certs, .path = path, .len = len};
    if (len == count && v->has_top) {
        b.top = v->top;
        b.has_top = 1;
    } else {
        b.has_top = wolf_names_of_der(last->buffer, last->length, &b.top) ==
                    UNITLS_OK;
    }
    int rc = finish(conn, &b, 0);
    free(path);
    return rc;
}

int wolf_chain_report(unitls_conn *conn, const struct wolf_verify *v,
                      const WOLFSSL_BUFFER_INFO *certs, int given, int count)
{
    if (count <= 0)
        return UNITLS_OK;
    int errors = any_error(v);
    if (!errors && given == count && !may_be_too_long(conn, count))
        return finish_unbroken(conn, v, certs, count);
    struct wolf_sent sent;
    int *path = calloc((size_t)count, sizeof(*path));
    int rc = path ? sent_load(&sent, certs, count) : UNITLS_E_NOMEM;
    if (rc == UNITLS_OK) {
        int len = build_path(&sent, path), broken = 0;
        len = cut_at_anchor(conn, certs, path, len);
        if (errors)
            rc = report(conn, v, &sent, path, len, &broken);
        struct wolf_built b = {.certs = certs, .path = path, .len = len};
        b.has_top = wolf_names_of_x509(sent.x509[path[len - 1]], &b.top) ==
                    UNITLS_OK;
        if (rc == UNITLS_OK)
            rc = finish(conn, &b, broken);
        sent_free(&sent);
    }
    free(path);
    return rc;
}

/*
 * The chain as verified, the way OpenSSL builds it: the path through the
 * certificates the peer sent (build_path), then, from its top, issuers
 * taken from the context's certificate manager until a self-issued one, the
 * trust anchor. wolfSSL keeps no verified chain of its own, but with
 * WOLFSSL_SIGNER_DER_CERT (wolf.h requires it) each CA of the manager keeps
 * its DER, which wolfSSL_CertManagerGetCerts() hands out. Issuers are found
 * by name and signature (issuer_among); the manager also holds the
 * intermediates wolfSSL cached from earlier handshakes after they verified,
 * which belong to such a chain as well. Built only when asked for, after a
 * handshake that verified the peer.
 */
enum { WOLF_MAX_VERIFIED_DEPTH = 32 };

static int add_x509(struct ut_blob_list *out, WOLFSSL_X509 *x509)
{
    int len = 0;
    const unsigned char *der = wolfSSL_X509_get_der(x509, &len);
    if (der == NULL || len <= 0)
        return UNITLS_E_NOMEM;
    return ut_blob_list_add(out, der, (size_t)len);
}

static int signed_by(WOLFSSL_X509 *child, WOLFSSL_X509 *parent)
{
    WOLFSSL_EVP_PKEY *key = wolfSSL_X509_get_pubkey(parent);
    int ok = key != NULL && wolfSSL_X509_verify(child, key) == WOLFSSL_SUCCESS;
    wolfSSL_EVP_PKEY_free(key);
    return ok;
}

/* The CA that issued `child`: named as its issuer and whose key verifies
 * its signature (two CAs may share a name: a re-keyed root), or, if no key
 * wolfSSL can check verifies it, the first one named so. */
static WOLFSSL_X509 *issuer_among(WOLF_STACK_OF(WOLFSSL_X509) *cas,
                                  WOLFSSL_X509 *child)
{
    int n = cas ? wolfSSL_sk_X509_num(cas) : 0;
    WOLFSSL_X509 *named = NULL;
    for (int i = 0; i < n; i++) {
        WOLFSSL_X509 *ca = wolfSSL_sk_X509_value(cas, i);
        if (!names_issuer(child, ca))
            continue;
        if (signed_by(child, ca))
            return ca;
        if (named == NULL)
            named = ca;
    }
    return named;
}

static int add_anchors(const unitls_conn *conn, WOLFSSL_X509 *top,
                       size_t depth, struct ut_blob_list *out)
{
    if (top == NULL || names_issuer(top, top))
        return UNITLS_OK;
    WOLF_STACK_OF(WOLFSSL_X509) *cas = wolfSSL_CertManagerGetCerts(
        wolfSSL_CTX_GetCertManager(wolf_ctx(conn->ctx)));
    int rc = UNITLS_OK;
    WOLFSSL_X509 *ca = issuer_among(cas, top);
    while (rc == UNITLS_OK && ca != NULL && depth++ < WOLF_MAX_VERIFIED_DEPTH) {
        rc = add_x509(out, ca);
        ca = names_issuer(ca, ca) || conn->ctx->partial_chain
                 ? NULL
                 : issuer_among(cas, ca);
    }
    if (cas != NULL)
        wolfSSL_sk_X509_pop_free(cas, wolfSSL_X509_free);
    wolfSSL_ERR_clear_error();
    return rc;
}

static int add_verified(const unitls_conn *conn,
                        const WOLFSSL_BUFFER_INFO *certs, int count,
                        struct ut_blob_list *out)
{
    struct wolf_sent sent;
    int *path = calloc((size_t)count, sizeof(*path));
    int rc = path ? sent_load(&sent, certs, count) : UNITLS_E_NOMEM;
    if (rc == UNITLS_OK) {
        int len = cut_at_anchor(conn, certs, path, build_path(&sent, path));
        for (int p = 0; rc == UNITLS_OK && p < len; p++)
            rc = ut_blob_list_add(out, certs[path[p]].buffer,
                                  certs[path[p]].length);
        if (rc == UNITLS_OK && !ends_at_sent_anchor(conn, certs, path, len))
            rc = add_anchors(conn, sent.x509[path[len - 1]], (size_t)len,
                             out);
        sent_free(&sent);
    }
    free(path);
    return rc;
}

/* The chain a replay judged (wolf_judge.c), or the one the peer sent. */
static int judged_chain(const unitls_conn *conn, struct ut_blob_list *out)
{
    const struct ut_blob_list *judged = wolf_judged(conn);
    WOLFSSL_BUFFER_INFO *certs = calloc(judged->count, sizeof(*certs));
    if (certs == NULL)
        return UNITLS_E_NOMEM;
    for (size_t i = 0; i < judged->count; i++)
        certs[i] = (WOLFSSL_BUFFER_INFO){judged->items[i].data,
                                         (unsigned int)judged->items[i].len};
    int rc = add_verified(conn, certs, (int)judged->count, out);
    free(certs);
    return rc;
}

int wolf_conn_verified_chain(const unitls_conn *conn,
                             struct ut_blob_list *out)
{
    if (wolf_judged(conn)->count > 0)
        return judged_chain(conn, out);
    WOLFSSL_X509_CHAIN *chain = wolfSSL_get_peer_chain(wolf_conn(conn)->ssl);
    int count = chain ? wolfSSL_get_chain_count(chain) : 0;
    if (count <= 0)
        return UNITLS_OK;
    WOLFSSL_BUFFER_INFO *certs = calloc((size_t)count, sizeof(*certs));
    if (certs == NULL)
        return UNITLS_E_NOMEM;
    for (int i = 0; i < count; i++) {
        int len = wolfSSL_get_chain_length(chain, i);
        certs[i].buffer = wolfSSL_get_chain_cert(chain, i);
        certs[i].length = len > 0 ? (unsigned int)len : 0;
    }
    int rc = add_verified(conn, certs, count, out);
    free(certs);
    return rc;
}
