#include "synthcert.h"

#include <stdlib.h>
#include <string.h>

/* A growable byte buffer; on allocation failure `failed` is set and writes
 * are dropped, so builders need no error paths. */
struct buf {
    unsigned char *p;
    size_t len, cap;
    int failed;
};

static void put(struct buf *b, const void *data, size_t n)
{
    if (b->failed || n == 0)
        return;
    if (b->len + n > b->cap) {
        size_t cap = (b->len + n) * 2 + 64;
        unsigned char *p = realloc(b->p, cap);
        if (p == NULL) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, data, n);
    b->len += n;
}

/* Appends tag, DER length and content. */
static void tlv(struct buf *out, unsigned char tag, const void *data, size_t n)
{
    unsigned char hdr[6] = {tag};
    size_t h = 1;

    if (n < 0x80) {
        hdr[h++] = (unsigned char)n;
    } else if (n < 0x100) {
        hdr[h++] = 0x81;
        hdr[h++] = (unsigned char)n;
    } else {
        hdr[h++] = 0x82;
        hdr[h++] = (unsigned char)(n >> 8);
        hdr[h++] = (unsigned char)n;
    }
    put(out, hdr, h);
    put(out, data, n);
}

/* Moves `inner` into `out` as one constructed element. */
static void wrap(struct buf *out, unsigned char tag, struct buf *inner)
{
    tlv(out, tag, inner->p, inner->len);
    out->failed |= inner->failed;
    free(inner->p);
    memset(inner, 0, sizeof(*inner));
}

#define SEQ 0x30
#define SET 0x31

static const unsigned char oid_cn[] = {0x06, 0x03, 0x55, 0x04, 0x03};
static const unsigned char oid_san[] = {0x06, 0x03, 0x55, 0x1d, 0x11};
static const unsigned char alg_ecdsa_sha256[] = {
    0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02};
/* version [0] v3, serial 0x2A */
static const unsigned char version_serial[] = {0xa0, 0x03, 0x02, 0x01, 0x02,
                                               0x02, 0x01, 0x2a};
static const unsigned char validity[] = {
    0x30, 0x20, 0x17, 0x0d, '2', '5', '0', '1', '0', '1', '0', '0', '0',
    '0', '0', '0', 'Z', 0x18, 0x0f, '2', '1', '2', '5', '0', '1', '0',
    '1', '0', '0', '0', '0', '0', '0', 'Z'};
/* server.crt's public key (any valid P-256 point would do). */
static const unsigned char spki[] = {
    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02,
    0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03,
    0x42, 0x00, 0x04, 0x92, 0x61, 0xf0, 0x7e, 0xa5, 0x67, 0xb9, 0xd0, 0xef,
    0xd1, 0x9a, 0xb2, 0x98, 0x12, 0x15, 0x69, 0xc4, 0x0d, 0x68, 0xae, 0xcc,
    0x1f, 0x34, 0xe2, 0x14, 0xf8, 0xe5, 0x2d, 0xbf, 0x86, 0x3e, 0x02, 0x77,
    0x06, 0x33, 0x99, 0x7b, 0xd9, 0x53, 0x8c, 0x8c, 0x98, 0x0f, 0x75, 0x8f,
    0x00, 0xca, 0x0b, 0xaa, 0x51, 0x60, 0x90, 0xfe, 0xbb, 0xea, 0xdc, 0x6d,
    0x71, 0x05, 0x9d, 0x7b, 0xb3, 0x3d, 0x6a};
/* BIT STRING holding ECDSA-Sig-Value {1, 1}: well-formed, never valid. */
static const unsigned char signature[] = {0x03, 0x09, 0x00, 0x30, 0x06, 0x02,
                                          0x01, 0x01, 0x02, 0x01, 0x01};

/* Name ::= SEQUENCE OF RDN; one commonName, or empty. */
static void put_name(struct buf *out, const char *cn, size_t cn_len)
{
    struct buf atv = {0}, rdn = {0}, name = {0};

    if (cn != NULL) {
        put(&atv, oid_cn, sizeof(oid_cn));
        tlv(&atv, 0x0c, cn, cn_len); /* UTF8String */
        wrap(&rdn, SEQ, &atv);
        wrap(&name, SET, &rdn);
    }
    wrap(out, SEQ, &name);
}

/* [3] { SEQUENCE { Extension subjectAltName } } */
static void put_san_extension(struct buf *out, const struct synth_spec *s)
{
    struct buf names = {0}, octets = {0}, ext = {0}, exts = {0}, expl = {0};

    if (s->san_kind == SYNTH_SAN_DNS)
        tlv(&names, 0x82, s->san, s->san_len);
    else if (s->san_kind == SYNTH_SAN_IP)
        tlv(&names, 0x87, s->san, s->san_len);
    wrap(&octets, SEQ, &names);
    put(&ext, oid_san, sizeof(oid_san));
    wrap(&ext, 0x04, &octets);
    wrap(&exts, SEQ, &ext);
    wrap(&expl, SEQ, &exts);
    wrap(out, 0xa3, &expl);
}

static void put_tbs(struct buf *out, const struct synth_spec *s)
{
    static const char issuer[] = "unitls synthetic issuer";
    struct buf tbs = {0};

    put(&tbs, version_serial, sizeof(version_serial));
    put(&tbs, alg_ecdsa_sha256, sizeof(alg_ecdsa_sha256));
    put_name(&tbs, issuer, sizeof(issuer) - 1);
    put(&tbs, validity, sizeof(validity));
    put_name(&tbs, s->cn, s->cn_len);
    put(&tbs, spki, sizeof(spki));
    if (s->san_kind != SYNTH_NO_SAN)
        put_san_extension(&tbs, s);
    wrap(out, SEQ, &tbs);
}

unsigned char *synth_cert_der(const struct synth_spec *spec, size_t *len)
{
    struct buf body = {0}, cert = {0};

    put_tbs(&body, spec);
    put(&body, alg_ecdsa_sha256, sizeof(alg_ecdsa_sha256));
    put(&body, signature, sizeof(signature));
    wrap(&cert, SEQ, &body);
    if (cert.failed) {
        free(cert.p);
        return NULL;
    }
    *len = cert.len;
    return cert.p;
}
