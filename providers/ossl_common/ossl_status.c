#include "ossl_status.h"

#include <stdio.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "ossl_compat.h"
#include "ossl_error.h"
#include "ossl_reasons.h"
#include "provider.h"
#include "tls_records.h"

void ossl_op_begin(struct ossl_conn *oc)
{
    ERR_clear_error();
    oc->transport.io.last_errno = 0;
}

static const char *op_name(enum ossl_op op)
{
    switch (op) {
    case OSSL_OP_HANDSHAKE:
        return "handshake";
    case OSSL_OP_READ:
        return "read";
    case OSSL_OP_WRITE:
        return "write";
    default:
        return "shutdown";
    }
}

static const char *ssl_error_name(int err)
{
    switch (err) {
    case SSL_ERROR_SSL:
        return "SSL_ERROR_SSL";
    case SSL_ERROR_SYSCALL:
        return "SSL_ERROR_SYSCALL";
    case SSL_ERROR_ZERO_RETURN:
        return "SSL_ERROR_ZERO_RETURN";
    default:
        return "unexpected SSL_get_error() value";
    }
}

/* A TLS 1.3 record over the length limit, refused by the transport on a
 * library that would not answer it with record_overflow (ossl_compat.h). */
static int fail_oversized(unitls_conn *conn, const char *op)
{
    char text[128];
    ossl_compat_send_record_overflow(ossl_conn_ssl(conn));
    snprintf(text, sizeof(text),
             "%s: a TLS 1.3 record longer than 2^14 + 256 bytes",
             ut_provider.name);
    return ut_conn_fail_as(conn, UT_FAILURE_MALFORMED, op, text);
}

/* Our own verdict on the peer first, then the peer's verdict on us (an
 * alert the library read, or a plaintext one it could not read: see
 * ossl_bio.c), then the transport, then the library's reason. */
static int classify(unitls_conn *conn, int err, enum ossl_op op,
                    const struct ossl_error *e)
{
    struct ossl_conn *oc = ossl_conn_impl(conn);
    const char *name = op_name(op);
    if (oc->verify_status != 0)
        return ut_conn_fail_verify(conn, oc->verify_status, name, e->text);
    if (conn->ocsp_missing)
        return ut_conn_fail_ocsp_missing(conn, name, e->text);
    int alert = ossl_reason_received_alert(e->ssl_reason);
    if (alert < 0)
        alert = oc->alert_received;
    if (alert < 0)
        alert = ut_records_fatal_alert(&oc->transport.records);
    if (alert >= 0)
        return ut_conn_fail_alert(conn, alert, name, e->text);
    if (ut_records_not_tls(&oc->transport.records))
        return ut_conn_fail_not_tls(conn, name);
    if (ut_records_renegotiation(&oc->transport.records))
        return ut_conn_fail_renegotiation(conn, name);
    if (OSSL_COMPAT_REFUSE_TLS13_OVERSIZED &&
        ut_records_overflow(&oc->transport.records))
        return fail_oversized(conn, name);
    if (err == SSL_ERROR_SYSCALL)
        return ut_conn_fail_transport(conn, oc->transport.io.last_errno, name,
                                      e->text);
    if (err == SSL_ERROR_ZERO_RETURN)
        return ut_conn_fail(conn, UNITLS_E_EOF,
                            "%s failed: the peer closed the connection "
                            "(close_notify) (%s)",
                            name, e->text);
    return ut_conn_fail_as(conn, ossl_reason_kind(e->ssl_reason), name,
                           e->text);
}

int ossl_op_status(unitls_conn *conn, int ret, enum ossl_op op)
{
    int err = SSL_get_error(ossl_conn_ssl(conn), ret);
    if (err == SSL_ERROR_WANT_READ)
        return UNITLS_WANT_READ;
    if (err == SSL_ERROR_WANT_WRITE)
        return UNITLS_WANT_WRITE;
    struct ossl_error e;
    ossl_error_take(&e);
    if (op == OSSL_OP_HANDSHAKE) {
        ossl_compat_after_handshake_failure(ossl_conn_ssl(conn), e.ssl_reason);
        ERR_clear_error();
    }
    if (e.code == 0)
        snprintf(e.text, sizeof(e.text), "%s: %s", ut_provider.name,
                 ssl_error_name(err));
    return classify(conn, err, op, &e);
}
