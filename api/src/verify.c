/* The one verification decision for every provider: the provider reports
 * what its backend found, and this file adds the host name check, orders the
 * list, applies the verify mode and picks the alert. */
#include <stdlib.h>

#include "cert_model.h"
#include "cert_strength.h"
#include "conn_internal.h"
#include "hostname.h"
#include "provider.h"
#include "session_internal.h"
#include "errtext.h"

void ut_verify_clear(unitls_conn *conn)
{
    for (size_t i = 0; i < conn->verify_error_count; i++)
        unitls_cert_free(conn->verify_errors[i].cert);
    conn->verify_error_count = 0;
}

static int already_listed(const unitls_conn *conn, unitls_verify_error error,
                          int depth)
{
    for (size_t i = 0; i < conn->verify_error_count; i++)
        if (conn->verify_errors[i].error == error &&
            conn->verify_errors[i].depth == depth)
            return 1;
    return 0;
}

static int grow_errors(unitls_conn *conn)
{
    if (conn->verify_error_count < conn->verify_error_cap)
        return UNITLS_OK;
    size_t cap = conn->verify_error_cap ? conn->verify_error_cap * 2 : 4;
    struct ut_verify_entry *grown =
        realloc(conn->verify_errors, cap * sizeof(*grown));
    if (grown == NULL)
        return UNITLS_E_NOMEM;
    conn->verify_errors = grown;
    conn->verify_error_cap = cap;
    return UNITLS_OK;
}

int ut_verify_add(unitls_conn *conn, unitls_verify_error error, int depth,
                  const unsigned char *der, size_t der_len)
{
    if (already_listed(conn, error, depth))
        return UNITLS_OK;
    if (grow_errors(conn) != UNITLS_OK)
        return UNITLS_E_NOMEM;
    unitls_cert *cert = NULL;
    if (der != NULL && ut_cert_parse(der, der_len, &cert) != UNITLS_OK)
        cert = NULL; /* the error stands even if we cannot show the cert */
    struct ut_verify_entry *entry =
        &conn->verify_errors[conn->verify_error_count++];
    entry->error = error;
    entry->depth = depth;
    entry->cert = cert;
    return UNITLS_OK;
}

/* Does the chain as built end at a trust anchor? Not when one of the
 * problems found says it breaks off. */
static int anchored(const unitls_conn *conn)
{
    for (size_t i = 0; i < conn->verify_error_count; i++)
        switch (conn->verify_errors[i].error) {
        case UNITLS_VERR_SELF_SIGNED:
        case UNITLS_VERR_SELF_SIGNED_IN_CHAIN:
        case UNITLS_VERR_UNABLE_TO_GET_ISSUER:
            return 0;
        default:
            break;
        }
    return 1;
}

/* Problems that only restate another one are not listed: a certificate
 * that is no CA is not also "invalid for the purpose" as a CA (OpenSSL
 * reports both), and the trust anchor's own revocation status is not
 * judged (RFC 5280 6.1; OpenSSL checks it with CRL checking on the whole
 * chain). */
static int is_consequence(const unitls_conn *conn,
                          const struct ut_verify_entry *e, int anchor)
{
    if (e->error == UNITLS_VERR_INVALID_PURPOSE &&
        already_listed(conn, UNITLS_VERR_INVALID_CA, e->depth))
        return 1;
    return anchor >= 0 && e->depth == anchor &&
           (e->error == UNITLS_VERR_CRL_UNAVAILABLE ||
            e->error == UNITLS_VERR_REVOKED);
}

static void drop_consequences(unitls_conn *conn)
{
    int anchor = conn->built_length > 0 && anchored(conn)
                     ? conn->built_length - 1
                     : -1;
    size_t kept = 0;
    for (size_t i = 0; i < conn->verify_error_count; i++) {
        struct ut_verify_entry *e = &conn->verify_errors[i];
        if (is_consequence(conn, e, anchor))
            unitls_cert_free(e->cert);
        else
            conn->verify_errors[kept++] = *e;
    }
    conn->verify_error_count = kept;
}

/* Deepest certificate first; within one depth, by error value. Insertion
 * sort: lists are a handful of entries. */
static void order_errors(unitls_conn *conn)
{
    struct ut_verify_entry *e = conn->verify_errors;
    for (size_t i = 1; i < conn->verify_error_count; i++) {
        struct ut_verify_entry key = e[i];
        size_t j = i;
        while (j > 0 && (e[j - 1].depth < key.depth ||
                         (e[j - 1].depth == key.depth &&
                          e[j - 1].error > key.error))) {
            e[j] = e[j - 1];
            j--;
        }
        e[j] = key;
    }
}

static void check_peer_name(unitls_conn *conn, const unsigned char *leaf,
                            size_t leaf_len)
{
    const unitls_ctx *ctx = conn->ctx;
    const char *name = conn->verify_name ? conn->verify_name
                                         : conn->server_name;
    int checks = conn->offline || (ctx->role == UNITLS_ROLE_CLIENT &&
                                   ctx->check_hostname);
    if (!checks || name == NULL || conn->peer_cert == NULL)
        return;
    unitls_verify_error err = UNITLS_VERR_HOSTNAME_MISMATCH;
    if (ut_host_check(conn->peer_cert, name, ctx->cn_fallback, &err) !=
        UNITLS_OK)
        ut_verify_add(conn, err, 0, leaf, leaf_len);
}

int ut_conn_verifies(const unitls_conn *conn)
{
    return conn->offline || conn->ctx->verify_mode != UNITLS_VERIFY_NONE;
}

/* The application's verdict, when it asked for one. */
static int ask_application(unitls_conn *conn, int preverify_ok)
{
    const unitls_ctx *ctx = conn->ctx;
    if (ctx->verify_cb == NULL)
        return preverify_ok;
    conn->in_verify_callback = 1;
    int ok = ctx->verify_cb(ctx->verify_cb_user, conn, preverify_ok) != 0;
    conn->in_verify_callback = 0;
    if (!ok && conn->verify_error_count == 0)
        ut_verify_add(conn, UNITLS_VERR_REJECTED, 0, NULL, 0);
    return ok;
}

/* The leaf's model served the checks; an idle connection would hold it
 * (4 KB and more) for nothing, and unitls_conn_peer_cert() builds it again
 * on first use. */
static void drop_leaf_model(unitls_conn *conn)
{
    unitls_cert_free(conn->peer_cert);
    conn->peer_cert = NULL;
}

int ut_verify_finish(unitls_conn *conn, const unsigned char *leaf_der,
                     size_t leaf_len, int *alert)
{
    unitls_cert_free(conn->peer_cert);
    conn->peer_cert = NULL;
    if (leaf_der != NULL &&
        ut_cert_parse(leaf_der, leaf_len, &conn->peer_cert) != UNITLS_OK)
        ut_verify_add(conn, UNITLS_VERR_BAD_CERTIFICATE, 0, NULL, 0);
    if (!ut_conn_verifies(conn)) {
        ut_verify_clear(conn);
        drop_leaf_model(conn);
        return 1;
    }
    if (conn->peer_cert != NULL && ut_cert_is_weak(conn->peer_cert))
        ut_verify_add(conn, UNITLS_VERR_WEAK_KEY, 0, leaf_der, leaf_len);
    check_peer_name(conn, leaf_der, leaf_len);
    drop_consequences(conn);
    order_errors(conn);
    int accept = ask_application(conn, ut_verify_all_ignored(conn));
    if (!accept)
        *alert = ut_alert_for_verify_error(conn->verify_errors[0].error);
    drop_leaf_model(conn);
    return accept;
}

int ut_verify_depth_exceeded(unitls_conn *conn, int length)
{
    conn->built_length = length;
    int below_anchor = anchored(conn) ? length - 1 : length;
    int allowed = conn->ctx->verify_depth + 1; /* leaf + depth CAs */
    return below_anchor > allowed ? allowed : -1;
}

int ut_conn_load_peer_cert(unitls_conn *conn)
{
    if (conn->peer_cert != NULL)
        return UNITLS_OK;
    size_t leaf_len;
    const unsigned char *leaf = ut_conn_resumed_leaf(conn, &leaf_len);
    if (leaf != NULL)
        return ut_cert_parse(leaf, leaf_len, &conn->peer_cert) == UNITLS_OK
                   ? UNITLS_OK
                   : UNITLS_E_PARSE;
    struct ut_blob_list chain = {0};
    int rc = ut_provider.conn_peer_chain(conn, &chain);
    if (rc == UNITLS_OK && chain.count > 0 &&
        ut_cert_parse(chain.items[0].data, chain.items[0].len,
                      &conn->peer_cert) != UNITLS_OK)
        conn->peer_cert = NULL; /* unverified and unparsable: show none */
    ut_blob_list_free(&chain);
    return rc;
}

size_t unitls_conn_verify_error_count(const unitls_conn *conn)
{
    return conn ? conn->verify_error_count : 0;
}

unitls_verify_error unitls_conn_verify_error(const unitls_conn *conn,
                                             size_t index, int *depth,
                                             const unitls_cert **cert)
{
    if (conn == NULL || index >= conn->verify_error_count)
        return (unitls_verify_error)0;
    const struct ut_verify_entry *entry = &conn->verify_errors[index];
    if (depth != NULL)
        *depth = entry->depth;
    if (cert != NULL)
        *cert = entry->cert;
    return entry->error;
}
