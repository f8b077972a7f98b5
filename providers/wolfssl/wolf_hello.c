/*
 * A server's look at the ClientHello, before wolfSSL reads it: the server
 * reads the first record (the ClientHello) itself, then serves wolfSSL's
 * reads from it, then from the transport again. A ClientHello that does
 * not fit in its first record is left to wolfSSL as it is.
 *
 * Key-exchange groups: the API layer chooses the group (ut_groups_choose)
 * from the ClientHello's supported_groups, and the connection is limited
 * to it before wolfSSL reads the key shares (wolf_groups.c). With no group
 * in common wolfSSL's TLS 1.2 server would use one of the client's anyway,
 * and its TLS 1.3 server fails silently: the ClientHello is refused as
 * below, and the provider sends handshake_failure as OpenSSL does.
 *
 * A server limited to TLS 1.2 and a ClientHello's supported_versions:
 * RFC 8446 section 4.2.1: when a ClientHello carries supported_versions,
 * the server picks the version from that list only. OpenSSL does, also when
 * it is limited to TLS 1.2, and refuses a client that offers TLS 1.3 only
 * with protocol_version. wolfSSL limited to TLS 1.2 ignores the extension,
 * answers TLS 1.2 from legacy_version, and leaves it to the client to notice.
 * So such a server refuses that ClientHello as OpenSSL does when no offered
 * version is acceptable: wolfSSL then fails on its very first read and sends
 * nothing, and the provider sends protocol_version (wolf_status.c).
 */
#include "wolf.h"

#include <stdlib.h>
#include <string.h>

enum {
    RECORD_HEADER = 5,
    MAX_RECORD = 16384 + 2048,
    HANDSHAKE = 22,
    CLIENT_HELLO = 1,
    EXT_SUPPORTED_GROUPS = 10,
    EXT_SUPPORTED_VERSIONS = 43
};

struct reader {
    const unsigned char *p;
    size_t left;
};

static int skip(struct reader *r, size_t n)
{
    if (n > r->left)
        return 0;
    r->p += n;
    r->left -= n;
    return 1;
}

/* Reads a big-endian number of `size` bytes. */
static int number(struct reader *r, size_t size, size_t *out)
{
    if (size > r->left)
        return 0;
    *out = 0;
    for (size_t i = 0; i < size; i++)
        *out = (*out << 8) | r->p[i];
    return skip(r, size);
}

/* Splits off a vector with a `size`-byte length prefix into *v. */
static int vector(struct reader *r, size_t size, struct reader *v)
{
    size_t len;
    if (!number(r, size, &len) || len > r->left)
        return 0;
    v->p = r->p;
    v->left = len;
    return skip(r, len);
}

/* The ClientHello's extensions, in *ext; 0 if malformed. */
static int extensions(struct reader r, struct reader *ext)
{
    struct reader v;
    size_t type, len;
    return number(&r, 1, &type) && type == CLIENT_HELLO &&
           number(&r, 3, &len) && len == r.left && skip(&r, 2 + 32) &&
           vector(&r, 1, &v) && vector(&r, 2, &v) && vector(&r, 1, &v) &&
           vector(&r, 2, ext);
}

static int acceptable(const unitls_ctx *ctx, struct reader versions)
{
    size_t v;
    while (number(&versions, 2, &v))
        if ((int)v >= ctx->min_version && (int)v <= ctx->max_version)
            return 1;
    return 0;
}

/* The body of the ClientHello's extension `wanted`, in *body; 0 if it has
 * none or is malformed. */
static int find_extension(const unsigned char *hello, size_t len,
                          size_t wanted, struct reader *body)
{
    struct reader r;
    size_t type;
    if (!extensions((struct reader){hello, len}, &r))
        return 0;
    while (number(&r, 2, &type) && vector(&r, 2, body))
        if (type == wanted)
            return 1;
    return 0;
}

/* 1 if a TLS 1.2-only server gets a ClientHello that offers
 * supported_versions with nothing it accepts. */
static int refuses(const unitls_ctx *ctx, const unsigned char *hello,
                   size_t len)
{
    struct reader ext, versions;
    return ctx->max_version < UNITLS_TLS1_3 &&
           find_extension(hello, len, EXT_SUPPORTED_VERSIONS, &ext) &&
           vector(&ext, 1, &versions) && !acceptable(ctx, versions);
}

/* WOLF_HELLO_NO_GROUP when no group is shared and the handshake cannot
 * succeed: wolfSSL would go on with a group that is not the server's. */
static enum wolf_hello_refusal choose_group(struct wolf_conn *wc,
                                            const unsigned char *hello,
                                            size_t len)
{
    struct reader groups, versions;
    if (!find_extension(hello, len, EXT_SUPPORTED_GROUPS, &groups))
        return WOLF_HELLO_ACCEPTED;
    if (!find_extension(hello, len, EXT_SUPPORTED_VERSIONS, &versions))
        versions = (struct reader){NULL, 0};
    return wolf_groups_choose(wc, groups.p, groups.left, versions.p,
                              versions.left) == UT_GROUPS_NONE_SHARED
               ? WOLF_HELLO_NO_GROUP
               : WOLF_HELLO_ACCEPTED;
}

/* The record length once the header is in, else the header size. */
static size_t wanted(const struct wolf_hello *h)
{
    if (h->len < RECORD_HEADER)
        return RECORD_HEADER;
    return RECORD_HEADER + ((size_t)h->buf[3] << 8 | h->buf[4]);
}

static void complete(struct wolf_conn *wc)
{
    struct wolf_hello *h = &wc->hello;
    h->complete = 1;
    if (h->len <= RECORD_HEADER || h->buf[0] != HANDSHAKE)
        return;
    const unsigned char *hello = h->buf + RECORD_HEADER;
    size_t len = h->len - RECORD_HEADER;
    h->refused = refuses(wc->conn->ctx, hello, len)
                     ? WOLF_HELLO_NO_VERSION
                     : choose_group(wc, hello, len);
}

/* Reads until the first record is in; UNITLS_OK or a CBIO code. */
static int read_record(struct wolf_conn *wc)
{
    struct wolf_hello *h = &wc->hello;
    while (!h->complete) {
        size_t need = wanted(h);
        unsigned char *grown =
            need <= MAX_RECORD ? realloc(h->buf, need) : NULL;
        if (grown == NULL) {
            h->complete = 1; /* too large to look at: hand it over as is */
            break;
        }
        h->buf = grown;
        int n = wolf_io_recv_raw(wc, grown + h->len, need - h->len);
        if (n <= 0)
            return n; /* WOLF_IO_REFUSED too: not TLS at all */
        h->len += (size_t)n;
        /* Only a handshake record has a header worth waiting on. */
        if (h->len >= RECORD_HEADER &&
            (h->buf[0] != HANDSHAKE || h->len == wanted(h)))
            complete(wc);
    }
    return UNITLS_OK;
}

int wolf_hello_recv(struct wolf_conn *wc, unsigned char *buf, size_t sz)
{
    struct wolf_hello *h = &wc->hello;
    int rc = read_record(wc);
    if (rc != UNITLS_OK)
        return rc;
    if (h->refused)
        return WOLF_IO_REFUSED;
    size_t left = h->len - h->served;
    size_t take = left < sz ? left : sz;
    memcpy(buf, h->buf + h->served, take);
    h->served += take;
    if (h->served == h->len) {
        wolf_hello_free(wc);
        h->done = 1;
    }
    return (int)take;
}

int wolf_hello_pending(const struct wolf_conn *wc)
{
    const unitls_ctx *ctx = wc->conn->ctx;
    return !wc->hello.done && ctx->role == UNITLS_ROLE_SERVER;
}

void wolf_hello_free(struct wolf_conn *wc)
{
    free(wc->hello.buf);
    wc->hello.buf = NULL;
}
