/* Verification controls and the verification errors they provoke (issue 6):
 * invalid CAs, path length, verify depth, revocation, purpose, weak keys,
 * bad signatures, partial chains, untrusted intermediates, verification
 * time, the ignore list, the verify callback, the commonName fallback.
 *
 * Each case runs twice: in a real handshake (the client verifies the server,
 * the server sees the alert) and offline through unitls_verify_chain() with
 * the same context settings and the chain the server sent. The verdict and
 * the error list must be the same both times. The ignore list belongs to a
 * connection, so offline a case with one is not valid (the same list is
 * still found). Where the provider lacks a control's capability bit, the
 * case checks that the control answers UNITLS_E_UNSUPPORTED instead.
 *
 * No unitls end presents a weak certificate (unitls_ctx_use_certificate_file
 * answers UNITLS_E_INVALID_ARG, checked here), so in those cases the server
 * is a real TLS server on the system's OpenSSL at security level 0
 * (conformance/peers/cert_peer.c), run as a separate program. */
#include <stdio.h>
#include <stdlib.h>

#include <unistd.h>

#include "net.h"
#include "pair.h"
#include "peerproc.h"
#include "pki.h"
#include "suites.h"
#include "vctl.h"

#define ALERT_UNSUPPORTED_CERTIFICATE 43
#define ALERT_CERTIFICATE_REVOKED 44
#define ALERT_CERTIFICATE_UNKNOWN 46

struct vcase {
    const char *id;
    const char *chain, *key; /* what the server sends, and its key */
    const char *trust;       /* the client's anchors; NULL: root-ca.crt */
    const char *name;        /* NULL: "localhost"; "-": no name checked */
    struct vctl v;
    const char *verify;      /* the error list, both times */
    int alert;               /* ALERT_NONE: the client accepts */
    int weak;                /* the server is cert_peer, not unitls */
};

#define K "vctl/leaf.key"
#define PEER_SECONDS 30
#define AT_2020_06 1590969600
#define AT_2120_06 4746643200
#define AT_2019_01 1546300800
#define AT_2200_01 7258118400

static const struct vcase cases[] = {
    /* invalid CAs */
    {"vctl.invalid_ca_not_ca", "vctl/notca-chain.pem", K, 0, 0, {0},
     "[invalid_ca@1]", ALERT_UNKNOWN_CA, 0},
    {"vctl.invalid_ca_no_basic_constraints", "vctl/nobc-chain.pem", K, 0, 0,
     {0}, "[invalid_ca@1]", ALERT_UNKNOWN_CA, 0},
    /* int-ca has pathlen 0: a CA below it breaks int-ca's constraint. */
    {"vctl.path_length_exceeded", "vctl/sub-chain.pem", K, 0, 0, {0},
     "[path_length_exceeded@2]", ALERT_UNKNOWN_CA, 0},
    /* depth: deep-chain is leaf, mid2, mid1 below the root. */
    {"vctl.depth_default_long_chain", "vctl/deep-chain.pem", K, 0, 0, {0},
     "[]", ALERT_NONE, 0},
    {"vctl.depth_2_long_chain", "vctl/deep-chain.pem", K, 0, 0,
     {.depth = 2 + 1}, "[]", ALERT_NONE, 0},
    {"vctl.depth_1_long_chain", "vctl/deep-chain.pem", K, 0, 0,
     {.depth = 1 + 1}, "[chain_too_long@2]", ALERT_UNKNOWN_CA, 0},
    {"vctl.depth_0_one_intermediate", "server-chain.pem", "server.key", 0, 0,
     {.depth = 0 + 1}, "[chain_too_long@1]", ALERT_UNKNOWN_CA, 0},
    {"vctl.depth_0_partial_chain_at_intermediate", "server-chain.pem",
     "server.key", "int-ca.crt", 0, {.depth = 0 + 1, .partial_chain = 1},
     "[]", ALERT_NONE, 0},
    /* revocation */
    {"vctl.crl_leaf_good", "server-chain.pem", "server.key", 0, 0,
     {.crl = "vctl/int-ca.crl", .crl_check = UNITLS_CRL_LEAF}, "[]",
     ALERT_NONE, 0},
    {"vctl.crl_leaf_revoked", "vctl/revoked-chain.pem", K, 0, 0,
     {.crl = "vctl/int-ca.crl", .crl_check = UNITLS_CRL_LEAF},
     "[revoked@0]", ALERT_CERTIFICATE_REVOKED, 0},
    {"vctl.crl_leaf_missing", "server-chain.pem", "server.key", 0, 0,
     {.crl = "vctl/root-ca.crl", .crl_check = UNITLS_CRL_LEAF},
     "[crl_unavailable@0]", ALERT_CERTIFICATE_UNKNOWN, 0},
    {"vctl.crl_leaf_expired", "server-chain.pem", "server.key", 0, 0,
     {.crl = "vctl/int-ca-expired.crl", .crl_check = UNITLS_CRL_LEAF},
     "[crl_unavailable@0]", ALERT_CERTIFICATE_UNKNOWN, 0},
    {"vctl.crl_chain_root_crl_missing", "server-chain.pem", "server.key", 0,
     0, {.crl = "vctl/int-ca.crl", .crl_check = UNITLS_CRL_CHAIN},
     "[crl_unavailable@1]", ALERT_CERTIFICATE_UNKNOWN, 0},
    {"vctl.crl_chain_good", "server-chain.pem", "server.key", 0, 0,
     {.crl = "vctl/all.crl", .crl_check = UNITLS_CRL_CHAIN}, "[]",
     ALERT_NONE, 0},
    {"vctl.crl_chain_revoked", "vctl/revoked-chain.pem", K, 0, 0,
     {.crl = "vctl/all.crl", .crl_check = UNITLS_CRL_CHAIN}, "[revoked@0]",
     ALERT_CERTIFICATE_REVOKED, 0},
    {"vctl.crl_loaded_not_checked", "vctl/revoked-chain.pem", K, 0, 0,
     {.crl = "vctl/all.crl"}, "[]", ALERT_NONE, 0},
    /* purpose: client.crt says clientAuth only */
    {"vctl.purpose_client_cert_as_server", "client-chain.pem", "client.key",
     0, "-", {0}, "[invalid_purpose@0]", ALERT_UNSUPPORTED_CERTIFICATE, 0},
    {"vctl.purpose_client_chosen", "client-chain.pem", "client.key", 0, "-",
     {.purpose = UNITLS_PURPOSE_CLIENT}, "[]", ALERT_NONE, 0},
    {"vctl.purpose_client_for_server_cert", "server-chain.pem", "server.key",
     0, 0, {.purpose = UNITLS_PURPOSE_CLIENT}, "[invalid_purpose@0]",
     ALERT_UNSUPPORTED_CERTIFICATE, 0},
    /* the signature over the leaf does not verify */
    {"vctl.signature_failure", "vctl/badsig-chain.pem", K, 0, 0, {0},
     "[signature_failure@0]", ALERT_BAD_CERTIFICATE, 0},
    /* unitls' weak-certificate policy */
    {"vctl.weak_rsa1024", "vctl/weak-rsa1024-chain.pem",
     "vctl/weak-rsa1024.key", 0, 0, {0}, "[weak_key@0]",
     ALERT_BAD_CERTIFICATE, 1},
    {"vctl.weak_sha1_signature", "vctl/weak-sha1-chain.pem", K, 0, 0, {0},
     "[weak_key@0]", ALERT_BAD_CERTIFICATE, 1},
    /* partial chains: the intermediate as the only anchor */
    {"vctl.partial_chain_off", "server-chain.pem", "server.key", "int-ca.crt",
     0, {0}, "[unable_to_get_issuer@1]", ALERT_UNKNOWN_CA, 0},
    {"vctl.partial_chain_on", "server-chain.pem", "server.key", "int-ca.crt",
     0, {.partial_chain = 1}, "[]", ALERT_NONE, 0},
    /* untrusted intermediates, given apart from the anchors */
    {"vctl.untrusted_supplies_intermediate", "server.crt", "server.key", 0, 0,
     {.untrusted = "int-ca.crt"}, "[]", ALERT_NONE, 0},
    {"vctl.untrusted_is_no_anchor", "server.crt", "server.key", "-", 0,
     {.untrusted = "bundle.pem"}, "[self_signed_in_chain@2]",
     ALERT_UNKNOWN_CA, 0},
    /* verification time */
    {"vctl.time_expired_leaf_in_its_validity", "expired-chain.pem",
     "expired.key", 0, 0, {.at = AT_2020_06}, "[]", ALERT_NONE, 0},
    {"vctl.time_notyet_leaf_in_its_validity", "notyet-chain.pem",
     "notyet.key", 0, 0, {.at = AT_2120_06}, "[]", ALERT_NONE, 0},
    {"vctl.time_before_everything", "server-chain.pem", "server.key", 0, 0,
     {.at = AT_2019_01},
     "[not_yet_valid@2,not_yet_valid@1,not_yet_valid@0]",
     ALERT_CERTIFICATE_EXPIRED, 0},
    {"vctl.time_after_everything", "server-chain.pem", "server.key", 0, 0,
     {.at = AT_2200_01}, "[expired@2,expired@1,expired@0]",
     ALERT_CERTIFICATE_EXPIRED, 0},
    /* the ignore list (Qt's ignoreSslErrors) */
    {"vctl.ignore_expired_any_cert", "expired-chain.pem", "expired.key", 0,
     0, {.ignore = {{UNITLS_VERR_EXPIRED, NULL}}}, "[expired@0]",
     ALERT_NONE, 0},
    {"vctl.ignore_expired_this_cert", "expired-chain.pem", "expired.key", 0,
     0, {.ignore = {{UNITLS_VERR_EXPIRED, "expired.crt"}}}, "[expired@0]",
     ALERT_NONE, 0},
    {"vctl.ignore_expired_other_cert", "expired-chain.pem", "expired.key", 0,
     0, {.ignore = {{UNITLS_VERR_EXPIRED, "server.crt"}}}, "[expired@0]",
     ALERT_CERTIFICATE_EXPIRED, 0},
    {"vctl.ignore_one_of_two", "expired-chain.pem", "expired.key", 0,
     "wrong.example", {.ignore = {{UNITLS_VERR_EXPIRED, NULL}}},
     "[expired@0,hostname_mismatch@0]", ALERT_CERTIFICATE_EXPIRED, 0},
    {"vctl.ignore_both", "expired-chain.pem", "expired.key", 0,
     "wrong.example",
     {.ignore = {{UNITLS_VERR_EXPIRED, NULL},
                 {UNITLS_VERR_HOSTNAME_MISMATCH, "expired.crt"}}},
     "[expired@0,hostname_mismatch@0]", ALERT_NONE, 0},
    {"vctl.ignore_self_signed_this_cert", "selfsigned.crt", "selfsigned.key",
     0, 0, {.ignore = {{UNITLS_VERR_SELF_SIGNED, "selfsigned.crt"}}},
     "[self_signed@0]", ALERT_NONE, 0},
    /* the verify callback decides last */
    {"vctl.callback_accepts_untrusted_root", "other-server-fullchain.pem",
     "other-server.key", 0, 0, {.callback = CB_ACCEPT},
     "[self_signed_in_chain@2]", ALERT_NONE, 0},
    {"vctl.callback_rejects_valid", "server-chain.pem", "server.key", 0, 0,
     {.callback = CB_REJECT}, "[rejected@0]", ALERT_BAD_CERTIFICATE, 0},
    {"vctl.callback_rejects_ignored", "expired-chain.pem", "expired.key", 0,
     0, {.callback = CB_REJECT, .ignore = {{UNITLS_VERR_EXPIRED, NULL}}},
     "[expired@0]", ALERT_CERTIFICATE_EXPIRED, 0},
    /* addresses against iPAddress names only */
    {"vctl.ip_mismatch", "server-chain.pem", "server.key", 0, "127.0.0.2",
     {0}, "[ip_mismatch@0]", ALERT_BAD_CERTIFICATE, 0},
    {"vctl.ip_match", "server-chain.pem", "server.key", 0, "::1", {0}, "[]",
     ALERT_NONE, 0},
    /* the subject commonName, only without subjectAltName */
    {"vctl.cn_fallback_on", "vctl/cnonly-chain.pem", K, 0, 0, {0}, "[]",
     ALERT_NONE, 0},
    {"vctl.cn_fallback_off", "vctl/cnonly-chain.pem", K, 0, 0,
     {.cn_fallback_off = 1}, "[hostname_mismatch@0]", ALERT_BAD_CERTIFICATE, 0},
};

static const char *trust_of(const struct vcase *c)
{
    if (c->trust == NULL)
        return "root-ca.crt";
    return c->trust[0] == '-' ? NULL : c->trust;
}

static const char *name_of(const struct vcase *c)
{
    if (c->name == NULL)
        return "localhost";
    return c->name[0] == '-' ? NULL : c->name;
}

/* A provider without a control's capability answers UNITLS_E_UNSUPPORTED
 * for it, every time. */
static void check_unsupported(const struct vcase *c)
{
    struct outcome o;
    oc_init(&o, c->id, "");
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    struct outcome setup;
    oc_init(&setup, c->id, "");
    int st = vctl_apply_ctx(ctx, &c->v, &setup);
    oc_status(&o, "unsupported", st, UNITLS_E_UNSUPPORTED);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}

static void run_handshake(const struct vcase *c, struct outcome *o)
{
    int ok = c->alert == ALERT_NONE;
    struct pair_case pc = {
        c->id, TR_SOCKETPAIR,
        {.trust = trust_of(c), .server_name = name_of(c), .vctl = &c->v,
         .check_host = name_of(c) ? HC_DEFAULT : HC_OFF},
        {.chain = c->chain, .key = c->key}};
    struct expect cx = {.hs = ok ? UNITLS_OK : UNITLS_E_VERIFY,
                        .version = ok ? "TLSv1.3" : NULL,
                        .cipher = ok ? CIPHER13 : NULL, .verify = c->verify,
                        .alert_sent = c->alert, .alert_recv = ALERT_NONE};
    struct expect sx = {.hs = ok ? UNITLS_OK : UNITLS_E_PEER_ALERT,
                        .version = ok ? "TLSv1.3" : NULL,
                        .cipher = ok ? CIPHER13 : NULL, .verify = "[]",
                        .alert_sent = ALERT_NONE, .alert_recv = c->alert};
    pc.client.x = cx;
    pc.server.x = sx;
    pair_run(&pc, o);
}

/* The error list of an offline result, as conn_verify_list writes it. */
static void result_list(const unitls_verify_result *r, char *buf, size_t n)
{
    size_t len = 0;
    len += (size_t)snprintf(buf, n, "[");
    for (size_t i = 0; i < unitls_verify_result_error_count(r); i++) {
        int depth = 0;
        unitls_verify_error e = unitls_verify_result_error(r, i, &depth, NULL);
        if (len < n)
            len += (size_t)snprintf(buf + len, n - len, "%s%s@%d",
                                    i ? "," : "", unitls_verify_error_name(e),
                                    depth);
    }
    if (len < n)
        snprintf(buf + len, n - len, "]");
}

static int load_chain(const char *file, unitls_cert ***certs, size_t *n)
{
    size_t len = 0;
    char *pem = pki_read(file, &len);
    int st = pem ? unitls_cert_list_from_pem(pem, len, certs, n)
                 : UNITLS_E_FILE;
    free(pem);
    return st;
}

static void run_offline(const struct vcase *c, struct outcome *o)
{
    struct outcome off;
    oc_init(&off, c->id, "off.");
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    unitls_cert **certs = NULL;
    size_t n = 0;
    const char *trust = trust_of(c);
    if (trust != NULL)
        oc_status(&off, "load_trust",
                  unitls_ctx_load_verify_file(ctx, pki_path(trust).s),
                  UNITLS_OK);
    if (vctl_apply_ctx(ctx, &c->v, &off) == UNITLS_OK &&
        load_chain(c->chain, &certs, &n) == UNITLS_OK) {
        unitls_verify_result *r = NULL;
        int st = unitls_verify_chain(ctx, (const unitls_cert *const *)certs,
                                     n, name_of(c), &r);
        int valid = c->alert == ALERT_NONE && c->v.ignore[0].error == 0;
        oc_status(&off, "rc", st, valid ? UNITLS_OK : UNITLS_E_VERIFY);
        char list[512];
        result_list(r, list, sizeof(list));
        oc_str(&off, "verify", list, c->verify);
        oc_int(&off, "valid", unitls_verify_result_valid(r), valid);
        unitls_verify_result_free(r);
    }
    unitls_cert_list_free(certs, n);
    unitls_ctx_free(ctx);
    oc_merge(o, &off);
}

/* A server does not take a certificate it would refuse from a peer. */
static void check_weak_refused(const struct vcase *c, struct outcome *o)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
    oc_status(o, "s.use_certificate_file",
              unitls_ctx_use_certificate_file(ctx, pki_path(c->chain).s,
                                              pki_path(c->key).s, NULL),
              UNITLS_E_INVALID_ARG);
    unitls_ctx_free(ctx);
}

/* A unitls client against cert_peer presenting the case's chain. */
static void run_weak_handshake(const struct vcase *c, struct outcome *o)
{
    int fds[2];
    char fdarg[16], line[256];
    struct peerproc peer;
    if (net_socketpair(fds) != 0) {
        oc_fail(o, "socketpair failed");
        return;
    }
    snprintf(fdarg, sizeof(fdarg), "%d", fds[1]);
    struct path chain = pki_path(c->chain), key = pki_path(c->key);
    char *argv[] = {(char *)UT_CERT_PEER, fdarg, chain.s, key.s, NULL};
    int started = peerproc_start(&peer, argv, fds[1]) == 0;
    close(fds[1]);
    oc_true(o, "peer_started", started);
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    unitls_conn *conn = NULL;
    if (started &&
        unitls_ctx_load_verify_file(ctx, pki_path("root-ca.crt").s) ==
            UNITLS_OK &&
        (conn = unitls_conn_new(ctx)) != NULL &&
        unitls_conn_set_fd(conn, fds[0]) == UNITLS_OK &&
        unitls_conn_set_server_name(conn, name_of(c)) == UNITLS_OK) {
        char list[512];
        oc_status(o, "c.hs", unitls_conn_handshake(conn), UNITLS_E_VERIFY);
        conn_verify_list(conn, list, sizeof(list));
        oc_str(o, "c.verify", list, c->verify);
        oc_int(o, "c.alert_sent", unitls_conn_alert_sent(conn), c->alert);
    }
    unitls_conn_free(conn);
    unitls_ctx_free(ctx);
    close(fds[0]);
    if (!started)
        return;
    char want[32];
    snprintf(want, sizeof(want), "alerts_recv=F:%d", c->alert);
    int status = peerproc_finish(&peer, line, sizeof(line), PEER_SECONDS);
    oc_int(o, "peer_exit", status, 0);
    oc_true(o, "peer_received_alert", peerproc_has_word(line, want));
}

START_TEST(vctl_case)
{
    const struct vcase *c = &cases[_i];
    if (!unitls_provider_has(vctl_caps(&c->v))) {
        check_unsupported(c);
        return;
    }
    struct outcome o;
    oc_init(&o, c->id, "");
    if (c->weak) {
        check_weak_refused(c, &o);
        run_weak_handshake(c, &o);
    } else {
        run_handshake(c, &o);
    }
    run_offline(c, &o);
    oc_finish(&o);
}
END_TEST

Suite *suite_verifyctl(void)
{
    Suite *s = suite_create("verifyctl");
    TCase *tc = conf_tcase("verifyctl");

    ADD_TABLE(tc, vctl_case, cases);
    suite_add_tcase(s, tc);
    return s;
}
