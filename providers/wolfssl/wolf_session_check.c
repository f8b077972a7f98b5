/*
 * A serialized wolfSSL session, checked before wolfSSL_d2i_SSL_SESSION()
 * reads it. wolfSSL 5.5's reader checks that each field fits in the input,
 * but copies several length-prefixed fields into fixed arrays of the
 * session without checking that they fit there: the session ID and the
 * session context (32 bytes each), the server ID (20), the certificate
 * chain (9 certificates of 2048 bytes at most). Bytes that name a longer
 * one, which wolfSSL's own writer never produces, would overwrite the
 * session and the heap after it. The envelope's digest only keeps damaged
 * bytes out (common/session_codec.h); anyone can compute it for forged ones.
 *
 * This walks the same layout (wolfSSL 5.5's ssl.c, wolfSSL_d2i_SSL_SESSION,
 * with the build options from <wolfssl/options.h>) and refuses any length
 * the session cannot hold, so that the reader only ever sees what it can.
 */
#include "wolf.h"

#include <stdint.h>

/* The layout below is 5.5's; other versions write others, and their bytes
 * are left to their own reader (and to the envelope's digest). */
#define WOLF_KNOWN_LAYOUT                                                      \
    (LIBWOLFSSL_VERSION_HEX >= 0x05005000 && LIBWOLFSSL_VERSION_HEX < 0x05006000)

/* The capacities of wolfSSL 5.5's WOLFSSL_SESSION (its internal.h, with
 * the build's options). */
#ifdef MAX_CHAIN_DEPTH
#define WOLF_CHAIN_DEPTH MAX_CHAIN_DEPTH
#else
#define WOLF_CHAIN_DEPTH 9
#endif
#if defined(HAVE_PQC)
#define WOLF_X509_SIZE (8 * 1024)
#elif defined(WOLFSSL_HAPROXY)
#define WOLF_X509_SIZE 3072
#else
#define WOLF_X509_SIZE 2048
#endif
enum {
    WOLF_ID_LEN = 32,       /* sessionID, altSessionID, sessionCtx */
    WOLF_SERVER_ID_LEN = 20 /* serverID */
};

struct reader {
    const unsigned char *p;
    size_t left;
    int ok;
};

/* Skips n bytes; the reader fails if there are fewer. */
static void skip(struct reader *r, size_t n)
{
    if (!r->ok || n > r->left) {
        r->ok = 0;
        return;
    }
    r->p += n;
    r->left -= n;
}

/* Reads a big-endian number of `n` bytes (1 or 2), or 0 on failure. */
static size_t number(struct reader *r, size_t n)
{
    const unsigned char *at = r->p;
    skip(r, n);
    if (!r->ok)
        return 0;
    return n == 1 ? at[0] : (size_t)at[0] << 8 | at[1];
}

/* A length-prefixed field whose value must fit `capacity` bytes. */
static void field(struct reader *r, size_t prefix, size_t capacity)
{
    size_t n = number(r, prefix);
    if (n > capacity)
        r->ok = 0;
    skip(r, n);
}

static void read_ids(struct reader *r)
{
    skip(r, 1 + 4 + 4); /* side, bornOn, timeout */
    field(r, 1, WOLF_ID_LEN);
    skip(r, WOLFSSL_MAX_MASTER_KEY_LENGTH + 1); /* secret, haveEMS */
    size_t alt = number(r, 1);
    if (alt != 0 && alt != WOLF_ID_LEN)
        r->ok = 0;
    skip(r, alt);
}

static void read_chain(struct reader *r)
{
#ifdef SESSION_CERTS
    size_t count = number(r, 1);
    if (count > WOLF_CHAIN_DEPTH)
        r->ok = 0;
    for (size_t i = 0; r->ok && i < count; i++)
        field(r, 2, WOLF_X509_SIZE);
#else
    (void)r;
#endif
}

static void read_parameters(struct reader *r)
{
#if defined(SESSION_CERTS) ||                                                  \
    (defined(WOLFSSL_TLS13) && defined(HAVE_SESSION_TICKET))
    skip(r, 2); /* version */
#endif
#if defined(SESSION_CERTS) || !defined(NO_RESUME_SUITE_CHECK) ||               \
    (defined(WOLFSSL_TLS13) && defined(HAVE_SESSION_TICKET))
    skip(r, 2); /* cipher suite */
#endif
#ifndef NO_CLIENT_CACHE
    field(r, 2, WOLF_SERVER_ID_LEN);
#endif
#ifdef OPENSSL_EXTRA
    field(r, 1, WOLF_ID_LEN); /* session context */
#endif
#if defined(OPENSSL_EXTRA) || defined(OPENSSL_EXTRA_X509_SMALL)
    skip(r, 1); /* peerVerifyRet */
#endif
#ifdef WOLFSSL_TLS13
    skip(r, 2); /* namedGroup */
#endif
}

/* TLS 1.3 ticket details and the ticket: wolfSSL checks their sizes. */
static void read_ticket(struct reader *r)
{
#if defined(HAVE_SESSION_TICKET) || !defined(NO_PSK)
#ifdef WOLFSSL_TLS13
#ifdef WOLFSSL_32BIT_MILLI_TIME
    skip(r, 4 + 4); /* ticketSeen, ticketAdd */
#else
    skip(r, 8 + 4);
#endif
    skip(r, number(r, 1)); /* nonce */
#endif
#ifdef WOLFSSL_EARLY_DATA
    skip(r, 4);
#endif
#endif
#ifdef HAVE_SESSION_TICKET
    skip(r, number(r, 2));
#endif
}

int wolf_session_layout_ok(const unsigned char *data, size_t len)
{
    if (!WOLF_KNOWN_LAYOUT)
        return 1;
    struct reader r = {data, len, 1};
    read_ids(&r);
    read_chain(&r);
    read_parameters(&r);
    read_ticket(&r);
    return r.ok && r.left == 0;
}
