/* A BIO over the connection's transport (common/transport.h: a connected
 * socket, or the application's callbacks) that never raises SIGPIPE, and
 * that follows the record layer in what it reads.
 *
 * OpenSSL's socket BIO writes with write(), which kills a process that has
 * not ignored SIGPIPE when the peer has gone. This one uses the transport:
 * send() with MSG_NOSIGNAL and recv(), straight from and into the library's
 * buffers (no extra copy), or the callbacks; a WANT becomes the BIO retry
 * flags.
 *
 * Every byte read is fed to a record tracker (common/tls_records.h):
 *  - when the peer's first bytes cannot start a TLS record, the read fails
 *    before the library parses them, so that it sends no alert (BoringSSL
 *    would answer protocol_version; OpenSSL sends none): the peer does not
 *    speak TLS, and the provider says so (ossl_status.c);
 *  - after the handshake, a record the protocol does not allow there is
 *    refused the same way, at its header: a TLS 1.2 renegotiation attempt
 *    (the libraries' own answers differ, see ossl_compat.h), and, on
 *    BoringSSL only, a TLS 1.3 record over the TLS 1.3 length limit
 *    (OSSL_COMPAT_REFUSE_TLS13_OVERSIZED); ossl_status.c reports them;
 *  - once the peer has sent a complete plaintext fatal alert, writes are
 *    swallowed: a fatal alert ends the connection, and all the library can
 *    write then is an alert of its own. OpenSSL writes nothing after
 *    reading one; BoringSSL, in TLS 1.3, cannot read the plaintext alert a
 *    client sends before it encrypts (RFC 8446 section 5 allows it), fails
 *    on it and answers; the provider reports the peer's alert instead. */
#ifndef OSSL_BIO_H
#define OSSL_BIO_H

#include <openssl/bio.h>

#include "tls_records.h"
#include "transport.h"

/* What the BIO reads from and where it leaves the reason for a failure. The
 * connection owns it; the BIO only borrows it. */
struct ossl_transport {
    struct ut_transport io; /* io.last_errno: errno of the last failed
                               read or write; 0 = none or EOF */
    int muted;      /* writes after the peer's fatal alert were swallowed */
    struct ut_records records; /* what the peer sent, record by record */
};

/* Creates the BIO method once. Returns UNITLS_OK or UNITLS_E_INTERNAL. */
int ossl_bio_init(void);

/* A new BIO over t->io (a descriptor it never closes, or callbacks), or
 * NULL. */
BIO *ossl_bio_new(struct ossl_transport *t);

#endif
