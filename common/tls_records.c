/* Record boundaries in a peer's byte stream; see tls_records.h. */
#include "tls_records.h"

#include <string.h>

enum {
    HEADER = 5,
    SSLV2_HEADER = 2,
    /* TLSCiphertext.length: at most 2^14 + 2048 (RFC 5246 section 6.2.3;
     * TLS 1.3 allows less, 2^14 + 256). */
    MAX_RECORD = 16384 + 2048,
    MAX_RECORD_TLS13 = 16384 + 256,
    TLS1_2 = 0x0303,
    TLS1_3 = 0x0304,
    CHANGE_CIPHER_SPEC = 20,
    ALERT = 21,
    HANDSHAKE = 22,
    APPLICATION_DATA = 23
};

void ut_records_init(struct ut_records *r, int server)
{
    memset(r, 0, sizeof(*r));
    r->type = -1;
    r->server = server != 0;
}

static size_t header_size(const struct ut_records *r)
{
    return r->sslv2 ? SSLV2_HEADER : HEADER;
}

/* Whether the first header, as far as it is in, can start a TLS record.
 * The record version's minor number is not checked: the first record's
 * version is only a hint (RFC 8446 section 5.1, "legacy_record_version"). */
static int first_header_ok(struct ut_records *r)
{
    const unsigned char *h = r->header;
    switch (r->header_len) {
    case 1:
        if (r->server && (h[0] & 0x80)) {
            r->sslv2 = 1; /* a two-byte length, the first bit set */
            return 1;
        }
        return h[0] >= CHANGE_CIPHER_SPEC && h[0] <= APPLICATION_DATA;
    case 2:
        return r->sslv2 || h[1] == 3;
    case HEADER:
        return ((size_t)h[3] << 8 | h[4]) <= MAX_RECORD;
    default:
        return 1;
    }
}

/* A complete header after the handshake: what the protocol forbids there
 * (see tls_records.h). */
static void after_handshake(struct ut_records *r)
{
    if (r->version == TLS1_2 && r->type == HANDSHAKE)
        r->renegotiation = 1;
    if (r->version == TLS1_3 && r->body_len > MAX_RECORD_TLS13)
        r->overflow = 1;
}

static void header_complete(struct ut_records *r)
{
    const unsigned char *h = r->header;
    if (r->sslv2) {
        r->type = HANDSHAKE; /* an SSLv2-format ClientHello */
        r->body_len = (size_t)(h[0] & 0x7f) << 8 | h[1];
        r->sslv2 = 0;
    } else {
        r->type = h[0];
        r->body_len = (size_t)h[3] << 8 | h[4];
    }
    r->body_left = r->body_len;
    r->header_len = 0;
    r->first_done = 1;
    after_handshake(r);
}

/* One header byte; 0 if it shows that the peer does not speak TLS. */
static int header_byte(struct ut_records *r, unsigned char b)
{
    r->header[r->header_len++] = b;
    if (!r->first_done && !first_header_ok(r)) {
        r->not_tls = 1;
        return 0;
    }
    if (r->header_len == header_size(r))
        header_complete(r);
    return 1;
}

/* Up to n bytes of the current body; returns how many it took. */
static size_t body_bytes(struct ut_records *r, const unsigned char *buf,
                         size_t n)
{
    size_t take = n < r->body_left ? n : r->body_left;
    size_t at = r->body_len - r->body_left;
    for (size_t i = 0; i < take && at + i < sizeof(r->alert); i++)
        r->alert[at + i] = buf[i];
    r->body_left -= take;
    return take;
}

void ut_records_feed(struct ut_records *r, const unsigned char *buf,
                     size_t n)
{
    while (n > 0 && !r->not_tls && !r->renegotiation) {
        size_t used = 1;
        if (r->body_left > 0)
            used = body_bytes(r, buf, n);
        else if (!header_byte(r, *buf))
            return;
        buf += used;
        n -= used;
    }
}

void ut_records_established(struct ut_records *r, int version)
{
    r->version = version;
}

int ut_records_renegotiation(const struct ut_records *r)
{
    return r->renegotiation;
}

int ut_records_refused(const struct ut_records *r)
{
    return r->not_tls || r->renegotiation;
}

int ut_records_overflow(const struct ut_records *r)
{
    return r->overflow;
}

int ut_records_not_tls(const struct ut_records *r)
{
    return r->not_tls;
}

int ut_records_alert_missing(const struct ut_records *r)
{
    if (r->header_len != 0 || r->type != ALERT || r->body_len != 2)
        return -1;
    return (int)r->body_left;
}

int ut_records_plain_alert(const struct ut_records *r, int *level,
                           int *description)
{
    if (ut_records_alert_missing(r) != 0)
        return 0;
    *level = r->alert[0];
    *description = r->alert[1];
    return 1;
}

int ut_records_fatal_alert(const struct ut_records *r)
{
    int level, description;
    if (!ut_records_plain_alert(r, &level, &description) ||
        level != UT_TLS_ALERT_FATAL)
        return -1;
    return description;
}
