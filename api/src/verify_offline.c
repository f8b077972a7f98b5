/* Offline verification (unitls_verify_chain): a connection of the context
 * that never touches a transport runs the provider's handshake-time
 * verification over the given chain, so that the engine, the settings, the
 * error list and the decision are the handshake's own. */
#include <stdlib.h>
#include <string.h>

#include "conn_internal.h"
#include "hostname.h"
#include "provider.h"

struct unitls_verify_result {
    unitls_conn *conn; /* owned; holds the error list */
    int valid;
};

static int check_args(unitls_ctx *ctx, const unitls_cert *const *chain,
                      size_t count, const char *name)
{
    if (chain == NULL || count == 0)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "no certificate to verify");
    for (size_t i = 0; i < count; i++)
        if (chain[i] == NULL)
            return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                               "certificate %zu of the chain is NULL", i);
    unsigned char addr[16];
    if (name != NULL && ut_ref_classify(name, addr) == UT_REF_INVALID)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "not a valid host name or IP address "
                           "(internationalised names must be given as "
                           "A-labels, xn--...)");
    return UNITLS_OK;
}

static int chain_der(const unitls_cert *const *chain, size_t count,
                     struct ut_blob_list *out)
{
    int rc = UNITLS_OK;
    for (size_t i = 0; i < count && rc == UNITLS_OK; i++) {
        size_t len = 0;
        const unsigned char *der = unitls_cert_der(chain[i], &len);
        rc = ut_blob_list_add(out, der, len);
    }
    return rc;
}

/* A connection that only verifies: the ctx's, named like a client's. */
static int offline_conn(unitls_ctx *ctx, const char *name,
                        unitls_conn **out)
{
    unitls_conn *conn = unitls_conn_new(ctx);
    if (conn == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    conn->offline = 1;
    if (name != NULL && (conn->verify_name = strdup(name)) == NULL) {
        unitls_conn_free(conn);
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    }
    *out = conn;
    return UNITLS_OK;
}

static int run(unitls_ctx *ctx, unitls_conn *conn,
               const unitls_cert *const *chain, size_t count)
{
    struct ut_blob_list der = {0};
    int rc = chain_der(chain, count, &der);
    if (rc == UNITLS_OK)
        rc = ut_provider.conn_verify_offline(conn, &der);
    else
        ut_ctx_fail(ctx, rc, "out of memory");
    ut_blob_list_free(&der);
    if (rc != UNITLS_OK && rc != UNITLS_E_VERIFY)
        ut_ctx_fail(ctx, rc, "%s", unitls_conn_error(conn));
    return rc;
}

int unitls_verify_chain(unitls_ctx *ctx, const unitls_cert *const *chain,
                        size_t count, const char *name,
                        unitls_verify_result **result)
{
    if (result != NULL)
        *result = NULL;
    if (ctx == NULL)
        return UNITLS_E_INVALID_ARG;
    ctx->error[0] = '\0';
    if (result == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "result is NULL");
    int rc = check_args(ctx, chain, count, name);
    unitls_conn *conn = NULL;
    if (rc == UNITLS_OK)
        rc = offline_conn(ctx, name, &conn);
    if (rc == UNITLS_OK)
        rc = run(ctx, conn, chain, count);
    unitls_verify_result *r = NULL;
    if ((rc == UNITLS_OK || rc == UNITLS_E_VERIFY) &&
        (r = malloc(sizeof(*r))) == NULL)
        rc = ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    if (r == NULL) {
        unitls_conn_free(conn);
        return rc;
    }
    if (rc == UNITLS_E_VERIFY)
        ut_ctx_fail(ctx, rc, "certificate verification failed: %s",
                    unitls_verify_error_string(
                        unitls_conn_verify_error(conn, 0, NULL, NULL)));
    *r = (unitls_verify_result){conn, rc == UNITLS_OK};
    *result = r;
    return rc;
}

size_t unitls_verify_result_error_count(const unitls_verify_result *result)
{
    return result ? unitls_conn_verify_error_count(result->conn) : 0;
}

unitls_verify_error unitls_verify_result_error(
    const unitls_verify_result *result, size_t index, int *depth,
    const unitls_cert **cert)
{
    if (result == NULL)
        return (unitls_verify_error)0;
    return unitls_conn_verify_error(result->conn, index, depth, cert);
}

int unitls_verify_result_valid(const unitls_verify_result *result)
{
    return result != NULL && result->valid;
}

void unitls_verify_result_free(unitls_verify_result *result)
{
    if (result == NULL)
        return;
    unitls_conn_free(result->conn);
    free(result);
}
