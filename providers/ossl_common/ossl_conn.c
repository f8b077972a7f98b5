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
    ut_transport_init(&oc->transport.io);
    ut_records_init(&oc->transport.records,
                    conn->ctx->role == UNITLS_ROLE_SERVER);
    oc->alert_received = -1;
    ERR_clear_error();
    oc->ssl = SSL_new(ossl_ctx_ssl_ctx(conn->ctx));
    if (oc->ssl == NULL || !ossl_link_attach(oc->ssl, conn) ||
        !ossl_ctx_identity_to(conn->ctx, oc->ssl) ||
        !ossl_ocsp_request(conn->ctx, oc->ssl)) {
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
    sk_X509_pop_free(oc->verified_chain, X509_free);
    SSL_SESSION_free(oc->newest);
    free(oc);
    conn->impl = NULL;
}

/* Gives the SSL a BIO over oc->transport, once; the transport itself may
 * change until the handshake starts. */
static int attach_bio(unitls_conn *conn)
{
    struct ossl_conn *oc = ossl_conn_impl(conn);
    if (SSL_get_rbio(oc->ssl) != NULL)
        return UNITLS_OK;
    BIO *bio = ossl_bio_new(&oc->transport);
    if (bio == NULL) {
        ERR_clear_error();
        return ut_conn_fail(conn, UNITLS_E_NOMEM, "cannot create the BIO");
    }
    SSL_set_bio(oc->ssl, bio, bio); /* one reference, for both directions */
    return UNITLS_OK;
}

int ossl_conn_set_fd(unitls_conn *conn, int fd)
{
    int rc = attach_bio(conn);
    if (rc == UNITLS_OK)
        ut_transport_set_fd(&ossl_conn_impl(conn)->transport.io, fd);
    return rc;
}

int ossl_conn_set_io(unitls_conn *conn, unitls_io_read_fn rd,
                     unitls_io_write_fn wr, void *user)
{
    int rc = attach_bio(conn);
    if (rc == UNITLS_OK)
        ut_transport_set_io(&ossl_conn_impl(conn)->transport.io, rd, wr,
                            user);
    return rc;
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
