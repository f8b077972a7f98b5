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

/* "wolfssl: -308 error state on socket"; or, when the provider refused
 * the peer's first bytes before wolfSSL saw them, why. */
static void backend_text(const struct wolf_conn *wc, int err, char *text,
                         size_t size)
{
    if (wc->not_tls || wc->hello.refused) {
        snprintf(text, size, "%s: %s", ut_provider.name,
                 wc->not_tls ? "the first bytes are no TLS record header"
                             : "the ClientHello's supported_versions has "
                               "no version this server accepts");
        return;
    }
    char reason[WOLFSSL_MAX_ERROR_SZ];
    wolfSSL_ERR_error_string_n((unsigned long)err, reason, sizeof(reason));
    snprintf(text, size, "%s: %d %s", ut_provider.name, err, reason);
}

static int fail(unitls_conn *conn, int status, const char *op,
                const char *why, const char *text)
{
    return ut_conn_fail(conn, status, "%s failed: %s (%s)", op, why, text);
}

/* wolfSSL keeps the last alert of each direction; one it "sent" after the
 * peer had gone was dropped by the transport (wolf_io.c). Returns the
 * received one, or -1. */
static int note_alerts(unitls_conn *conn, struct wolf_conn *wc)
{
    WOLFSSL_ALERT_HISTORY h;
    if (wolfSSL_get_alert_history(wc->ssl, &h) != WOLFSSL_SUCCESS)
        return -1;
    if (h.last_tx.level == alert_fatal && !wc->dropped_sends)
        ut_conn_note_alert(conn, 1, h.last_tx.code);
    int received = h.last_rx.level == alert_fatal
                       ? h.last_rx.code
                       : wolf_records_plain_alert(wc);
    if (received >= 0)
        ut_conn_note_alert(conn, 0, received);
    return received;
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

/* Handshake failures wolfSSL reports with a code that does not say what
 * happened. */
static enum wolf_reason_kind refine(unitls_conn *conn,
                                    enum wolf_reason_kind kind)
{
    struct wolf_conn *wc = wolf_conn(conn);
    if (conn->state != UT_CONN_HANDSHAKING)
        return kind;
    if (wc->hello.refused)
        return WOLF_REASON_VERSION; /* wolf_hello.c */
    /* A server without a certificate fails with BUFFER_ERROR once it has
     * read the ClientHello; OpenSSL finds no suite it could use. */
    if (conn->ctx->role == UNITLS_ROLE_SERVER &&
        wolfSSL_get_certificate(wc->ssl) == NULL)
        return WOLF_REASON_NO_SHARED;
    return kind;
}

/* wolfSSL fails without an alert where OpenSSL sends one (see
 * wolf_raw_alert.c and wolf_hello.c); each case happens while our
 * direction is still plaintext. */
static void send_missing_alert(unitls_conn *conn, enum wolf_reason_kind kind)
{
    enum { HANDSHAKE_FAILURE = 40, PROTOCOL_VERSION = 70 };
    struct wolf_conn *wc = wolf_conn(conn);
    if (conn->alert_sent >= 0 || conn->state != UT_CONN_HANDSHAKING)
        return;
    int server = conn->ctx->role == UNITLS_ROLE_SERVER;
    if (kind == WOLF_REASON_NO_PEER_CERT &&
        wolfSSL_version(wc->ssl) == UNITLS_TLS1_2)
        wolf_raw_alert(conn, HANDSHAKE_FAILURE);
    else if (kind == WOLF_REASON_NO_SHARED && server &&
             wolfSSL_get_certificate(wc->ssl) == NULL)
        wolf_raw_alert(conn, HANDSHAKE_FAILURE);
    else if (kind == WOLF_REASON_VERSION && (!server || wc->hello.refused))
        wolf_raw_alert(conn, PROTOCOL_VERSION);
}

static int reason_failure(unitls_conn *conn, const char *op,
                          enum wolf_reason_kind kind, const char *text)
{
    switch (kind) {
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

/* Our own verdict on the peer first, then the peer's verdict on us (its
 * alert), then what the transport saw, then wolfSSL's error code. A TLS
 * error wins over a transport failure that came after it (wolfSSL sending
 * its alert to a peer that has gone). */
static int classify(unitls_conn *conn, int err, const char *op,
                    const char *text)
{
    struct wolf_conn *wc = wolf_conn(conn);
    int alert = note_alerts(conn, wc);
    if (wc->verify.status != 0)
        return verify_failure(conn, op, text);
    if (alert >= 0)
        return received_alert(conn, op, alert, text);
    if (wc->not_tls)
        return reason_failure(conn, op, WOLF_REASON_NOT_TLS, text);
    enum wolf_reason_kind kind = wolf_reason_kind(err);
    if (kind == WOLF_REASON_OTHER && (wc->io_eof || wc->io_errno != 0))
        return transport_failure(conn, op, wc->io_eof ? 0 : wc->io_errno,
                                 text);
    kind = refine(conn, kind);
    send_missing_alert(conn, kind);
    return reason_failure(conn, op, kind, text);
}

int wolf_status(unitls_conn *conn, int ret, const char *op)
{
    int err = wolfSSL_get_error(wolf_conn(conn)->ssl, ret);
    if (err == WOLFSSL_ERROR_WANT_READ)
        return UNITLS_WANT_READ;
    if (err == WOLFSSL_ERROR_WANT_WRITE)
        return UNITLS_WANT_WRITE;
    char text[UT_ERROR_MAX / 2];
    backend_text(wolf_conn(conn), err, text, sizeof(text));
    int status = classify(conn, err, op, text);
    wolfSSL_ERR_clear_error();
    return status;
}
