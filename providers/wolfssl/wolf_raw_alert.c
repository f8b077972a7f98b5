/* Alerts the provider writes itself, as plaintext records.
 *
 * wolfSSL fails without sending an alert in places where OpenSSL sends one:
 *  - a TLS 1.2 server that requires a client certificate and gets none
 *    fails with NO_PEER_CERT, silently (in TLS 1.3 it sends
 *    certificate_required itself); OpenSSL sends handshake_failure;
 *  - a client whose ServerHello picks a version it does not accept fails
 *    with VERSION_ERROR, silently; OpenSSL sends protocol_version;
 *  - a server without a certificate, or refusing a ClientHello with no
 *    key-exchange group in common (wolf_hello.c): handshake_failure;
 *  - a TLS 1.2-only server refusing a ClientHello that offers only TLS 1.3
 *    (wolf_hello.c): protocol_version.
 * And when it rejects a certificate, wolfSSL chooses the alert from its own
 * error code (wolf_verify.c), which often is not the alert unitls sends.
 *
 * In all these cases our direction of the connection is still plaintext: a
 * client has sent only its ClientHello when it judges the server's
 * certificate (in TLS 1.3 too: OpenSSL's client sends this very alert in
 * plaintext, and RFC 8446 section 5 lets it), and a TLS 1.2 server
 * encrypts only after the client's Finished. wolfSSL's output buffer is
 * empty then (it fails while reading), so the record can go straight to the
 * transport. */
#include "wolf.h"

#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>

/* Writes the record without waiting: a socket's buffer takes seven bytes at
 * once; callbacks are offered the rest as long as they take some. Returns
 * 1 if all of it went. */
static int send_now(struct wolf_conn *wc, const unsigned char *rec,
                    size_t len)
{
    struct ut_transport *t = &wc->io;
    if (wolf_out_pending(wc)) /* after what wolfSSL queued, in order */
        return wolf_out_send(wc, rec, len) == (int)len &&
               wolf_out_flush(wc) == UNITLS_OK;
    if (t->fd >= 0) {
        ssize_t n;
        do
            n = send(t->fd, rec, len, MSG_NOSIGNAL | MSG_DONTWAIT);
        while (n < 0 && errno == EINTR);
        return n == (ssize_t)len;
    }
    size_t done = 0, n;
    while (done < len &&
           ut_transport_send(t, rec + done, len - done, &n) == UT_IO_DONE)
        done += n;
    return done == len;
}

void wolf_raw_alert(unitls_conn *conn, int description)
{
    enum { ALERT = 21, FATAL = 2 };
    const unsigned char record[7] = {ALERT, 3, 3, 0, 2, FATAL,
                                     (unsigned char)description};
    if (send_now(wolf_conn(conn), record, sizeof(record)))
        ut_conn_note_alert(conn, 1, description);
}

/* A TLS 1.3 server judges the client's certificate after its own flight,
 * encrypted: that one alert stays wolfSSL's. */
int wolf_raw_alert_instead(unitls_conn *conn, int description)
{
    struct wolf_conn *wc = wolf_conn(conn);
    if (conn->ctx->role == UNITLS_ROLE_SERVER &&
        wolfSSL_version(wc->ssl) != UNITLS_TLS1_2)
        return 0;
    wolf_raw_alert(conn, description);
    wc->muted = 1;
    return 1;
}
