/* Connections: an SSL per unitls_conn, its transport and its SNI. */
#include <stdlib.h>

#include <openssl/err.h>

#include "ossl_bio.h"
#include "ossl_conn.h"
#include "ossl_ctx.h"
#include "ossl_error.h"
#include "ossl_provider.h"

int ossl_conn_new(unitls_conn *conn)
{
    struct ossl_conn *oc = calloc(1, sizeof(*oc));
    if (oc == NULL)
        return UNITLS_E_NOMEM;
    oc->transport.fd = -1;
    ut_records_init(&oc->transport.records,
                    conn->ctx->role == UNITLS_ROLE_SERVER);
    oc->alert_received = -1;
    ERR_clear_error();
    oc->ssl = SSL_new(ossl_ctx_ssl_ctx(conn->ctx));
    if (oc->ssl == NULL || !ossl_link_attach(oc->ssl, conn) ||
        !ossl_ctx_identity_to(conn->ctx, oc->ssl)) {
        SSL_free(oc->ssl);
        free(oc);
        ERR_clear_error();
        return UNITLS_E_NOMEM;
    }
    if (conn->ctx->role == UNITLS_ROLE_CLIENT)
        SSL_set_connect_state(oc->ssl);
    else
        SSL_set_accept_state(oc->ssl);
    conn->impl = oc;
    return UNITLS_OK;
}

void ossl_conn_free(unitls_conn *conn)
{
    struct ossl_conn *oc = ossl_conn_impl(conn);
    if (oc == NULL)
        return;
    SSL_free(oc->ssl); /* and the BIO */
    free(oc);
    conn->impl = NULL;
}

int ossl_conn_set_fd(unitls_conn *conn, int fd)
{
    struct ossl_conn *oc = ossl_conn_impl(conn);
    BIO *bio = ossl_bio_new(&oc->transport);
    if (bio == NULL) {
        ERR_clear_error();
        return ut_conn_fail(conn, UNITLS_E_NOMEM, "cannot create the BIO");
    }
    oc->transport.fd = fd;
    SSL_set_bio(oc->ssl, bio, bio); /* one reference, for both directions */
    return UNITLS_OK;
}

int ossl_conn_set_sni(unitls_conn *conn, const char *host)
{
    ERR_clear_error();
    if (!SSL_set_tlsext_host_name(ossl_conn_ssl(conn), host)) {
        struct ossl_error e;
        ossl_error_take(&e);
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "the server name cannot be sent as SNI (%s)",
                            e.text);
    }
    return UNITLS_OK;
}
