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

static const struct pair_case cases[] = {
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
