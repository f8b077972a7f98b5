/* The one verification decision for every provider: the provider reports
 * what its backend found, and this file adds the host name check, orders the
 * list, applies the verify mode and picks the alert. */
#include <stdlib.h>

#include "cert_model.h"
#include "conn_internal.h"
#include "hostname.h"
#include "provider.h"
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
    if (ctx->role != UNITLS_ROLE_CLIENT || !ctx->check_hostname ||
        name == NULL || conn->peer_cert == NULL)
        return;
    unitls_verify_error err = UNITLS_VERR_HOSTNAME_MISMATCH;
    if (ut_host_check(conn->peer_cert, name, 1, &err) != UNITLS_OK)
        ut_verify_add(conn, err, 0, leaf, leaf_len);
}

int ut_verify_finish(unitls_conn *conn, const unsigned char *leaf_der,
                     size_t leaf_len, int *alert)
{
    unitls_cert_free(conn->peer_cert);
    conn->peer_cert = NULL;
    if (leaf_der != NULL &&
        ut_cert_parse(leaf_der, leaf_len, &conn->peer_cert) != UNITLS_OK)
        ut_verify_add(conn, UNITLS_VERR_BAD_CERTIFICATE, 0, NULL, 0);
    if (conn->ctx->verify_mode == UNITLS_VERIFY_NONE) {
        ut_verify_clear(conn);
        return 1;
    }
    check_peer_name(conn, leaf_der, leaf_len);
    order_errors(conn);
    if (conn->verify_error_count == 0)
        return 1;
    *alert = ut_alert_for_verify_error(conn->verify_errors[0].error);
    return 0;
}

int ut_conn_load_peer_cert(unitls_conn *conn)
{
    if (conn->peer_cert != NULL)
        return UNITLS_OK;
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
