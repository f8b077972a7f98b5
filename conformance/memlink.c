#include "memlink.h"

#include <stdlib.h>
#include <string.h>

#include "pki.h"

enum { MAX_ROUNDS = 64 };

static int stream_read(void *user, void *buf, size_t len, size_t *nread)
{
    struct mem_stream *s = ((struct mem_io *)user)->in;
    size_t left = s->len - s->read;
    if (left == 0)
        return UNITLS_WANT_READ;
    size_t n = len < left ? len : left;
    memcpy(buf, s->buf + s->read, n);
    s->read += n;
    *nread = n;
    return UNITLS_OK;
}

static int stream_write(void *user, const void *buf, size_t len,
                        size_t *nwritten)
{
    struct mem_stream *s = ((struct mem_io *)user)->out;
    if (s->cap - s->len < len) {
        size_t cap = s->cap * 2 + len + 4096;
        unsigned char *grown = realloc(s->buf, cap);
        if (grown == NULL)
            return UNITLS_E_NOMEM;
        s->buf = grown;
        s->cap = cap;
    }
    memcpy(s->buf + s->len, buf, len);
    s->len += len;
    *nwritten = len;
    return UNITLS_OK;
}

unitls_ctx *memlink_client_ctx(void)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    if (ctx != NULL &&
        unitls_ctx_load_verify_file(ctx, pki_path("root-ca.crt").s) !=
            UNITLS_OK) {
        unitls_ctx_free(ctx);
        ctx = NULL;
    }
    return ctx;
}

unitls_ctx *memlink_server_ctx(void)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
    if (ctx != NULL &&
        unitls_ctx_use_certificate_file(ctx, pki_path("server-chain.pem").s,
                                        pki_path("server.key").s,
                                        NULL) != UNITLS_OK) {
        unitls_ctx_free(ctx);
        ctx = NULL;
    }
    return ctx;
}

int memlink_open(struct memlink *l, unitls_ctx *client, unitls_ctx *server)
{
    memset(l, 0, sizeof(*l));
    l->client_hs = l->server_hs = UNITLS_WANT_READ;
    l->client_io.in = &l->s2c;
    l->client_io.out = &l->c2s;
    l->server_io.in = &l->c2s;
    l->server_io.out = &l->s2c;
    if (client == NULL || server == NULL)
        return -1;
    l->client = unitls_conn_new(client);
    l->server = unitls_conn_new(server);
    if (l->client == NULL || l->server == NULL ||
        unitls_conn_set_io(l->client, stream_read, stream_write,
                           &l->client_io) != UNITLS_OK ||
        unitls_conn_set_io(l->server, stream_read, stream_write,
                           &l->server_io) != UNITLS_OK ||
        unitls_conn_set_server_name(l->client, "localhost") != UNITLS_OK)
        return -1;
    return 0;
}

static int wants(int st)
{
    return st == UNITLS_WANT_READ || st == UNITLS_WANT_WRITE;
}

int memlink_handshake(struct memlink *l)
{
    for (int round = 0; round < MAX_ROUNDS; round++) {
        if (!wants(l->client_hs) && !wants(l->server_hs))
            break;
        if (wants(l->client_hs))
            l->client_hs = unitls_conn_handshake(l->client);
        if (wants(l->server_hs))
            l->server_hs = unitls_conn_handshake(l->server);
    }
    return l->client_hs == UNITLS_OK && l->server_hs == UNITLS_OK;
}

int memlink_client_send(struct memlink *l, const void *data, size_t len)
{
    unsigned char got[256];
    size_t n = 0, r = 0;
    if (len > sizeof(got) ||
        unitls_conn_write(l->client, data, len, &n) != UNITLS_OK || n != len)
        return 0;
    for (int round = 0; round < MAX_ROUNDS && r < len; round++) {
        size_t k = 0;
        int st = unitls_conn_read(l->server, got + r, sizeof(got) - r, &k);
        if (st != UNITLS_OK && st != UNITLS_WANT_READ)
            return 0;
        r += k;
    }
    return r == len && memcmp(got, data, len) == 0;
}

void memlink_free(struct memlink *l)
{
    unitls_conn_free(l->client);
    unitls_conn_free(l->server);
    free(l->c2s.buf);
    free(l->s2c.buf);
    memset(l, 0, sizeof(*l));
}

/* A record header (5), a handshake header (4), legacy_version (2). */
enum { RANDOM_AT = 5 + 4 + 2, RANDOM_LEN = 32 };

const unsigned char *memlink_client_random(const struct memlink *l)
{
    const unsigned char *b = l->c2s.buf;
    if (l->c2s.len < RANDOM_AT + RANDOM_LEN || b[0] != 22 || b[5] != 1)
        return NULL;
    return b + RANDOM_AT;
}

/* A big-endian length of n bytes at b. */
static size_t be(const unsigned char *b, int n)
{
    size_t v = 0;
    for (int i = 0; i < n; i++)
        v = v << 8 | b[i];
    return v;
}

/* Skips a vector with an n-byte length at *at; 0 when it runs past end. */
static int skip_vector(const unsigned char *b, size_t end, size_t *at, int n)
{
    if (*at + (size_t)n > end)
        return 0;
    *at += (size_t)n + be(b + *at, n);
    return *at <= end;
}

int memlink_hello_has_extension(const struct memlink *l, unsigned type)
{
    const unsigned char *b = l->c2s.buf;
    if (memlink_client_random(l) == NULL)
        return -1;
    size_t end = 5 + be(b + 3, 2), at = RANDOM_AT + RANDOM_LEN;
    if (end > l->c2s.len || !skip_vector(b, end, &at, 1) ||
        !skip_vector(b, end, &at, 2) || !skip_vector(b, end, &at, 1) ||
        at + 2 > end)
        return -1;
    size_t ext_end = at + 2 + be(b + at, 2);
    if (ext_end > end)
        return -1;
    for (at += 2; at + 4 <= ext_end; at += 4 + be(b + at + 2, 2))
        if (be(b + at, 2) == type)
            return 1;
    return 0;
}

int memlink_server_flight_has(const struct memlink *l, unsigned type)
{
    /* The handshake bytes of the records before ChangeCipherSpec. */
    unsigned char msgs[16384];
    size_t n = 0;
    const unsigned char *b = l->s2c.buf;
    for (size_t at = 0; at + 5 <= l->s2c.len && b[at] == 22;) {
        size_t len = be(b + at + 3, 2);
        if (at + 5 + len > l->s2c.len || n + len > sizeof(msgs))
            return -1;
        memcpy(msgs + n, b + at + 5, len);
        n += len;
        at += 5 + len;
    }
    for (size_t at = 0; at + 4 <= n; at += 4 + be(msgs + at + 1, 3))
        if (msgs[at] == type)
            return 1;
    return n > 0 ? 0 : -1;
}
