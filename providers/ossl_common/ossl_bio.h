/* A BIO over a connected socket that never raises SIGPIPE.
 *
 * OpenSSL's socket BIO writes with write(), which kills a process that has
 * not ignored SIGPIPE when the peer has gone. This one uses send() with
 * MSG_NOSIGNAL and recv(), straight from and into the library's buffers (no
 * extra copy), retries EINTR, and turns EAGAIN into the BIO retry flags. */
#ifndef OSSL_BIO_H
#define OSSL_BIO_H

#include <openssl/bio.h>

/* What the BIO reads from and where it leaves the reason for a failure. The
 * connection owns it; the BIO only borrows it. */
struct ossl_transport {
    int fd;
    int last_errno; /* errno of the last failed recv/send; 0 = none or EOF */
};

/* Creates the BIO method once. Returns UNITLS_OK or UNITLS_E_INTERNAL. */
int ossl_bio_init(void);

/* A new BIO over t->fd (which it never closes), or NULL. */
BIO *ossl_bio_new(struct ossl_transport *t);

#endif
