/* SNI (RFC 6066, issue 8): the name a client sends is read on the server
 * (NULL when it sends none: no name, or an IP literal); a server's SNI
 * callback can serve another context's certificate, which the client then
 * verifies, while verification of the client stays the first context's;
 * a callback that refuses the name ends the handshake with the fatal alert
 * unrecognized_name (112): UNITLS_E_HANDSHAKE on the server,
 * UNITLS_E_PEER_ALERT on the client. TLS 1.2 and 1.3. */
#include <stdio.h>
#include <string.h>

#include "io.h"
#include "pair.h"
#include "pki.h"
#include "suites.h"

#define ALERT_UNRECOGNIZED_NAME 112
#define OTHER_CHAIN "localhost<unitls Other Test Intermediate CA<unitls Other Test Root CA"
#define OWN_CHAIN "localhost<unitls Test Intermediate CA<unitls Test Root CA"
#define WILDCARD_CHAIN "localhost<unitls Test Intermediate CA<unitls Test Root CA"

/* The server's callback: what it does (side.arg) and what it saw. Only one
 * server runs at a time. */
enum sni_mode {
    SNI_NO_CALLBACK,
    SNI_RECORD,
    SNI_SWITCH_LOCALHOST, /* to other-server, for "localhost" only */
    SNI_SWITCH_RSA,       /* to server-rsa, whatever the name */
    SNI_REFUSE
};

static struct sni_state {
    enum sni_mode mode;
    unitls_ctx *other;  /* other-server's certificate, requires client certs */
    unitls_ctx *client; /* a client context, which cannot be switched to */
    unitls_ctx *bare;   /* a server context without a certificate */
    int calls;
    char seen[256];
    int name_inside;    /* unitls_conn_server_name() == name in the callback */
    int to_client, to_bare, to_other;
} st;

static int sni_callback(void *user, unitls_conn *conn, const char *name)
{
    struct sni_state *s = user;
    const char *inside = unitls_conn_server_name(conn);

    s->calls++;
    snprintf(s->seen, sizeof(s->seen), "%s", name ? name : "-");
    s->name_inside = name ? inside != NULL && strcmp(inside, name) == 0
                          : inside == NULL;
    if (s->mode == SNI_REFUSE)
        return UNITLS_E_INVALID_ARG;
    if (s->mode == SNI_SWITCH_RSA)
        s->to_other = unitls_conn_set_ctx(conn, s->other);
    if (s->mode != SNI_SWITCH_LOCALHOST || name == NULL ||
        strcmp(name, "localhost") != 0)
        return UNITLS_OK;
    s->to_client = unitls_conn_set_ctx(conn, s->client);
    s->to_bare = unitls_conn_set_ctx(conn, s->bare);
    s->to_other = unitls_conn_set_ctx(conn, s->other);
    return UNITLS_OK;
}

/* The context switched to asks for client certificates: a client without
 * one still gets through, since verification stays the first context's. */
static unitls_ctx *other_server(const char *chain, const char *key)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
    if (ctx == NULL ||
        unitls_ctx_use_certificate_file(ctx, pki_path(chain).s,
                                        pki_path(key).s, NULL) != UNITLS_OK ||
        unitls_ctx_load_verify_file(ctx, pki_path("root-ca.crt").s) != UNITLS_OK ||
        unitls_ctx_set_verify_mode(ctx, UNITLS_VERIFY_REQUIRED) != UNITLS_OK) {
        unitls_ctx_free(ctx);
        return NULL;
    }
    return ctx;
}

static int setup_sni(struct end *e)
{
    memset(&st, 0, sizeof(st));
    st.mode = (enum sni_mode)e->cfg->arg;
    st.to_client = st.to_bare = st.to_other = 1; /* not called */
    if (st.mode == SNI_NO_CALLBACK)
        return UNITLS_OK;
    st.other = st.mode == SNI_SWITCH_RSA
                   ? other_server("server-rsa-chain.pem", "server-rsa.key")
                   : other_server("other-server-chain.pem", "other-server.key");
    st.client = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    st.bare = unitls_ctx_new(UNITLS_ROLE_SERVER);
    if (st.other == NULL || st.client == NULL || st.bare == NULL)
        return UNITLS_E_INTERNAL;
    return unitls_ctx_set_sni_callback(e->ctx, sni_callback, &st);
}

static const char *or_dash(const char *s)
{
    return s ? s : "-";
}

/* sarg: the name the server must read ("-": none). The context switched to
 * is freed here, while the connection still uses it. */
static void after_server(struct end *e)
{
    oc_str(&e->o, "server_name", or_dash(unitls_conn_server_name(e->conn)),
           e->cfg->sarg);
    if (st.mode != SNI_NO_CALLBACK) {
        oc_int(&e->o, "sni_calls", st.calls, 1);
        oc_str(&e->o, "sni_seen", st.seen, e->cfg->sarg);
        oc_true(&e->o, "name_inside_callback", st.name_inside);
        oc_status(&e->o, "set_ctx_outside_callback",
                  unitls_conn_set_ctx(e->conn, st.bare), UNITLS_E_STATE);
    }
    if (st.mode == SNI_SWITCH_RSA)
        oc_status(&e->o, "switch", st.to_other, UNITLS_OK);
    if (st.mode == SNI_SWITCH_LOCALHOST && strcmp(e->cfg->sarg, "localhost") == 0) {
        oc_status(&e->o, "switch_to_client_ctx", st.to_client,
                  UNITLS_E_INVALID_ARG);
        oc_status(&e->o, "switch_to_ctx_without_cert", st.to_bare,
                  UNITLS_E_INVALID_ARG);
        oc_status(&e->o, "switch", st.to_other, UNITLS_OK);
        oc_status(&e->o, "switched_ctx_in_use",
                  unitls_ctx_set_verify_mode(st.other, UNITLS_VERIFY_NONE),
                  UNITLS_E_STATE);
    }
    unitls_ctx_free(st.other);
    unitls_ctx_free(st.client);
    unitls_ctx_free(st.bare);
    st.other = st.client = st.bare = NULL;
}

/* The client reads back the name it set; sarg: the verified chain's
 * commonNames (which certificate the server served). */
static void after_client(struct end *e)
{
    char cns[512];
    conn_chain_cns(e->conn, 1, cns, sizeof(cns));
    oc_str(&e->o, "verified", cns, e->cfg->sarg);
    oc_str(&e->o, "server_name", or_dash(unitls_conn_server_name(e->conn)),
           or_dash(e->cfg->server_name));
    oc_status(&e->o, "client_set_ctx",
              unitls_conn_set_ctx(e->conn, e->ctx), UNITLS_E_STATE);
}

#define TLS12 .max_version = UNITLS_TLS1_2
#define SRV(mode_, read_) SRV_STD, .setup = setup_sni, .arg = (mode_),       \
    .after = after_server, .sarg = (read_)
#define CLI(name_, anchor_, cns_) .server_name = (name_), .trust = (anchor_), \
    .after = after_client, .sarg = (cns_)

/* The callback refuses the name: unrecognized_name (112) from the server. */
#define REFUSED(id, ...)                                                       \
    {id, TR_SOCKETPAIR,                                                        \
     {CLI("localhost", "root-ca.crt", "-"), __VA_ARGS__,                       \
      .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE,                      \
                   ALERT_UNRECOGNIZED_NAME)},                                  \
     {SRV(SNI_REFUSE, "localhost"),                                            \
      .x = EX_FAIL(UNITLS_E_HANDSHAKE, "[]", ALERT_UNRECOGNIZED_NAME,          \
                   ALERT_NONE)}}

static const struct pair_case cases[] = {
    {"sni.name_read_tls13", TR_SOCKETPAIR,
     {CLI("localhost", "root-ca.crt", OWN_CHAIN), .x = EX_OK13(CN_SERVER)},
     {SRV(SNI_NO_CALLBACK, "localhost"), .x = EX_OK13("-")}},
    {"sni.name_read_tls12", TR_SOCKETPAIR,
     {CLI("localhost", "root-ca.crt", OWN_CHAIN), TLS12,
      .x = EX_OK12(CN_SERVER)},
     {SRV(SNI_NO_CALLBACK, "localhost"), .x = EX_OK12("-")}},
    {"sni.callback_sees_name", TR_SOCKETPAIR,
     {CLI("www.test.example", "root-ca.crt", WILDCARD_CHAIN),
      .x = EX_OK13(CN_SERVER)},
     {SRV(SNI_RECORD, "www.test.example"), .x = EX_OK13("-")}},
    {"sni.ip_literal_sends_none", TR_SOCKETPAIR,
     {CLI("127.0.0.1", "root-ca.crt", OWN_CHAIN), .x = EX_OK13(CN_SERVER)},
     {SRV(SNI_RECORD, "-"), .x = EX_OK13("-")}},
    {"sni.no_name_sends_none_tls12", TR_SOCKETPAIR,
     {CLI(NULL, "root-ca.crt", OWN_CHAIN), .check_host = HC_OFF, TLS12,
      .x = EX_OK12(CN_SERVER)},
     {SRV(SNI_RECORD, "-"), .x = EX_OK12("-")}},
    {"sni.switch_tls13", TR_SOCKETPAIR,
     {CLI("localhost", "other-root-ca.crt", OTHER_CHAIN),
      .x = EX_OK13(CN_SERVER)},
     {SRV(SNI_SWITCH_LOCALHOST, "localhost"), .x = EX_OK13("-")}},
    {"sni.switch_tls12", TR_SOCKETPAIR,
     {CLI("localhost", "other-root-ca.crt", OTHER_CHAIN), TLS12,
      .x = EX_OK12(CN_SERVER)},
     {SRV(SNI_SWITCH_LOCALHOST, "localhost"), .x = EX_OK12("-")}},
    /* From an ECDSA to an RSA key: the suite follows the key served. */
    {"sni.switch_to_rsa_tls12", TR_SOCKETPAIR,
     {CLI("localhost", "root-ca.crt", OWN_CHAIN), TLS12,
      .x = EX_OK("TLSv1.2", CIPHER12_RSA, CN_SERVER)},
     {SRV(SNI_SWITCH_RSA, "localhost"),
      .x = EX_OK("TLSv1.2", CIPHER12_RSA, "-")}},
    {"sni.switch_to_rsa_tls13", TR_SOCKETPAIR,
     {CLI("localhost", "root-ca.crt", OWN_CHAIN), .x = EX_OK13(CN_SERVER)},
     {SRV(SNI_SWITCH_RSA, "localhost"), .x = EX_OK13("-")}},
    {"sni.other_name_keeps_default", TR_SOCKETPAIR,
     {CLI("www.test.example", "root-ca.crt", WILDCARD_CHAIN),
      .x = EX_OK13(CN_SERVER)},
     {SRV(SNI_SWITCH_LOCALHOST, "www.test.example"), .x = EX_OK13("-")}},
    {"sni.no_name_keeps_default", TR_SOCKETPAIR,
     {CLI("127.0.0.1", "root-ca.crt", OWN_CHAIN), .x = EX_OK13(CN_SERVER)},
     {SRV(SNI_SWITCH_LOCALHOST, "-"), .x = EX_OK13("-")}},
    REFUSED("sni.refused_tls13", .max_version = 0),
    REFUSED("sni.refused_tls12", TLS12),
};

START_TEST(sni_case)
{
    pair_case_run(&cases[_i]);
}
END_TEST

/* Arguments and roles, checked before anything reaches the provider. */
START_TEST(sni_bad_calls)
{
    struct outcome o;
    unitls_ctx *cli = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    unitls_ctx *srv = unitls_ctx_new(UNITLS_ROLE_SERVER);
    unitls_conn *conn = unitls_conn_new(srv);

    oc_init(&o, "sni.bad_calls", "");
    oc_status(&o, "client_callback",
              unitls_ctx_set_sni_callback(cli, sni_callback, NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "null_ctx_callback",
              unitls_ctx_set_sni_callback(NULL, sni_callback, NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "callback_in_use",
              unitls_ctx_set_sni_callback(srv, sni_callback, NULL),
              UNITLS_E_STATE);
    oc_status(&o, "set_ctx_null_conn", unitls_conn_set_ctx(NULL, srv),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "set_ctx_null_ctx", unitls_conn_set_ctx(conn, NULL),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "set_ctx_before_handshake", unitls_conn_set_ctx(conn, srv),
              UNITLS_E_STATE);
    oc_true(&o, "server_name_null_conn", unitls_conn_server_name(NULL) == NULL);
    oc_true(&o, "server_name_before_handshake",
            unitls_conn_server_name(conn) == NULL);
    unitls_conn_free(conn);
    unitls_ctx_free(srv);
    unitls_ctx_free(cli);
    oc_finish(&o);
}
END_TEST

Suite *suite_sni(void)
{
    Suite *s = suite_create("sni");
    TCase *tc = conf_tcase("sni");

    ADD_TABLE(tc, sni_case, cases);
    tcase_add_test(tc, sni_bad_calls);
    suite_add_tcase(s, tc);
    return s;
}
