/* The record layer as the transport sees it: the bytes a peer sent, fed in
 * as they are read, cut at record boundaries (RFC 8446 section 5.1, RFC 5246
 * section 6.2). It answers what a provider needs to know before, or
 * instead of, its backend:
 *
 *  - whether the peer speaks TLS at all: the first record header must have
 *    a known content type, version 3.x and a length a record can have. The
 *    answer comes with the first byte that rules it out, so a transport can
 *    fail the read before the backend parses anything (and answers with an
 *    alert of its own choosing);
 *  - once the handshake has completed (ut_records_established), records
 *    the protocol does not allow there, seen in the clear in their
 *    headers: in TLS 1.2 a handshake record, which can only start a
 *    renegotiation (a ClientHello, a HelloRequest); in TLS 1.3 a record
 *    longer than 2^14 + 256 bytes (RFC 8446 section 5.2). Noticed here
 *    once for every provider, before any backend reads the record;
 *  - whether the last record read is a plaintext alert (two bytes): in TLS
 *    1.3 a client that rejects the server's certificate may send its alert
 *    before it encrypts (RFC 8446 section 5), and some backends then fail
 *    on a record they cannot decrypt instead of reporting the alert.
 *
 * Plain bookkeeping: no I/O, no allocation. Zero-initialised is not a valid
 * state; start with ut_records_init(). */
#ifndef UT_TLS_RECORDS_H
#define UT_TLS_RECORDS_H

#include <stddef.h>

enum { UT_TLS_ALERT_WARNING = 1, UT_TLS_ALERT_FATAL = 2 };

struct ut_records {
    size_t header_len;       /* bytes of the next record's header fed */
    size_t body_len;         /* the last complete header's record length */
    size_t body_left;        /* bytes of its body not fed yet */
    int type;                /* content type of the last record whose
                                header is complete; -1 before the first */
    int first_done;          /* the first header is complete */
    int server;              /* we read a client's bytes */
    int sslv2;               /* the first header is an SSLv2 one */
    int not_tls;             /* the first bytes cannot start a TLS record */
    int version;             /* the wire version once the handshake has
                                completed (0x0303, 0x0304), else 0 */
    int renegotiation;       /* TLS 1.2: a handshake record came after it */
    int overflow;            /* TLS 1.3: a record over the length limit
                                came after it */
    unsigned char header[5]; /* the next record's header, as far as fed */
    unsigned char alert[2];  /* the first two bytes of that record's body */
};

/* Starts tracking a peer's byte stream from its first byte. `server` != 0
 * when the peer is a client: its first record may also be an SSLv2-format
 * ClientHello (first bit set), which OpenSSL and wolfSSL still accept;
 * whether to accept it is left to the backend. */
void ut_records_init(struct ut_records *r, int server);

/* Takes the next n bytes read from the peer. Once the first bytes have
 * turned out not to be TLS, or a renegotiation has started, further bytes
 * are ignored. */
void ut_records_feed(struct ut_records *r, const unsigned char *buf,
                     size_t n);

/* The handshake has completed at the wire `version` (0x0303 for TLS 1.2,
 * 0x0304 for TLS 1.3). Backends read a record's header before its body and
 * no further, so every record header fed from now on was sent after the
 * peer's Finished. */
void ut_records_established(struct ut_records *r, int version);

/* 1 once, in TLS 1.2, a handshake record header has arrived after the
 * handshake: the peer attempts a renegotiation. Further bytes are ignored,
 * as after ut_records_not_tls(). */
int ut_records_renegotiation(const struct ut_records *r);

/* 1 when no further byte may reach the backend: the peer does not speak
 * TLS (ut_records_not_tls) or attempts a renegotiation. Every provider's
 * transport refuses to read on, so that no backend answers in its own
 * way, and the provider reports what was found. */
int ut_records_refused(const struct ut_records *r);

/* 1 once, in TLS 1.3, a record header announcing more than 2^14 + 256
 * bytes has arrived after the handshake (record_overflow is the answer). */
int ut_records_overflow(const struct ut_records *r);

/* 1 once the first bytes cannot start a TLS record (an unknown content
 * type, a major version other than 3, or a length no record has); 0 while
 * they can, or too few have been fed to tell. */
int ut_records_not_tls(const struct ut_records *r);

/* How many bytes of a plaintext alert's body are still to come: 0 or more
 * when the last bytes fed are the header (and maybe some of the body) of
 * an alert record two bytes long; -1 otherwise. An encrypted alert is
 * always longer. */
int ut_records_alert_missing(const struct ut_records *r);

/* 1 when the last record fed is a complete plaintext alert, with its level
 * (UT_TLS_ALERT_*) and description; 0 otherwise. */
int ut_records_plain_alert(const struct ut_records *r, int *level,
                           int *description);

/* The description of the last record fed when it is a complete plaintext
 * fatal alert; -1 otherwise. */
int ut_records_fatal_alert(const struct ut_records *r);

#endif
