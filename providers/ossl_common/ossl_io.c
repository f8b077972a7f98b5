/* Handshake, read, write and shutdown: one library call each, and one
 * translation of its failure (ossl_status.c). */
#include "ossl_compat.h"
#include "ossl_conn.h"
#include "ossl_provider.h"
#include "ossl_status.h"

int ossl_conn_handshake(unitls_conn *conn)
{
    struct ossl_conn *oc = ossl_conn_impl(conn);
    ossl_op_begin(oc);
    int ret = SSL_do_handshake(oc->ssl);
    if (ret != 1)
        return ossl_op_status(conn, ret, OSSL_OP_HANDSHAKE);
    /* from now on the tracker refuses renegotiation (ossl_bio.h) */
    ut_records_established(&oc->transport.records, SSL_version(oc->ssl));
    return UNITLS_OK;
}

int ossl_conn_read(unitls_conn *conn, void *buf, size_t len, size_t *n)
{
    struct ossl_conn *oc = ossl_conn_impl(conn);
    ossl_op_begin(oc);
    *n = 0;
    int ret = ossl_compat_read(oc->ssl, buf, len, n);
    if (ret > 0)
        return UNITLS_OK;
    if (SSL_get_error(oc->ssl, ret) == SSL_ERROR_ZERO_RETURN)
        return UNITLS_OK; /* the peer's close_notify: *n == 0 */
    return ossl_op_status(conn, ret, OSSL_OP_READ);
}

int ossl_conn_write(unitls_conn *conn, const void *buf, size_t len,
                    size_t *n)
{
    struct ossl_conn *oc = ossl_conn_impl(conn);
    ossl_op_begin(oc);
    *n = 0;
    int ret = ossl_compat_write(oc->ssl, buf, len, n);
    return ret > 0 ? UNITLS_OK : ossl_op_status(conn, ret, OSSL_OP_WRITE);
}

/* Sends close_notify once: 0 (the peer's has not come yet) and 1 (it has)
 * both mean ours went out. */
int ossl_conn_shutdown(unitls_conn *conn)
{
    struct ossl_conn *oc = ossl_conn_impl(conn);
    ossl_op_begin(oc);
    int ret = SSL_shutdown(oc->ssl);
    return ret >= 0 ? UNITLS_OK : ossl_op_status(conn, ret, OSSL_OP_SHUTDOWN);
}
