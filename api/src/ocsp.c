/* OCSP stapling (unitls/ocsp.h): a server's response, a client's request,
 * the decision when a required response is missing, and the raw bytes. */
#include <stdlib.h>
#include <string.h>

#include "api_checks.h"
#include "der.h"
#include "provider.h"

enum { OCSP_RESPONSE_MAX = (1 << 24) - 1 }; /* a uint24 length on the wire */

static int check_role(unitls_ctx *ctx, unitls_role role, uint32_t cap,
                      const char *what)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (ctx->role != role)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "only a %s %s",
                           role == UNITLS_ROLE_SERVER ? "server" : "client",
                           what);
    if (!(ut_provider.caps & cap))
        return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                           "the %s provider cannot do OCSP stapling as a %s",
                           ut_provider.name,
                           role == UNITLS_ROLE_SERVER ? "server" : "client");
    return UNITLS_OK;
}

/* One DER SEQUENCE spanning exactly der[0..len). */
static int is_one_sequence(const unsigned char *der, size_t len)
{
    struct ut_der d;
    struct ut_der_tlv tlv;
    ut_der_init(&d, der, len);
    return ut_der_expect(&d, UT_DER_SEQUENCE, &tlv) == UNITLS_OK &&
           ut_der_at_end(&d);
}

int unitls_ctx_set_ocsp_response(unitls_ctx *ctx, const unsigned char *der,
                                 size_t len)
{
    int rc = check_role(ctx, UNITLS_ROLE_SERVER, UNITLS_CAP_OCSP_STAPLE,
                        "staples an OCSP response");
    if (rc != UNITLS_OK)
        return rc;
    if ((der == NULL) != (len == 0))
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "the OCSP response is NULL with a length, or "
                           "empty");
    unsigned char *copy = NULL;
    if (der != NULL) {
        if (len > OCSP_RESPONSE_MAX || !is_one_sequence(der, len))
            return ut_ctx_fail(ctx, UNITLS_E_PARSE,
                               "the OCSP response is not one DER SEQUENCE "
                               "of at most %d bytes",
                               OCSP_RESPONSE_MAX);
        if ((copy = malloc(len)) == NULL)
            return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
        memcpy(copy, der, len);
    }
    free(ctx->ocsp_response);
    ctx->ocsp_response = copy;
    ctx->ocsp_response_len = len;
    return UNITLS_OK;
}

int unitls_ctx_set_ocsp_stapling(unitls_ctx *ctx, unitls_ocsp_mode mode)
{
    int rc = ut_ctx_check_mutable(ctx);
    if (rc != UNITLS_OK)
        return rc;
    if (mode != UNITLS_OCSP_OFF && mode != UNITLS_OCSP_REQUEST &&
        mode != UNITLS_OCSP_REQUIRE)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG,
                           "unknown OCSP stapling mode %d", (int)mode);
    if (mode != UNITLS_OCSP_OFF ||
        ctx->role != UNITLS_ROLE_CLIENT)
        rc = check_role(ctx, UNITLS_ROLE_CLIENT, UNITLS_CAP_OCSP_CLIENT,
                        "asks for a stapled OCSP response");
    if (rc == UNITLS_OK)
        ctx->ocsp_mode = mode;
    return rc;
}

int ut_ocsp_accept(unitls_conn *conn, size_t len)
{
    if (len == 0 && conn->ctx->ocsp_mode == UNITLS_OCSP_REQUIRE) {
        conn->ocsp_missing = 1;
        return 0;
    }
    return 1;
}

int unitls_conn_ocsp_response(const unitls_conn *conn,
                              const unsigned char **der, size_t *len)
{
    if (der != NULL)
        *der = NULL;
    if (len != NULL)
        *len = 0;
    if (conn == NULL || der == NULL || len == NULL ||
        conn->ctx->role != UNITLS_ROLE_CLIENT)
        return UNITLS_E_INVALID_ARG;
    if (!(ut_provider.caps & UNITLS_CAP_OCSP_CLIENT))
        return UNITLS_E_UNSUPPORTED;
    if (!conn->handshake_done)
        return UNITLS_E_STATE;
    if (conn->ctx->ocsp_mode != UNITLS_OCSP_OFF)
        ut_provider.conn_ocsp_response(conn, der, len);
    if (*len == 0)
        *der = NULL;
    return UNITLS_OK;
}
