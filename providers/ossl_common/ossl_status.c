#include "ossl_status.h"

#include <stdio.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "ossl_compat.h"
#include "ossl_error.h"
#include "ossl_reasons.h"
#include "provider.h"
#include "errtext.h"

void ossl_op_begin(struct ossl_conn *oc)
{
    ERR_clear_error();
    oc->transport.last_errno = 0;
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

static int fail(unitls_conn *conn, int status, enum ossl_op op,
                const char *why, const struct ossl_error *e)
{
    return ut_conn_fail(conn, status, "%s failed: %s (%s)", op_name(op), why,
                        e->text);
}

static int verify_failure(unitls_conn *conn, enum ossl_op op,
                          const struct ossl_error *e)
{
    int status = ossl_conn_impl(conn)->verify_status;
    if (status != UNITLS_E_VERIFY)
        return fail(conn, status, op,
                    "could not verify the peer's certificate", e);
    char why[160] = "certificate verification failed";
    int depth = -1;
    unitls_verify_error first = unitls_conn_verify_error(conn, 0, &depth, NULL);
    if (first != 0)
        snprintf(why, sizeof(why),
                 "certificate verification failed: %s (depth %d)",
                 ut_verify_error_string(first), depth);
    return fail(conn, status, op, why, e);
}

static int received_alert(unitls_conn *conn, enum ossl_op op, int alert,
                          const struct ossl_error *e)
{
    ut_conn_note_alert(conn, 0, alert);
    char why[96];
    snprintf(why, sizeof(why), "the peer sent the fatal alert %s (%d)",
             ut_alert_name(alert), alert);
    return fail(conn, ut_status_for_received_alert(alert), op, why, e);
}

static int transport_failure(unitls_conn *conn, enum ossl_op op, int err,
                             const struct ossl_error *e)
{
    if (err == 0)
        return fail(conn, UNITLS_E_EOF, op,
                    "the connection was closed without close_notify", e);
    char why[128];
    if (strerror_r(err, why, sizeof(why)) != 0)
        snprintf(why, sizeof(why), "system error %d", err);
    return fail(conn, UNITLS_E_IO, op, why, e);
}

static int reason_failure(unitls_conn *conn, enum ossl_op op,
                          enum ossl_reason_kind kind,
                          const struct ossl_error *e)
{
    switch (kind) {
    case OSSL_REASON_EOF:
        return transport_failure(conn, op, 0, e);
    case OSSL_REASON_VERSION:
        return fail(conn, UNITLS_E_VERSION, op,
                    "no protocol version in common", e);
    case OSSL_REASON_NOT_TLS:
        return fail(conn, UNITLS_E_PROTOCOL, op, "peer does not speak TLS", e);
    case OSSL_REASON_MALFORMED:
        return fail(conn, UNITLS_E_PROTOCOL, op,
                    "the peer sent a malformed or unexpected message", e);
    case OSSL_REASON_NO_SHARED:
        return fail(conn, UNITLS_E_HANDSHAKE, op,
                    "no cipher suite, group or signature algorithm in common",
                    e);
    case OSSL_REASON_NO_OWN_CERT:
        return fail(conn, UNITLS_E_HANDSHAKE, op,
                    "this server has no certificate", e);
    case OSSL_REASON_NO_PEER_CERT:
        ut_verify_add(conn, UNITLS_VERR_NO_PEER_CERTIFICATE, -1, NULL, 0);
        return fail(conn, UNITLS_E_VERIFY, op,
                    "the peer sent no certificate and one is required", e);
    case OSSL_REASON_VERIFY:
        return fail(conn, UNITLS_E_VERIFY, op,
                    "certificate verification failed", e);
    default:
        if (op == OSSL_OP_HANDSHAKE)
            return fail(conn, UNITLS_E_HANDSHAKE, op, "handshake failure", e);
        return fail(conn, UNITLS_E_PROTOCOL, op, "TLS failure", e);
    }
}

/* Our own verdict on the peer first, then the peer's verdict on us, then
 * the transport, then the library's reason. */
static int classify(unitls_conn *conn, int err, enum ossl_op op,
                    const struct ossl_error *e)
{
    struct ossl_conn *oc = ossl_conn_impl(conn);
    if (oc->verify_status != 0)
        return verify_failure(conn, op, e);
    int alert = ossl_reason_received_alert(e->ssl_reason);
    if (alert < 0)
        alert = oc->alert_received;
    if (alert >= 0)
        return received_alert(conn, op, alert, e);
    if (err == SSL_ERROR_SYSCALL)
        return transport_failure(conn, op, oc->transport.last_errno, e);
    if (err == SSL_ERROR_ZERO_RETURN)
        return fail(conn, UNITLS_E_EOF, op,
                    "the peer closed the connection (close_notify)", e);
    return reason_failure(conn, op, ossl_reason_kind(e->ssl_reason), e);
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
