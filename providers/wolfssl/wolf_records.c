/*
 * Record boundaries in what the peer sent, as far as wolfSSL has read it,
 * and the one thing they are needed for: a plaintext alert wolfSSL cannot
 * read.
 *
 * An OpenSSL client that rejects a TLS 1.3 server's certificate sends its
 * alert in plaintext: it has not switched its own direction to the
 * handshake keys yet (RFC 8446 section 5 lets it). OpenSSL servers read
 * such an alert; wolfSSL, which expects an encrypted record by then, reads
 * the header of the alert record, fails with PARSE_ERROR and answers with
 * unexpected_message. The provider drops that answer (OpenSSL sends none;
 * wolf_io.c) and reads the two bytes of the alert itself, so that the
 * server reports the peer's alert as OpenSSL does.
 */
#include "wolf.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>

enum { RECORD_HEADER = 5, ALERT = 21, FATAL = 2 };

void wolf_records_feed(struct wolf_records *r, const unsigned char *buf,
                       size_t n)
{
    while (n > 0) {
        if (r->body_left == 0) {
            r->header[r->header_len++] = *buf++;
            n--;
            if (r->header_len == RECORD_HEADER) {
                r->type = r->header[0];
                r->body_left = (size_t)r->header[3] << 8 | r->header[4];
                r->body_len = r->body_left;
                r->header_len = 0;
            }
            continue;
        }
        size_t take = n < r->body_left ? n : r->body_left;
        r->body_left -= take;
        buf += take;
        n -= take;
    }
}

int wolf_records_at_alert(const struct wolf_records *r)
{
    return r->header_len == 0 && r->type == ALERT && r->body_len == 2 &&
           r->body_left == 2;
}

int wolf_records_plain_alert(struct wolf_conn *wc)
{
    if (!wolf_records_at_alert(&wc->records))
        return -1;
    unsigned char alert[2];
    ssize_t n = recv(wc->fd, alert, sizeof(alert), MSG_DONTWAIT | MSG_PEEK);
    if (n < (ssize_t)sizeof(alert)) {
        /* Sent with its header; give it a moment to arrive. */
        struct pollfd p = {.fd = wc->fd, .events = POLLIN};
        (void)poll(&p, 1, 100);
    }
    n = recv(wc->fd, alert, sizeof(alert), MSG_DONTWAIT);
    if (n != (ssize_t)sizeof(alert) || alert[0] != FATAL)
        return -1;
    wc->records.body_left = 0;
    return alert[1];
}
