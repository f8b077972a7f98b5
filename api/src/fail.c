/* Recording failures on objects: the message and the status travel together. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errtext.h"
#include "provider.h"

int ut_ctx_fail(unitls_ctx *ctx, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->error, sizeof(ctx->error), fmt, ap);
    va_end(ap);
    return status;
}

int ut_conn_fail(unitls_conn *conn, int status, const char *fmt, ...)
{
    if (conn->error == NULL && (conn->error = malloc(UT_ERROR_MAX)) == NULL)
        return status; /* unitls_conn_error() falls back to the status */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(conn->error, UT_ERROR_MAX, fmt, ap);
    va_end(ap);
    return status;
}

void ut_conn_note_alert(unitls_conn *conn, int sent, int description)
{
    if (description == 0) /* close_notify is not a failure */
        return;
    int *slot = sent ? &conn->alert_sent : &conn->alert_received;
    if (*slot < 0)
        *slot = description;
}

int ut_status_for_received_alert(int description)
{
    enum { ALERT_PROTOCOL_VERSION = 70 };
    return description == ALERT_PROTOCOL_VERSION ? UNITLS_E_VERSION
                                                  : UNITLS_E_PEER_ALERT;
}

/* --- The failures every provider words alike (provider.h) --- */

static int fail_op(unitls_conn *conn, int status, const char *op,
                   const char *why, const char *backend_text)
{
    return ut_conn_fail(conn, status, "%s failed: %s (%s)", op, why,
                        backend_text);
}

int ut_conn_fail_verify(unitls_conn *conn, int status, const char *op,
                        const char *backend_text)
{
    if (status != UNITLS_E_VERIFY)
        return fail_op(conn, status, op,
                       "could not verify the peer's certificate",
                       backend_text);
    char why[160] = "certificate verification failed";
    int depth = -1;
    unitls_verify_error first = unitls_conn_verify_error(conn, 0, &depth, NULL);
    if (first != 0)
        snprintf(why, sizeof(why),
                 "certificate verification failed: %s (depth %d)",
                 ut_verify_error_string(first), depth);
    return fail_op(conn, status, op, why, backend_text);
}

int ut_conn_fail_alert(unitls_conn *conn, int alert, const char *op,
                       const char *backend_text)
{
    ut_conn_note_alert(conn, 0, alert);
    char why[96];
    snprintf(why, sizeof(why), "the peer sent the fatal alert %s (%d)",
             ut_alert_name(alert), alert);
    return fail_op(conn, ut_status_for_received_alert(alert), op, why,
                   backend_text);
}

int ut_conn_fail_transport(unitls_conn *conn, int err, const char *op,
                           const char *backend_text)
{
    if (err == 0)
        return fail_op(conn, UNITLS_E_EOF, op,
                       "the connection was closed without close_notify",
                       backend_text);
    char why[128];
    if (strerror_r(err, why, sizeof(why)) != 0)
        snprintf(why, sizeof(why), "system error %d", err);
    return fail_op(conn, UNITLS_E_IO, op, why, backend_text);
}

int ut_conn_fail_not_tls(unitls_conn *conn, const char *op)
{
    char text[128];
    snprintf(text, sizeof(text), "%s: the first bytes are no TLS record header",
             ut_provider.name);
    return ut_conn_fail_as(conn, UT_FAILURE_NOT_TLS, op, text);
}

int ut_conn_fail_renegotiation(unitls_conn *conn, const char *op)
{
    char text[128];
    snprintf(text, sizeof(text), "%s: a handshake record after the handshake",
             ut_provider.name);
    return ut_conn_fail_as(conn, UT_FAILURE_RENEGOTIATION, op, text);
}

static const struct {
    int status;
    const char *why;
} failures[] = {
    [UT_FAILURE_VERSION] = {UNITLS_E_VERSION, "no protocol version in common"},
    [UT_FAILURE_NOT_TLS] = {UNITLS_E_PROTOCOL, "peer does not speak TLS"},
    [UT_FAILURE_MALFORMED] = {UNITLS_E_PROTOCOL,
                              "the peer sent a malformed or unexpected "
                              "message"},
    [UT_FAILURE_NO_SHARED] = {UNITLS_E_HANDSHAKE,
                              "no cipher suite, group or signature algorithm "
                              "in common"},
    [UT_FAILURE_NO_OWN_CERT] = {UNITLS_E_HANDSHAKE,
                                "this server has no certificate"},
    [UT_FAILURE_NO_PEER_CERT] = {UNITLS_E_VERIFY,
                                 "the peer sent no certificate and one is "
                                 "required"},
    [UT_FAILURE_VERIFY] = {UNITLS_E_VERIFY, "certificate verification failed"},
    [UT_FAILURE_RENEGOTIATION] = {UNITLS_E_PROTOCOL,
                                  "the peer attempted renegotiation, which "
                                  "unitls refuses"},
};

int ut_conn_fail_as(unitls_conn *conn, enum ut_failure kind, const char *op,
                    const char *backend_text)
{
    if (kind == UT_FAILURE_EOF)
        return ut_conn_fail_transport(conn, 0, op, backend_text);
    if (kind == UT_FAILURE_NO_PEER_CERT)
        ut_verify_add(conn, UNITLS_VERR_NO_PEER_CERTIFICATE, -1, NULL, 0);
    if (kind <= UT_FAILURE_OTHER ||
        (size_t)kind >= sizeof(failures) / sizeof(failures[0])) {
        if (conn->state == UT_CONN_HANDSHAKING)
            return fail_op(conn, UNITLS_E_HANDSHAKE, op, "handshake failure",
                           backend_text);
        return fail_op(conn, UNITLS_E_PROTOCOL, op, "TLS failure",
                       backend_text);
    }
    return fail_op(conn, failures[kind].status, op, failures[kind].why,
                   backend_text);
}

int ut_conn_fail_ocsp_missing(unitls_conn *conn, const char *op,
                              const char *backend_text)
{
    return fail_op(conn, UNITLS_E_HANDSHAKE, op,
                   "the server stapled no OCSP response, which this client "
                   "requires",
                   backend_text);
}
