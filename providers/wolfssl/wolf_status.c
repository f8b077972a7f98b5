/* The one translation of a failed wolfSSL call into a unitls status and
 * message. The order of the questions matters: our own verdict on the peer
 * first, then the peer's verdict on us (an alert), then the transport, then
 * wolfSSL's error code. */
#include "wolf.h"

#include <stdio.h>
#include <string.h>

#include <wolfssl/error-ssl.h>

#include "errtext.h"
#include "wolf_reasons.h"

/* "wolfssl: -308 error state on socket" */
static void backend_text(int err, char *text, size_t size)
{
    char reason[WOLFSSL_MAX_ERROR_SZ];
    wolfSSL_ERR_error_string_n((unsigned long)err, reason, sizeof(reason));
    snprintf(text, size, "%s: %d %s", ut_provider.name, err, reason);
}

static int fail(unitls_conn *conn, int status, const char *op,
                const char *why, const char *text)
{
    return ut_conn_fail(conn, status, "%s failed: %s (%s)", op, why, text);
}

/* wolfSSL keeps the last alert of each direction. */
static int note_alerts(unitls_conn *conn, WOLFSSL *ssl)
{
    WOLFSSL_ALERT_HISTORY h;
    if (wolfSSL_get_alert_history(ssl, &h) != WOLFSSL_SUCCESS)
        return -1;
    if (h.last_tx.level == alert_fatal)
        ut_conn_note_alert(conn, 1, h.last_tx.code);
    if (h.last_rx.level != alert_fatal)
        return -1;
    ut_conn_note_alert(conn, 0, h.last_rx.code);
    return h.last_rx.code;
}

static int verify_failure(unitls_conn *conn, const char *op,
                          const char *text)
{
    int status = wolf_conn(conn)->verify.status;
    if (status != UNITLS_E_VERIFY)
        return fail(conn, status, op,
                    "could not verify the peer's certificate", text);
    char why[160] = "certificate verification failed";
    int depth = -1;
    unitls_verify_error first = unitls_conn_verify_error(conn, 0, &depth, NULL);
    if (first != 0)
        snprintf(why, sizeof(why),
                 "certificate verification failed: %s (depth %d)",
                 ut_verify_error_string(first), depth);
    return fail(conn, status, op, why, text);
}

static int received_alert(unitls_conn *conn, const char *op, int alert,
                          const char *text)
{
    char why[96];
    snprintf(why, sizeof(why), "the peer sent the fatal alert %s (%d)",
             ut_alert_name(alert), alert);
    return fail(conn, ut_status_for_received_alert(alert), op, why, text);
}

static int transport_failure(unitls_conn *conn, const char *op, int err,
                             const char *text)
{
    if (err == 0)
        return fail(conn, UNITLS_E_EOF, op,
                    "the connection was closed without close_notify", text);
    char why[128];
    if (strerror_r(err, why, sizeof(why)) != 0)
        snprintf(why, sizeof(why), "system error %d", err);
    return fail(conn, UNITLS_E_IO, op, why, text);
}

static int reason_failure(unitls_conn *conn, const char *op, int err,
                          const char *text)
{
    switch (wolf_reason_kind(conn, err)) {
    case WOLF_REASON_VERSION:
        return fail(conn, UNITLS_E_VERSION, op,
                    "no protocol version in common", text);
    case WOLF_REASON_NOT_TLS:
        return fail(conn, UNITLS_E_PROTOCOL, op, "peer does not speak TLS",
                    text);
    case WOLF_REASON_MALFORMED:
        return fail(conn, UNITLS_E_PROTOCOL, op,
                    "the peer sent a malformed or unexpected message", text);
    case WOLF_REASON_NO_SHARED:
        return fail(conn, UNITLS_E_HANDSHAKE, op,
                    "no cipher suite, group or signature algorithm in common",
                    text);
    case WOLF_REASON_NO_PEER_CERT:
        ut_verify_add(conn, UNITLS_VERR_NO_PEER_CERTIFICATE, -1, NULL, 0);
        return fail(conn, UNITLS_E_VERIFY, op,
                    "the peer sent no certificate and one is required", text);
    default:
        if (conn->state == UT_CONN_HANDSHAKING)
            return fail(conn, UNITLS_E_HANDSHAKE, op, "handshake failure",
                        text);
        return fail(conn, UNITLS_E_PROTOCOL, op, "TLS failure", text);
    }
}

static int classify(unitls_conn *conn, int err, const char *op,
                    const char *text)
{
    struct wolf_conn *wc = wolf_conn(conn);
    int alert = note_alerts(conn, wc->ssl);
    if (wc->verify.status != 0)
        return verify_failure(conn, op, text);
    if (alert >= 0)
        return received_alert(conn, op, alert, text);
    if (wc->io_eof || wc->io_errno != 0)
        return transport_failure(conn, op, wc->io_eof ? 0 : wc->io_errno,
                                 text);
    return reason_failure(conn, op, err, text);
}

int wolf_status(unitls_conn *conn, int ret, const char *op)
{
    int err = wolfSSL_get_error(wolf_conn(conn)->ssl, ret);
    if (err == WOLFSSL_ERROR_WANT_READ)
        return UNITLS_WANT_READ;
    if (err == WOLFSSL_ERROR_WANT_WRITE)
        return UNITLS_WANT_WRITE;
    char text[UT_ERROR_MAX / 2];
    backend_text(err, text, sizeof(text));
    int status = classify(conn, err, op, text);
    wolfSSL_ERR_clear_error();
    return status;
}
