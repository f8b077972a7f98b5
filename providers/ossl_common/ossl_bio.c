#include "ossl_bio.h"

#include <unitls/status.h>

#include "ossl_compat.h"

static BIO_METHOD *transport_method;

/* Whether what the peer sent must not reach the library (ossl_bio.h). */
static int refused(const struct ut_records *r)
{
    return ut_records_refused(r) ||
           (OSSL_COMPAT_REFUSE_TLS13_OVERSIZED && ut_records_overflow(r));
}

static int transport_read(BIO *bio, char *buf, int len)
{
    struct ossl_transport *t = BIO_get_data(bio);
    BIO_clear_retry_flags(bio);
    if (len <= 0)
        return 0;
    if (refused(&t->records))
        return -1;
    size_t n;
    switch (ut_transport_recv(&t->io, buf, (size_t)len, &n)) {
    case UT_IO_DONE:
        /* n bytes arrived: -1 (no retry) if the library must not see them */
        ut_records_feed(&t->records, (const unsigned char *)buf, n);
        return refused(&t->records) ? -1 : (int)n;
    case UT_IO_EOF:
        return 0; /* the peer closed the transport */
    case UT_IO_WANT:
        BIO_set_retry_read(bio);
        return -1;
    default:
        return -1;
    }
}

static int transport_write(BIO *bio, const char *buf, int len)
{
    struct ossl_transport *t = BIO_get_data(bio);
    BIO_clear_retry_flags(bio);
    if (len <= 0)
        return 0;
    if (ut_records_fatal_alert(&t->records) >= 0) {
        t->muted = 1;
        return len;
    }
    size_t n;
    switch (ut_transport_send(&t->io, buf, (size_t)len, &n)) {
    case UT_IO_DONE:
        return (int)n;
    case UT_IO_WANT:
        BIO_set_retry_write(bio);
        return -1;
    default:
        return -1;
    }
}

/* BIO_CTRL_EOF is deliberately not answered (0): OpenSSL 3 would then turn
 * a transport EOF into a fatal decode_error alert sent to a peer that has
 * gone, which BoringSSL does not do. Without it both report
 * SSL_ERROR_SYSCALL with no errno, which the provider maps to UNITLS_E_EOF. */
static long transport_ctrl(BIO *bio, int cmd, long num, void *ptr)
{
    struct ossl_transport *t = BIO_get_data(bio);
    (void)num;
    switch (cmd) {
    case BIO_CTRL_FLUSH: /* nothing is buffered here */
        return 1;
    case BIO_C_GET_FD: /* -1 with callbacks */
        if (ptr != NULL)
            *(int *)ptr = t->io.fd;
        return t->io.fd;
    default:
        return 0;
    }
}

int ossl_bio_init(void)
{
    int type = BIO_get_new_index();
    if (type == -1)
        return UNITLS_E_INTERNAL;
    transport_method = BIO_meth_new(type | BIO_TYPE_SOURCE_SINK |
                                        BIO_TYPE_DESCRIPTOR,
                                    "unitls transport");
    if (transport_method == NULL ||
        !BIO_meth_set_read(transport_method, transport_read) ||
        !BIO_meth_set_write(transport_method, transport_write) ||
        !BIO_meth_set_ctrl(transport_method, transport_ctrl))
        return UNITLS_E_INTERNAL;
    return UNITLS_OK;
}

BIO *ossl_bio_new(struct ossl_transport *t)
{
    BIO *bio = BIO_new(transport_method);
    if (bio == NULL)
        return NULL;
    BIO_set_data(bio, t);
    BIO_set_init(bio, 1);
    return bio;
}
