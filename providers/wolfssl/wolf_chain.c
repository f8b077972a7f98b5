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

static int issued_by(const struct wolf_sent *s, int child, int parent)
{
    WOLFSSL_X509 *c = s->x509[child], *p = s->x509[parent];
    return c && p &&
           wolfSSL_X509_NAME_cmp(wolfSSL_X509_get_issuer_name(c),
                                 wolfSSL_X509_get_subject_name(p)) == 0;
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
                          int len)
{
    int deepest = -1;
    for (int p = 0; p < len; p++)
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

static int report(unitls_conn *conn, const struct wolf_verify *v,
                  const struct wolf_sent *s, const int *path, int len)
{
    int rc = UNITLS_OK;
    int position = break_position(v, path, len);
    if (position >= 0)
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

int wolf_chain_report(unitls_conn *conn, const struct wolf_verify *v,
                      const WOLFSSL_BUFFER_INFO *certs, int count)
{
    if (count <= 0 || !any_error(v))
        return UNITLS_OK;
    struct wolf_sent sent;
    int *path = calloc((size_t)count, sizeof(*path));
    int rc = path ? sent_load(&sent, certs, count) : UNITLS_E_NOMEM;
    if (rc == UNITLS_OK) {
        rc = report(conn, v, &sent, path, build_path(&sent, path));
        sent_free(&sent);
    }
    free(path);
    return rc;
}
