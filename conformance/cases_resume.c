/* Session resumption (issue 8): a client takes the session of one
 * connection and offers it on the next to the same server context. The
 * stated answers (unitls/session.h): the first connection is a full
 * handshake, the second resumes on both sides with the same version and
 * suite; its peer certificate is the session's leaf, its chain as sent that
 * leaf alone, its verified chain empty. Sessions survive their bytes. A
 * session is refused (UNITLS_E_INVALID_ARG) on a connection to another
 * name; a ticket of a key rotated out twice, of another server context, or
 * of a server with tickets off is not resumed and costs no error. In
 * TLS 1.3 the session exists only after the first read; in TLS 1.2 right
 * after the handshake; a ticket arriving after unitls_conn_shutdown() is
 * not kept, and after it the session is the one it froze. */
#include <stdio.h>
#include <string.h>

#include "outcome.h"
#include "pair.h"
#include "pki.h"
#include "resume_run.h"
#include "suites.h"

#define TLS13 "TLSv1.3"
#define TLS12 "TLSv1.2"

/* Records one connection; `reused` is what both sides must report. */
static void record(struct outcome *o, const char *tag,
                   const struct rs_result *r, int reused, const char *version,
                   const char *cipher)
{
    char key[64];
#define KEY(k) (snprintf(key, sizeof(key), "%s.%s", tag, k), key)
    oc_status(o, KEY("c_hs"), r->c_hs, UNITLS_OK);
    oc_status(o, KEY("s_hs"), r->s_hs, UNITLS_OK);
    oc_int(o, KEY("c_reused"), r->c_reused, reused);
    oc_int(o, KEY("s_reused"), r->s_reused, reused);
    oc_str(o, KEY("version"), r->version, version);
    oc_str(o, KEY("cipher"), r->cipher, cipher);
    oc_str(o, KEY("peer"), r->peer_cn, CN_SERVER);
    oc_int(o, KEY("peer_chain"), (long long)r->peer_chain, reused ? 1 : 2);
    oc_int(o, KEY("verified_chain"), (long long)r->verified_chain,
           reused ? 0 : 3);
    oc_int(o, KEY("verify_errors"), (long long)r->verify_errors, 0);
    oc_status(o, KEY("take"), r->take, UNITLS_OK);
    oc_status(o, KEY("take_closed"), r->take_closed, UNITLS_OK);
#undef KEY
}

/* Full handshake, then the session offered on a second connection. */
static void resume_twice(const char *id, int max_version,
                         const char *version, const char *cipher)
{
    struct outcome o;
    oc_init(&o, id, "");
    unitls_ctx *srv = rs_server_ctx(max_version);
    unitls_ctx *cli = rs_client_ctx(0);
    struct rs_client c = {.ctx = cli, .server_name = "localhost"};
    struct rs_result first, second;
    oc_true(&o, "contexts", srv != NULL && cli != NULL);
    if (srv != NULL && cli != NULL && rs_connect(srv, &c, &first) == 0) {
        record(&o, "first", &first, 0, version, cipher);
        oc_status(&o, "first.take_early", first.take_early,
                  max_version == UNITLS_TLS1_2 ? UNITLS_OK : UNITLS_E_STATE);
        oc_int(&o, "lifetime", unitls_session_lifetime(first.session),
               UNITLS_SESSION_LIFETIME_DEFAULT);
        oc_int(&o, "session_version", unitls_session_version(first.session),
               max_version == UNITLS_TLS1_2 ? UNITLS_TLS1_2 : UNITLS_TLS1_3);
        oc_str(&o, "session_peer", unitls_session_peer_name(first.session),
               "localhost");
        c.offer = first.session;
        if (first.session != NULL && rs_connect(srv, &c, &second) == 0) {
            oc_status(&o, "set_session", second.set_session, UNITLS_OK);
            record(&o, "second", &second, 1, version, cipher);
            unitls_session_free(second.session);
        }
        unitls_session_free(first.session);
    }
    /* A ticket arriving after close_notify is not kept: in TLS 1.3 it
     * follows the handshake, so none; in TLS 1.2 it came with it. */
    struct rs_client late = {.ctx = cli, .server_name = "localhost",
                             .close_first = 1};
    struct rs_result closed;
    if (srv != NULL && cli != NULL && rs_connect(srv, &late, &closed) == 0) {
        oc_status(&o, "closed_first.take", closed.take,
                  max_version == UNITLS_TLS1_2 ? UNITLS_OK : UNITLS_E_STATE);
        unitls_session_free(closed.session);
    }
    unitls_ctx_free(srv);
    unitls_ctx_free(cli);
    oc_finish(&o);
}

START_TEST(resume_tls13)
{
    resume_twice("resume.tls13", 0, TLS13, CIPHER13);
}
END_TEST

START_TEST(resume_tls12)
{
    resume_twice("resume.tls12", UNITLS_TLS1_2, TLS12, CIPHER12_ECDSA);
}
END_TEST

/* One session from a first connection of `srv`; NULL on failure. */
static unitls_session *first_session(struct outcome *o, const char *tag,
                                     unitls_ctx *srv, unitls_ctx *cli,
                                     const char *name)
{
    struct rs_client c = {.ctx = cli, .server_name = name};
    struct rs_result r;
    if (srv == NULL || cli == NULL || rs_connect(srv, &c, &r) != 0) {
        oc_fail(o, "first connection could not run");
        return NULL;
    }
    char key[64];
    snprintf(key, sizeof(key), "%s.take", tag);
    oc_status(o, key, r.take, UNITLS_OK);
    return r.session;
}

/* Offers `sess` to `srv`: records set_session, both handshakes and both
 * reused flags. */
static void offer(struct outcome *o, const char *tag, unitls_ctx *srv,
                  unitls_ctx *cli, const char *name,
                  const unitls_session *sess, int want_set, int want_reused)
{
    char key[64];
    struct rs_client c = {.ctx = cli, .server_name = name, .offer = sess};
    struct rs_result r;
    if (sess == NULL || rs_connect(srv, &c, &r) != 0) {
        oc_fail(o, "%s: could not run", tag);
        return;
    }
#define KEY(k) (snprintf(key, sizeof(key), "%s.%s", tag, k), key)
    oc_status(o, KEY("set_session"), r.set_session, want_set);
    oc_status(o, KEY("c_hs"), r.c_hs, UNITLS_OK);
    oc_status(o, KEY("s_hs"), r.s_hs, UNITLS_OK);
    oc_int(o, KEY("c_reused"), r.c_reused, want_reused);
    oc_int(o, KEY("s_reused"), r.s_reused, want_reused);
#undef KEY
    unitls_session_free(r.session);
}

/* A case's outcome, a server and a verifying client context, and the
 * session of one first connection between them. */
struct fixture {
    struct outcome o;
    unitls_ctx *srv, *cli;
    unitls_session *sess;
};

static void fixture_open(struct fixture *f, const char *id)
{
    oc_init(&f->o, id, "");
    f->srv = rs_server_ctx(0);
    f->cli = rs_client_ctx(0);
    f->sess = first_session(&f->o, "made", f->srv, f->cli, "localhost");
}

static void fixture_close(struct fixture *f)
{
    unitls_session_free(f->sess);
    unitls_ctx_free(f->srv);
    unitls_ctx_free(f->cli);
    oc_finish(&f->o);
}

/* The session through its bytes, then resumed. */
START_TEST(resume_bytes_roundtrip)
{
    struct fixture f;
    fixture_open(&f, "resume.bytes_roundtrip");
    unsigned char *bytes = NULL;
    size_t len = 0;
    unitls_session *back = NULL;
    oc_status(&f.o, "to_bytes", unitls_session_to_bytes(f.sess, &bytes, &len),
              UNITLS_OK);
    oc_status(&f.o, "from_bytes", unitls_session_from_bytes(bytes, len, &back),
              UNITLS_OK);
    const char *made_by = unitls_session_provider(back);
    oc_true(&f.o, "provider_is_own",
            made_by != NULL && strcmp(made_by, unitls_provider_name()) == 0);
    oc_str(&f.o, "peer_name", unitls_session_peer_name(back), "localhost");
    oc_int(&f.o, "version", unitls_session_version(back), UNITLS_TLS1_3);
    oc_int(&f.o, "lifetime", unitls_session_lifetime(back),
           UNITLS_SESSION_LIFETIME_DEFAULT);
    offer(&f.o, "resumed", f.srv, f.cli, "localhost", back, UNITLS_OK, 1);
    unitls_free(bytes);
    unitls_session_free(back);
    fixture_close(&f);
}
END_TEST

/* A session for "localhost" is refused on a connection to 127.0.0.1 (the
 * same server, another identity) and not offered; the names of a
 * connection offering it cannot move to another identity either. */
START_TEST(resume_other_name)
{
    struct fixture f;
    fixture_open(&f, "resume.other_name");
    offer(&f.o, "other_name", f.srv, f.cli, "127.0.0.1", f.sess,
          UNITLS_E_INVALID_ARG, 0);
    offer(&f.o, "same_name_other_case", f.srv, f.cli, "LOCALHOST", f.sess,
          UNITLS_OK, 1);
    unitls_conn *conn = unitls_conn_new(f.cli);
    oc_status(&f.o, "no_name", unitls_conn_set_session(conn, f.sess),
              UNITLS_E_INVALID_ARG);
    oc_status(&f.o, "name", unitls_conn_set_server_name(conn, "localhost"),
              UNITLS_OK);
    oc_status(&f.o, "offer", unitls_conn_set_session(conn, f.sess), UNITLS_OK);
    oc_status(&f.o, "rename", unitls_conn_set_server_name(conn, "127.0.0.1"),
              UNITLS_E_INVALID_ARG);
    oc_status(&f.o, "verify_name",
              unitls_conn_set_verify_name(conn, "other.test.example"),
              UNITLS_E_INVALID_ARG);
    oc_status(&f.o, "same_verify_name",
              unitls_conn_set_verify_name(conn, "localhost"), UNITLS_OK);
    unitls_conn_free(conn);
    fixture_close(&f);
}
END_TEST

/* One rotation: the previous key still decrypts. Two: it does not, and
 * the handshake is a full one without error. */
START_TEST(resume_key_rotation)
{
    struct fixture f;
    fixture_open(&f, "resume.key_rotation");
    oc_status(&f.o, "rotate1", unitls_ctx_rotate_ticket_key(f.srv), UNITLS_OK);
    offer(&f.o, "after_one", f.srv, f.cli, "localhost", f.sess, UNITLS_OK, 1);
    oc_status(&f.o, "rotate2", unitls_ctx_rotate_ticket_key(f.srv), UNITLS_OK);
    offer(&f.o, "after_two", f.srv, f.cli, "localhost", f.sess, UNITLS_OK, 0);
    fixture_close(&f);
}
END_TEST

/* Another server context has another key: not resumed. Two contexts given
 * the same key resume each other's tickets. */
START_TEST(resume_other_server)
{
    struct outcome o;
    oc_init(&o, "resume.other_server", "");
    unitls_ctx *a = rs_server_ctx(0), *b = rs_server_ctx(0);
    unitls_ctx *c = rs_server_ctx(0), *cli = rs_client_ctx(0);
    unsigned char key[UNITLS_TICKET_KEY_LEN];
    for (size_t i = 0; i < sizeof(key); i++)
        key[i] = (unsigned char)(i * 7 + 3);
    unitls_session *sess = first_session(&o, "from_a", a, cli, "localhost");
    offer(&o, "other_key", b, cli, "localhost", sess, UNITLS_OK, 0);
    oc_status(&o, "set_key_b", unitls_ctx_set_ticket_key(b, key, sizeof(key)),
              UNITLS_OK);
    oc_status(&o, "set_key_c", unitls_ctx_set_ticket_key(c, key, sizeof(key)),
              UNITLS_OK);
    unitls_session *from_b = first_session(&o, "from_b", b, cli, "localhost");
    offer(&o, "shared_key", c, cli, "localhost", from_b, UNITLS_OK, 1);
    oc_status(&o, "short_key", unitls_ctx_set_ticket_key(c, key, 79),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "null_key", unitls_ctx_set_ticket_key(c, NULL, 80),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "client_key",
              unitls_ctx_set_ticket_key(cli, key, sizeof(key)),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "client_rotate", unitls_ctx_rotate_ticket_key(cli),
              UNITLS_E_INVALID_ARG);
    unitls_session_free(from_b);
    unitls_session_free(sess);
    unitls_ctx_free(a);
    unitls_ctx_free(b);
    unitls_ctx_free(c);
    unitls_ctx_free(cli);
    oc_finish(&o);
}
END_TEST

/* Tickets off: no session in TLS 1.3 or TLS 1.2, and a ticket of the same
 * key (from a context with tickets on) is not resumed. A server asking for
 * client certificates issues none either. */
START_TEST(resume_tickets_off)
{
    struct outcome o;
    oc_init(&o, "resume.tickets_off", "");
    unitls_ctx *on = rs_server_ctx(0), *off = rs_server_ctx(0);
    unitls_ctx *asks = rs_server_ctx(0), *cli = rs_client_ctx(0);
    unsigned char key[UNITLS_TICKET_KEY_LEN] = {1, 2, 3};
    oc_status(&o, "off", unitls_ctx_set_session_tickets(off, 0), UNITLS_OK);
    oc_status(&o, "key_on", unitls_ctx_set_ticket_key(on, key, sizeof(key)),
              UNITLS_OK);
    oc_status(&o, "key_off", unitls_ctx_set_ticket_key(off, key, sizeof(key)),
              UNITLS_OK);
    oc_status(&o, "asks_optional",
              unitls_ctx_set_verify_mode(asks, UNITLS_VERIFY_OPTIONAL),
              UNITLS_OK);
    oc_status(&o, "asks_trust",
              unitls_ctx_load_verify_file(asks, pki_path("root-ca.crt").s),
              UNITLS_OK);
    unitls_ctx *cli12 = rs_client_ctx(UNITLS_TLS1_2);
    const struct {
        const char *tag;
        unitls_ctx *srv, *cli;
    } none[] = {{"off13", off, cli}, {"off12", off, cli12},
                {"asks13", asks, cli}, {"asks12", asks, cli12}};
    for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
        struct rs_client c = {.ctx = none[i].cli, .server_name = "localhost"};
        struct rs_result r;
        char key_name[32];
        if (rs_connect(none[i].srv, &c, &r) != 0)
            continue;
        snprintf(key_name, sizeof(key_name), "%s.c_hs", none[i].tag);
        oc_status(&o, key_name, r.c_hs, UNITLS_OK);
        snprintf(key_name, sizeof(key_name), "%s.take", none[i].tag);
        oc_status(&o, key_name, r.take, UNITLS_E_STATE);
        unitls_session_free(r.session);
    }
    unitls_session *sess = first_session(&o, "on", on, cli, "localhost");
    offer(&o, "offered_to_off", off, cli, "localhost", sess, UNITLS_OK, 0);
    unitls_session_free(sess);
    unitls_ctx_free(on);
    unitls_ctx_free(off);
    unitls_ctx_free(asks);
    unitls_ctx_free(cli);
    unitls_ctx_free(cli12);
    oc_finish(&o);
}
END_TEST

/* The lifetime a server sets is what its tickets advertise (TLS 1.3 and
 * TLS 1.2); out-of-range values change nothing. Expiry itself is not
 * tested: it would take waiting. */
START_TEST(resume_lifetime)
{
    struct outcome o;
    oc_init(&o, "resume.lifetime", "");
    unitls_ctx *srv = rs_server_ctx(0), *srv12 = rs_server_ctx(UNITLS_TLS1_2);
    unitls_ctx *cli = rs_client_ctx(0);
    oc_status(&o, "zero", unitls_ctx_set_session_lifetime(srv, 0),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "too_long",
              unitls_ctx_set_session_lifetime(
                  srv, UNITLS_SESSION_LIFETIME_MAX + 1),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "max",
              unitls_ctx_set_session_lifetime(srv,
                                              UNITLS_SESSION_LIFETIME_MAX),
              UNITLS_OK);
    oc_status(&o, "set", unitls_ctx_set_session_lifetime(srv, 300),
              UNITLS_OK);
    oc_status(&o, "set12", unitls_ctx_set_session_lifetime(srv12, 301),
              UNITLS_OK);
    oc_status(&o, "client", unitls_ctx_set_session_lifetime(cli, 300),
              UNITLS_E_INVALID_ARG);
    unitls_session *s13 = first_session(&o, "tls13", srv, cli, "localhost");
    unitls_session *s12 = first_session(&o, "tls12", srv12, cli, "localhost");
    oc_int(&o, "lifetime13", unitls_session_lifetime(s13), 300);
    oc_int(&o, "lifetime12", unitls_session_lifetime(s12), 301);
    oc_status(&o, "in_use", unitls_ctx_set_session_lifetime(srv, 60),
              UNITLS_E_STATE);
    oc_status(&o, "tickets_in_use", unitls_ctx_set_session_tickets(srv, 0),
              UNITLS_E_STATE);
    unitls_session_free(s13);
    unitls_session_free(s12);
    unitls_ctx_free(srv);
    unitls_ctx_free(srv12);
    unitls_ctx_free(cli);
    oc_finish(&o);
}
END_TEST

/* A session made without verifying the server is refused on a context
 * that verifies; a verified one may be offered by a context that does
 * not. */
START_TEST(resume_verification)
{
    struct outcome o;
    oc_init(&o, "resume.verification", "");
    unitls_ctx *srv = rs_server_ctx(0), *cli = rs_client_ctx(0);
    unitls_ctx *blind = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    oc_status(&o, "blind_mode",
              unitls_ctx_set_verify_mode(blind, UNITLS_VERIFY_NONE),
              UNITLS_OK);
    unitls_session *unverified =
        first_session(&o, "blind", srv, blind, "localhost");
    unitls_session *verified =
        first_session(&o, "verifying", srv, cli, "localhost");
    offer(&o, "unverified_to_verifying", srv, cli, "localhost", unverified,
          UNITLS_E_INVALID_ARG, 0);
    offer(&o, "unverified_to_blind", srv, blind, "localhost", unverified,
          UNITLS_OK, 1);
    offer(&o, "verified_to_blind", srv, blind, "localhost", verified,
          UNITLS_OK, 1);
    unitls_session_free(unverified);
    unitls_session_free(verified);
    unitls_ctx_free(srv);
    unitls_ctx_free(cli);
    unitls_ctx_free(blind);
    oc_finish(&o);
}
END_TEST

/* Offset of the backend session in valid envelope bytes (session_codec.h:
 * 12 fixed bytes, two 1-byte-length strings, the 4-byte-length leaf, the
 * 4-byte length of the backend part). */
static size_t backend_offset(const unsigned char *b, size_t len)
{
    size_t at = 12;
    at += 1 + b[at];
    at += 1 + (at < len ? b[at] : 0);
    if (at + 4 > len)
        return len;
    size_t leaf = ((size_t)b[at] << 24) | ((size_t)b[at + 1] << 16) |
                  ((size_t)b[at + 2] << 8) | b[at + 3];
    at += 4 + leaf + 4;
    return at < len ? at : len;
}

static int parse_status(const void *data, size_t len)
{
    unitls_session *s = NULL;
    int rc = unitls_session_from_bytes(data, len, &s);
    unitls_session_free(s);
    return rc;
}

/* Bytes from disk are checked strictly: every truncation, a byte too
 * many, garbage, an oversized input, another format version, an unknown
 * flag and an unreadable backend session are UNITLS_E_PARSE. Another
 * provider's bytes parse, round-trip, and are refused when offered. */
START_TEST(resume_bad_bytes)
{
    struct fixture f;
    fixture_open(&f, "resume.bad_bytes");
    unsigned char *b = NULL;
    size_t len = 0;
    oc_status(&f.o, "to_bytes", unitls_session_to_bytes(f.sess, &b, &len),
              UNITLS_OK);
    static unsigned char big[UNITLS_SESSION_BYTES_MAX + 1];
    if (b != NULL && len + 1 <= sizeof(big)) {
        size_t bad = 0;
        for (size_t n = 0; n < len; n++)
            bad += parse_status(b, n) != UNITLS_E_PARSE;
        oc_int(&f.o, "truncations_accepted", (long long)bad, 0);
        memcpy(big, b, len);
        big[len] = 0;
        oc_status(&f.o, "trailing", parse_status(big, len + 1), UNITLS_E_PARSE);
        fill_pattern(big, sizeof(big));
        oc_status(&f.o, "garbage", parse_status(big, 300), UNITLS_E_PARSE);
        memcpy(big, b, len);
        oc_status(&f.o, "oversized", parse_status(big, sizeof(big)),
                  UNITLS_E_PARSE);
        big[4] = 2;
        oc_status(&f.o, "format2", parse_status(big, len), UNITLS_E_PARSE);
        big[4] = b[4];
        big[5] |= 0x80;
        oc_status(&f.o, "flag", parse_status(big, len), UNITLS_E_PARSE);
        big[5] = b[5];
        size_t at = backend_offset(b, len);
        memset(big + at, 0xff, len - at);
        oc_status(&f.o, "backend_garbage", parse_status(big, len),
                  UNITLS_E_PARSE);
        memcpy(big, b, len);
        big[13] = 'z'; /* the provider's name: another one's */
        unitls_session *foreign = NULL;
        unsigned char *again = NULL;
        size_t again_len = 0;
        oc_status(&f.o, "foreign",
                  unitls_session_from_bytes(big, len, &foreign), UNITLS_OK);
        oc_true(&f.o, "foreign_named",
                foreign != NULL && unitls_session_provider(foreign)[0] == 'z');
        oc_status(&f.o, "foreign_to_bytes",
                  unitls_session_to_bytes(foreign, &again, &again_len),
                  UNITLS_OK);
        oc_true(&f.o, "foreign_same_bytes",
                again_len == len && memcmp(again, big, len) == 0);
        offer(&f.o, "foreign_offered", f.srv, f.cli, "localhost", foreign,
              UNITLS_E_INVALID_ARG, 0);
        unitls_free(again);
        unitls_session_free(foreign);
    }
    unitls_free(b);
    fixture_close(&f);
}
END_TEST

/* Arguments and states, decided before any provider is asked. */
START_TEST(resume_misuse)
{
    struct outcome o;
    oc_init(&o, "resume.misuse", "");
    unitls_ctx *srv = rs_server_ctx(0), *cli = rs_client_ctx(0);
    unitls_conn *sc = unitls_conn_new(srv), *cc = unitls_conn_new(cli);
    unitls_session *s = NULL;
    unsigned char *buf = NULL;
    size_t len = 0;
    oc_status(&o, "take_null_conn", unitls_conn_session(NULL, &s),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "take_null_out", unitls_conn_session(cc, NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "take_before_handshake", unitls_conn_session(cc, &s),
              UNITLS_E_STATE);
    oc_true(&o, "take_failed_null", s == NULL);
    oc_status(&o, "take_server", unitls_conn_session(sc, &s),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "set_null", unitls_conn_set_session(cc, NULL),
              UNITLS_E_INVALID_ARG);
    oc_int(&o, "reused_null", unitls_conn_session_reused(NULL), 0);
    oc_int(&o, "reused_new", unitls_conn_session_reused(cc), 0);
    oc_status(&o, "from_null", unitls_session_from_bytes(NULL, 4, &s),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "from_empty", unitls_session_from_bytes("", 0, &s),
              UNITLS_E_PARSE);
    oc_status(&o, "to_null", unitls_session_to_bytes(NULL, &buf, &len),
              UNITLS_E_INVALID_ARG);
    oc_true(&o, "getters_null",
            unitls_session_peer_name(NULL) == NULL &&
                unitls_session_provider(NULL) == NULL &&
                unitls_session_version(NULL) == 0 &&
                unitls_session_lifetime(NULL) == 0);
    oc_status(&o, "tickets_client", unitls_ctx_set_session_tickets(cli, 1),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "tickets_null", unitls_ctx_set_session_tickets(NULL, 1),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "rotate_null", unitls_ctx_rotate_ticket_key(NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "rotate_in_use", unitls_ctx_rotate_ticket_key(srv),
              UNITLS_OK);
    unitls_session_free(NULL);
    unitls_conn_free(sc);
    unitls_conn_free(cc);
    unitls_ctx_free(srv);
    unitls_ctx_free(cli);
    oc_finish(&o);
}
END_TEST

Suite *suite_resume(void)
{
    Suite *s = suite_create("resume");
    TCase *tc = conf_tcase("resume");

    tcase_add_test(tc, resume_tls13);
    tcase_add_test(tc, resume_tls12);
    tcase_add_test(tc, resume_bytes_roundtrip);
    tcase_add_test(tc, resume_other_name);
    tcase_add_test(tc, resume_key_rotation);
    tcase_add_test(tc, resume_other_server);
    tcase_add_test(tc, resume_tickets_off);
    tcase_add_test(tc, resume_lifetime);
    tcase_add_test(tc, resume_verification);
    tcase_add_test(tc, resume_bad_bytes);
    resume_forged_add(tc);
    tcase_add_test(tc, resume_misuse);
    suite_add_tcase(s, tc);
    return s;
}
