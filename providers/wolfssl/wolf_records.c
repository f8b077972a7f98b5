/*
 * A plaintext alert wolfSSL cannot read.
 *
 * An OpenSSL client that rejects a TLS 1.3 server's certificate sends its
 * alert in plaintext: it has not switched its own direction to the
 * handshake keys yet (RFC 8446 section 5 lets it). OpenSSL servers read
 * such an alert; wolfSSL, which expects an encrypted record by then, reads
 * the header of the alert record, fails with PARSE_ERROR and answers with
 * unexpected_message. The provider drops that answer (OpenSSL sends none;
 * wolf_io.c) and reads the two bytes of the alert itself, so that the
 * server reports the peer's alert as OpenSSL does. Where the record
 * boundaries are is known from wc->records (common/tls_records.h), which
 * sees every byte read from the peer.
 */
#include "wolf.h"

int wolf_records_at_alert(const struct wolf_conn *wc)
{
    return ut_records_alert_missing(&wc->records) == 2;
}

/* The rest of the alert is read the way the application set up its
 * descriptor: a blocking one waits for it, as any TLS library waits for
 * the rest of a record whose header it has; a non-blocking one takes what
 * has arrived (the peer sends the record at once), and without it the
 * failure stays wolfSSL's own. */
int wolf_records_plain_alert(struct wolf_conn *wc)
{
    unsigned char body[2];
    int missing;
    while ((missing = ut_records_alert_missing(&wc->records)) > 0)
        if (wolf_io_recv_raw(wc, body, (size_t)missing) <= 0)
            return -1;
    return ut_records_fatal_alert(&wc->records);
}
