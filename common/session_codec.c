/* The session envelope (session_codec.h): a bounded writer and a strict
 * reader. The bytes come from disk, so the reader trusts nothing. */
#include "session_codec.h"

#include "sha.h"

#include <stdlib.h>
#include <string.h>

#include <unitls/session.h>
#include <unitls/status.h>

static const unsigned char magic[4] = {'U', 'T', 'S', 'S'};
enum { FORMAT = 1, PROVIDER_MAX = 32, PEER_NAME_MAX = 253, FIXED = 12 };
enum { DIGEST = UT_SHA256_LEN };

static int provider_ok(const char *s, size_t n)
{
    if (n == 0 || n > PROVIDER_MAX)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')))
            return 0;
    return 1;
}

static int peer_name_ok(const char *s, size_t n)
{
    if (n > PEER_NAME_MAX)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] <= 0x20 || s[i] >= 0x7f)
            return 0;
    return 1;
}

static int fields_ok(const struct ut_session_fields *f)
{
    return (f->flags & ~UT_SESSION_VERIFIED) == 0 &&
           (f->version == 0x0303 || f->version == 0x0304) &&
           provider_ok(f->provider, f->provider_len) &&
           peer_name_ok(f->peer_name, f->peer_name_len) &&
           f->backend_len > 0;
}

static unsigned char *put(unsigned char *p, uint32_t v, int bytes)
{
    for (int i = bytes - 1; i >= 0; i--)
        *p++ = (unsigned char)(v >> (8 * i));
    return p;
}

static unsigned char *put_bytes(unsigned char *p, const void *src, size_t n,
                                int len_bytes)
{
    p = put(p, (uint32_t)n, len_bytes);
    if (n > 0)
        memcpy(p, src, n);
    return p + n;
}

int ut_session_encode(const struct ut_session_fields *f, unsigned char **out,
                      size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    size_t total = FIXED + 1 + f->provider_len + 1 + f->peer_name_len + 4 +
                   f->leaf_len + 4 + f->backend_len + DIGEST;
    if (!fields_ok(f) || f->leaf_len > UNITLS_SESSION_BYTES_MAX ||
        f->backend_len > UNITLS_SESSION_BYTES_MAX ||
        total > UNITLS_SESSION_BYTES_MAX)
        return UNITLS_E_INVALID_ARG;
    unsigned char *buf = malloc(total), *p = buf;
    if (buf == NULL)
        return UNITLS_E_NOMEM;
    memcpy(p, magic, sizeof(magic));
    p += sizeof(magic);
    p = put(p, FORMAT, 1);
    p = put(p, f->flags, 1);
    p = put(p, (uint32_t)f->version, 2);
    p = put(p, f->lifetime, 4);
    p = put_bytes(p, f->provider, f->provider_len, 1);
    p = put_bytes(p, f->peer_name, f->peer_name_len, 1);
    p = put_bytes(p, f->leaf, f->leaf_len, 4);
    p = put_bytes(p, f->backend, f->backend_len, 4);
    ut_sha256(f->backend, f->backend_len, p);
    *out = buf;
    *out_len = total;
    return UNITLS_OK;
}

/* A cursor over the input: every read checks what is left. */
struct reader {
    const unsigned char *p;
    size_t left;
};

static int get(struct reader *r, int bytes, uint32_t *v)
{
    if (r->left < (size_t)bytes)
        return 0;
    *v = 0;
    for (int i = 0; i < bytes; i++)
        *v = (*v << 8) | *r->p++;
    r->left -= (size_t)bytes;
    return 1;
}

static int get_bytes(struct reader *r, int len_bytes, const void **out,
                     size_t *n)
{
    uint32_t len;
    if (!get(r, len_bytes, &len) || r->left < len)
        return 0;
    *out = r->p;
    *n = len;
    r->p += len;
    r->left -= len;
    return 1;
}

int ut_session_decode(const unsigned char *data, size_t len,
                      struct ut_session_fields *f)
{
    memset(f, 0, sizeof(*f));
    if (len < FIXED + DIGEST || len > UNITLS_SESSION_BYTES_MAX ||
        memcmp(data, magic, sizeof(magic)) != 0)
        return UNITLS_E_PARSE;
    const unsigned char *digest = data + len - DIGEST;
    len -= DIGEST;
    struct reader r = {data + sizeof(magic), len - sizeof(magic)};
    uint32_t format, flags, version;
    const void *provider, *peer, *leaf, *backend;
    if (!get(&r, 1, &format) || format != FORMAT || !get(&r, 1, &flags) ||
        !get(&r, 2, &version) || !get(&r, 4, &f->lifetime) ||
        !get_bytes(&r, 1, &provider, &f->provider_len) ||
        !get_bytes(&r, 1, &peer, &f->peer_name_len) ||
        !get_bytes(&r, 4, &leaf, &f->leaf_len) ||
        !get_bytes(&r, 4, &backend, &f->backend_len) || r.left != 0)
        return UNITLS_E_PARSE;
    f->flags = flags;
    f->version = (int)version;
    f->provider = provider;
    f->peer_name = peer;
    f->leaf = leaf;
    f->backend = backend;
    if (!fields_ok(f))
        return UNITLS_E_PARSE;
    unsigned char sum[DIGEST];
    ut_sha256(f->backend, f->backend_len, sum);
    return memcmp(sum, digest, DIGEST) == 0 ? UNITLS_OK : UNITLS_E_PARSE;
}
