/* Forged session bytes (issue 8's session files): an envelope whose digest
 * is right, because anyone can compute it, around backend bytes that no
 * backend wrote. The stated answer, on every provider: UNITLS_E_PARSE, no
 * session, and no crash or overflow (the sanitizer build runs these too).
 *
 * The backend bytes follow wolfSSL 5.5's own session layout with one
 * length too long for the field it fills (a session ID of 255 bytes, 200
 * certificates, a server ID of 1000 bytes, ...): wolfSSL's reader checks
 * such lengths against the input only, not against the session's arrays.
 * To OpenSSL and BoringSSL the same bytes are not DER. The envelope is
 * written by the library's own encoder (common/session_codec.c, compiled
 * into this program), which computes the digest. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "outcome.h"
#include "pki.h"
#include "session_codec.h"
#include "suites.h"

struct forged {
    unsigned char b[8192];
    size_t len;
};

static void put(struct forged *f, const void *p, size_t n)
{
    if (f->len + n <= sizeof(f->b)) {
        if (p != NULL)
            memcpy(f->b + f->len, p, n);
        else
            memset(f->b + f->len, 0x41, n);
    }
    f->len += n;
}

static void put8(struct forged *f, unsigned v)
{
    unsigned char c = (unsigned char)v;
    put(f, &c, 1);
}

static void put16(struct forged *f, unsigned v)
{
    put8(f, v >> 8);
    put8(f, v & 0xff);
}

/* The lengths a variant sets; the rest is a plausible TLS 1.3 session. */
struct lengths {
    unsigned session_id, chain, cert, server_id, context;
};

/* wolfSSL 5.5's layout (ssl.c, wolfSSL_d2i_SSL_SESSION, Debian's build). */
static void forge(struct forged *f, const struct lengths *l)
{
    f->len = 0;
    put8(f, 1);          /* side: client */
    put(f, NULL, 4 + 4); /* bornOn, timeout */
    put8(f, l->session_id);
    put(f, NULL, l->session_id);
    put(f, NULL, 48); /* master secret */
    put8(f, 1);       /* haveEMS */
    put8(f, 0);       /* no alternative session ID */
    put8(f, l->chain);
    for (unsigned i = 0; i < l->chain; i++) {
        put16(f, l->cert);
        put(f, NULL, l->cert);
    }
    put16(f, 0x0304); /* version */
    put16(f, 0x1301); /* TLS_AES_128_GCM_SHA256 */
    put16(f, l->server_id);
    put(f, NULL, l->server_id);
    put8(f, l->context);
    put(f, NULL, l->context);
    put8(f, 0);        /* peerVerifyRet */
    put16(f, 0x001d);  /* X25519 */
    put(f, NULL, 12);  /* ticketSeen, ticketAdd */
    put8(f, 0);        /* no nonce */
    put16(f, 0);       /* no ticket */
}

/* Wraps `backend` in an envelope for this provider and reads it back. */
static int read_forged(struct outcome *o, const char *key,
                       const unsigned char *backend, size_t len)
{
    const char *provider = unitls_provider_name();
    struct ut_session_fields fields = {
        .version = UNITLS_TLS1_3,
        .lifetime = 7200,
        .provider = provider,
        .provider_len = strlen(provider),
        .peer_name = "localhost",
        .peer_name_len = 9,
        .backend = backend,
        .backend_len = len,
    };
    unsigned char *bytes = NULL;
    size_t bytes_len = 0;
    unitls_session *s = NULL;
    int rc = ut_session_encode(&fields, &bytes, &bytes_len);
    if (rc == UNITLS_OK)
        rc = unitls_session_from_bytes(bytes, bytes_len, &s);
    oc_status(o, key, rc, UNITLS_E_PARSE);
    unitls_session_free(s);
    free(bytes);
    return rc;
}

START_TEST(resume_forged_bytes)
{
    static const struct {
        const char *key;
        struct lengths l;
    } variants[] = {
        {"session_id_255", {255, 0, 0, 0, 0}},
        {"chain_200", {32, 200, 1, 0, 0}},
        {"cert_4000", {32, 1, 4000, 0, 0}},
        {"server_id_1000", {32, 0, 0, 1000, 0}},
        {"context_200", {32, 0, 0, 0, 200}},
    };
    struct outcome o;
    oc_init(&o, "resume.forged_bytes", "");
    static struct forged f;
    long long too_long = 0;
    for (size_t i = 0; i < sizeof(variants) / sizeof(*variants); i++) {
        forge(&f, &variants[i].l);
        if (f.len > sizeof(f.b))
            too_long++;
        else
            read_forged(&o, variants[i].key, f.b, f.len);
    }
    oc_int(&o, "variants_too_long", too_long, 0);
    fill_pattern(f.b, 300);
    read_forged(&o, "pattern_300", f.b, 300);
    memset(f.b, 0xff, 64);
    read_forged(&o, "ones_64", f.b, 64);
    oc_finish(&o);
}
END_TEST

void resume_forged_add(TCase *tc)
{
    tcase_add_test(tc, resume_forged_bytes);
}
