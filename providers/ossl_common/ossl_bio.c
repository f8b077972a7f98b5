#include "ossl_bio.h"

#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>

#include <unitls/status.h>

static BIO_METHOD *fd_method;

static int would_block(int err)
{
    return err == EAGAIN || err == EWOULDBLOCK;
}

/* n bytes arrived: -1 (no retry) if they show the peer does not speak
 * TLS, else n. */
static int arrived(struct ossl_transport *t, const char *buf, ssize_t n)
{
    ut_records_feed(&t->records, (const unsigned char *)buf, (size_t)n);
    return ut_records_not_tls(&t->records) ? -1 : (int)n;
}

static int fd_read(BIO *bio, char *buf, int len)
{
    struct ossl_transport *t = BIO_get_data(bio);
    BIO_clear_retry_flags(bio);
    if (len <= 0)
        return 0;
    if (ut_records_not_tls(&t->records))
        return -1;
    for (;;) {
        ssize_t n = recv(t->fd, buf, (size_t)len, 0);
        if (n > 0)
            return arrived(t, buf, n);
        if (n == 0)
            return 0; /* the peer closed the transport */
        if (errno == EINTR)
            continue;
        if (would_block(errno))
            BIO_set_retry_read(bio);
        else
            t->last_errno = errno;
        return -1;
    }
}

static int fd_write(BIO *bio, const char *buf, int len)
{
    struct ossl_transport *t = BIO_get_data(bio);
    BIO_clear_retry_flags(bio);
    if (len <= 0)
        return 0;
    if (ut_records_fatal_alert(&t->records) >= 0) {
        t->muted = 1;
        return len;
    }
    for (;;) {
        ssize_t n = send(t->fd, buf, (size_t)len, MSG_NOSIGNAL);
        if (n >= 0)
            return (int)n;
        if (errno == EINTR)
            continue;
        if (would_block(errno))
            BIO_set_retry_write(bio);
        else
            t->last_errno = errno;
        return -1;
    }
}

/* BIO_CTRL_EOF is deliberately not answered (0): OpenSSL 3 would then turn
 * a transport EOF into a fatal decode_error alert sent to a peer that has
 * gone, which BoringSSL does not do. Without it both report
 * SSL_ERROR_SYSCALL with no errno, which the provider maps to UNITLS_E_EOF. */
static long fd_ctrl(BIO *bio, int cmd, long num, void *ptr)
{
    struct ossl_transport *t = BIO_get_data(bio);
    (void)num;
    switch (cmd) {
    case BIO_CTRL_FLUSH: /* nothing is buffered here */
        return 1;
    case BIO_C_GET_FD:
        if (ptr != NULL)
            *(int *)ptr = t->fd;
        return t->fd;
    default:
        return 0;
    }
}

int ossl_bio_init(void)
{
    int type = BIO_get_new_index();
    if (type == -1)
        return UNITLS_E_INTERNAL;
    fd_method = BIO_meth_new(type | BIO_TYPE_SOURCE_SINK | BIO_TYPE_DESCRIPTOR,
                             "unitls socket");
    if (fd_method == NULL || !BIO_meth_set_read(fd_method, fd_read) ||
        !BIO_meth_set_write(fd_method, fd_write) ||
        !BIO_meth_set_ctrl(fd_method, fd_ctrl))
        return UNITLS_E_INTERNAL;
    return UNITLS_OK;
}

BIO *ossl_bio_new(struct ossl_transport *t)
{
    BIO *bio = BIO_new(fd_method);
    if (bio == NULL)
        return NULL;
    BIO_set_data(bio, t);
    BIO_set_init(bio, 1);
    return bio;
}
