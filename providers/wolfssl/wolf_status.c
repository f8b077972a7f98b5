/* The one translation of a failed wolfSSL call into a unitls status and
 * message. The order of the questions matters: our own verdict on the peer
 * first, then the peer's verdict on us (an alert), then the transport, then
 * wolfSSL's error code. */
#include "wolf.h"

#include <stdio.h>

#include <wolfssl/error-ssl.h>

#include "wolf_reasons.h"

/* "wolfssl: -308 error state on socket"; or, when the provider refused
 * the ClientHello before wolfSSL saw it (wolf_hello.c), why. */
static void backend_text(const struct wolf_conn *wc, int err, char *text,
                         size_t size)
{
    if (wc->hello.refused == WOLF_HELLO_NO_VERSION) {
        snprintf(text, size, "%s: the ClientHello's supported_versions has "
                 "no version this server accepts", ut_provider.name);
        return;
    }
    if (wc->hello.refused == WOLF_HELLO_NO_GROUP) {
        snprintf(text, size, "%s: the ClientHello's supported_groups has "
                 "no group this server accepts", ut_provider.name);
        return;
    }
    if (wc->alpn_refused) {
        snprintf(text, size, "%s: no ALPN protocol the client offers is "
                 "acceptable", ut_provider.name);
        return;
    }
    char reason[WOLFSSL_MAX_ERROR_SZ];
    wolfSSL_ERR_error_string_n((unsigned long)err, reason, sizeof(reason));
    snprintf(text, size, "%s: %d %s", ut_provider.name, err, reason);
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

/* Handshake failures wolfSSL reports with a code that does not say what
 * happened. */
static enum ut_failure refine(unitls_conn *conn, enum ut_failure kind)
{
    struct wolf_conn *wc = wolf_conn(conn);
    if (conn->state != UT_CONN_HANDSHAKING)
        return kind;
    if (wc->hello.refused == WOLF_HELLO_NO_VERSION)
        return UT_FAILURE_VERSION; /* wolf_hello.c */
    if (wc->hello.refused == WOLF_HELLO_NO_GROUP)
        return UT_FAILURE_NO_SHARED;
    if (wc->alpn_refused)
        return UT_FAILURE_NO_SHARED; /* wolf_alpn.c */
    /* A server without a certificate (and no pre-shared key to use
     * instead) fails with BUFFER_ERROR once it has read the ClientHello;
     * OpenSSL finds no suite it could use. */
    if (conn->ctx->role == UNITLS_ROLE_SERVER &&
        wolfSSL_get_certificate(wc->ssl) == NULL && !ut_psk_key_given(conn))
        return UT_FAILURE_NO_SHARED;
    return kind;
}

/* wolfSSL fails without an alert where OpenSSL sends one (see
 * wolf_raw_alert.c and wolf_hello.c); each case happens while our
 * direction is still plaintext. */
static void send_missing_alert(unitls_conn *conn, enum ut_failure kind,
                               int err)
{
    /* Alert descriptions (wolfSSL's DECRYPT_ERROR is an error code). */
    enum { HANDSHAKE_FAILURE = 40, DECRYPT_ERROR_ALERT = 51 };
    enum { PROTOCOL_VERSION = 70 };
    struct wolf_conn *wc = wolf_conn(conn);
    if (conn->alert_sent >= 0 || conn->state != UT_CONN_HANDSHAKING)
        return;
    int server = conn->ctx->role == UNITLS_ROLE_SERVER;
    if (kind == UT_FAILURE_NO_PEER_CERT &&
        wolfSSL_version(wc->ssl) == UNITLS_TLS1_2)
        wolf_raw_alert(conn, HANDSHAKE_FAILURE);
    else if (kind == UT_FAILURE_NO_SHARED && server &&
             (wolfSSL_get_certificate(wc->ssl) == NULL ||
              wc->hello.refused == WOLF_HELLO_NO_GROUP))
        wolf_raw_alert(conn, HANDSHAKE_FAILURE);
    else if (kind == UT_FAILURE_VERSION &&
             (!server || wc->hello.refused == WOLF_HELLO_NO_VERSION))
        wolf_raw_alert(conn, PROTOCOL_VERSION);
    else if (err == BAD_BINDER && server) /* a TLS 1.3 PSK's, RFC 8446 */
        wolf_raw_alert(conn, DECRYPT_ERROR_ALERT);
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
    if (wc->verdict.status != 0)
        return ut_conn_fail_verify(conn, wc->verdict.status, op, text);
    if (alert >= 0)
        return ut_conn_fail_alert(conn, alert, op, text);
    if (ut_records_not_tls(&wc->records))
        return ut_conn_fail_not_tls(conn, op);
    if (ut_records_renegotiation(&wc->records))
        return ut_conn_fail_renegotiation(conn, op);
    enum ut_failure kind = wolf_reason_kind(err);
    if (kind == UT_FAILURE_OTHER && (wc->io_eof || wc->io_errno != 0))
        return ut_conn_fail_transport(conn, wc->io_eof ? 0 : wc->io_errno,
                                      op, text);
    kind = refine(conn, kind);
    send_missing_alert(conn, kind, err);
    return ut_conn_fail_as(conn, kind, op, text);
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
