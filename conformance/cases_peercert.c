/* The peer certificate after a handshake renders exactly as the same
 * certificate loaded from its file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "pair.h"
#include "pki.h"
#include "suites.h"

/* Compares the peer's JSON with expected/<sarg>.json and its DER with
 * <sarg>.crt's. */
static void after_peer_renders(struct end *e)
{
    const unitls_cert *peer = end_ok(e) ? unitls_conn_peer_cert(e->conn) : NULL;
    char *want = pki_expected_json(e->cfg->sarg), *json = NULL;
    char name[128];
    unitls_cert *file = NULL;
    size_t len = 0, flen = 0;
    const unsigned char *der = NULL, *fder = NULL;

    oc_true(&e->o, "peer_cert", peer != NULL);
    if (peer == NULL || want == NULL) {
        free(want);
        return;
    }
    oc_status(&e->o, "to_json", unitls_cert_to_json(peer, &json, NULL), UNITLS_OK);
    oc_true(&e->o, "json_equal", json != NULL && strcmp(json, want) == 0);
    snprintf(name, sizeof(name), "%s.crt", e->cfg->sarg);
    unitls_cert_load_file(pki_path(name).s, &file);
    der = unitls_cert_der(peer, &len);
    fder = file != NULL ? unitls_cert_der(file, &flen) : NULL;
    oc_true(&e->o, "der_equal",
            fder != NULL && len == flen && memcmp(der, fder, len) == 0);
    unitls_cert_free(file);
    unitls_free(json);
    free(want);
}

typedef const unitls_cert *(*chain_cert_fn)(const unitls_conn *conn,
                                            size_t index);

/* Checks a chain of the connection against the files named in sarg (stems,
 * comma-separated, in order): same count, same DER, in order, nothing past
 * the end. `key` names the observations ("<key>_count", ...). */
static void chain_is(struct end *e, const char *key, size_t count,
                     chain_cert_fn cert_of)
{
    char stems[128], name[64];
    size_t want = 0;
    int same = 1;
    snprintf(stems, sizeof(stems), "%s", e->cfg->sarg);
    for (char *stem = strtok(stems, ","); stem != NULL; stem = strtok(NULL, ","), want++) {
        const unitls_cert *sent = cert_of(e->conn, want);
        unitls_cert *file = NULL;
        size_t len = 0, flen = 0;
        snprintf(name, sizeof(name), "%s.crt", stem);
        unitls_cert_load_file(pki_path(name).s, &file);
        const unsigned char *der = sent ? unitls_cert_der(sent, &len) : NULL;
        const unsigned char *fder = file ? unitls_cert_der(file, &flen) : NULL;
        same &= der != NULL && fder != NULL && len == flen &&
                memcmp(der, fder, len) == 0;
        unitls_cert_free(file);
    }
    snprintf(name, sizeof(name), "%s_count", key);
    oc_int(&e->o, name, (long long)count, (long long)want);
    snprintf(name, sizeof(name), "%s_equal", key);
    oc_true(&e->o, name, same);
    snprintf(name, sizeof(name), "%s_past_end", key);
    oc_true(&e->o, name, cert_of(e->conn, count) == NULL);
}

/* The chain the peer sent, after a successful handshake. */
static void after_peer_chain_is(struct end *e)
{
    size_t count = end_ok(e) ? unitls_conn_peer_chain_count(e->conn) : 0;
    chain_is(e, "chain", count, unitls_conn_peer_chain_cert);
}

/* The chain as verified, trust anchor last; read whatever the handshake's
 * result, since it must be empty after a failure. */
static void after_verified_chain_is(struct end *e)
{
    chain_is(e, "verified", unitls_conn_verified_chain_count(e->conn),
             unitls_conn_verified_chain_cert);
}

static const struct pair_case cases[] = {
    {"cert.peer_chain_leaf_and_intermediate", TR_SOCKETPAIR,
     {CLI_STD, .after = after_peer_chain_is, .sarg = "server,int-ca",
      .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .x = EX_OK13("-")}},
    {"cert.peer_chain_full", TR_SOCKETPAIR,
     {CLI_STD, .after = after_peer_chain_is,
      .sarg = "server,int-ca,root-ca", .x = EX_OK13(CN_SERVER)},
     {.chain = "server-fullchain.pem", .key = "server.key",
      .x = EX_OK13("-")}},
    {"cert.peer_chain_client_tls12", TR_SOCKETPAIR,
     {CLI_STD, .max_version = UNITLS_TLS1_2, .chain = "client-chain.pem",
      .key = "client.key", .x = EX_OK12(CN_SERVER)},
     {SRV_STD, .trust = "root-ca.crt", .verify = VM_REQUIRED,
      .after = after_peer_chain_is, .sarg = "client,int-ca",
      .x = EX_OK12(CN_CLIENT)}},
    {"cert.peer_chain_none", TR_SOCKETPAIR,
     {CLI_STD, .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .after = after_peer_chain_is, .sarg = "", .x = EX_OK13("-")}},

    {"cert.verified_chain_sent_intermediate", TR_SOCKETPAIR,
     {CLI_STD, .after = after_verified_chain_is,
      .sarg = "server,int-ca,root-ca", .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .x = EX_OK13("-")}},
    {"cert.verified_chain_sent_full", TR_SOCKETPAIR,
     {CLI_STD, .after = after_verified_chain_is,
      .sarg = "server,int-ca,root-ca", .x = EX_OK13(CN_SERVER)},
     {.chain = "server-fullchain.pem", .key = "server.key",
      .x = EX_OK13("-")}},
    {"cert.verified_chain_intermediate_trusted", TR_SOCKETPAIR,
     {.trust = "bundle.pem", .server_name = "localhost",
      .after = after_verified_chain_is, .sarg = "server,int-ca,root-ca",
      .x = EX_OK13(CN_SERVER)},
     {.chain = "server.crt", .key = "server.key", .x = EX_OK13("-")}},
    {"cert.verified_chain_client_tls12", TR_SOCKETPAIR,
     {CLI_STD, .max_version = UNITLS_TLS1_2, .chain = "client-chain.pem",
      .key = "client.key", .x = EX_OK12(CN_SERVER)},
     {SRV_STD, .trust = "root-ca.crt", .verify = VM_REQUIRED,
      .after = after_verified_chain_is, .sarg = "client,int-ca,root-ca",
      .x = EX_OK12(CN_CLIENT)}},
    {"cert.verified_chain_verify_none", TR_SOCKETPAIR,
     {CLI_STD, .verify = VM_NONE, .after = after_verified_chain_is,
      .sarg = "", .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .x = EX_OK13("-")}},
    {"cert.verified_chain_failed", TR_SOCKETPAIR,
     {.server_name = "localhost", .after = after_verified_chain_is,
      .sarg = "",
      .x = EX_FAIL(UNITLS_E_VERIFY, "[unable_to_get_issuer@1]",
                  ALERT_UNKNOWN_CA, ALERT_NONE)},
     {SRV_STD, .x = EX_FAIL(UNITLS_E_PEER_ALERT, "[]", ALERT_NONE,
                           ALERT_UNKNOWN_CA)}},

    {"cert.peer_json_server", TR_SOCKETPAIR,
     {CLI_STD, .after = after_peer_renders, .sarg = "server",
      .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .x = EX_OK13("-")}},
    {"cert.peer_json_server_tls12", TR_SOCKETPAIR,
     {CLI_STD, .max_version = UNITLS_TLS1_2, .after = after_peer_renders,
      .sarg = "server", .x = EX_OK12(CN_SERVER)},
     {SRV_STD, .x = EX_OK12("-")}},
    {"cert.peer_json_client", TR_SOCKETPAIR,
     {CLI_STD, .chain = "client-chain.pem", .key = "client.key",
      .x = EX_OK13(CN_SERVER)},
     {SRV_STD, .trust = "root-ca.crt", .verify = VM_REQUIRED,
      .after = after_peer_renders, .sarg = "client", .x = EX_OK13(CN_CLIENT)}},
    {"cert.peer_json_unverified", TR_SOCKETPAIR,
     {.verify = VM_NONE, .server_name = "localhost",
      .after = after_peer_renders, .sarg = "other-server",
      .x = EX_OK13(CN_SERVER)},
     {.chain = "other-server-fullchain.pem", .key = "other-server.key",
      .x = EX_OK13("-")}},
};

START_TEST(peer_case)
{
    pair_case_run(&cases[_i]);
}
END_TEST

void cert_peer_add(TCase *tc)
{
    ADD_TABLE(tc, peer_case, cases);
}
