/* The peer's certificate chains, as it sent them and as they were verified,
 * each decoded when first asked for so that handshakes which never look at
 * them pay nothing. */
#include <stdlib.h>

#include "cert_model.h"
#include "conn_internal.h"
#include "provider.h"
#include "session_internal.h"

typedef int (*chain_der_fn)(const unitls_conn *conn, struct ut_blob_list *out);

static void decode_chain(struct ut_cert_chain *chain,
                         const struct ut_blob_list *der)
{
    chain->certs = calloc(der->count ? der->count : 1, sizeof(*chain->certs));
    if (chain->certs == NULL)
        return;
    for (size_t i = 0; i < der->count; i++) {
        unitls_cert *cert = NULL;
        if (ut_cert_parse(der->items[i].data, der->items[i].len, &cert) !=
            UNITLS_OK)
            continue; /* a certificate we cannot decode is left out */
        chain->certs[chain->count++] = cert;
    }
}

/* The getters are const for the caller; the cache behind them is not.
 * `available` says whether the chain can exist yet (else it stays empty and
 * unloaded); `get_der` asks the provider for it. A loaded chain has its
 * (maybe empty) array; one the provider could not give stays empty. */
static const struct ut_cert_chain *load_chain(const struct ut_cert_chain *c,
                                              const unitls_conn *conn,
                                              int available,
                                              chain_der_fn get_der)
{
    struct ut_cert_chain *chain = (struct ut_cert_chain *)c;
    if (chain->certs != NULL || !available)
        return chain;
    struct ut_blob_list der = {0};
    if (get_der(conn, &der) != UNITLS_OK)
        ut_blob_list_free(&der);
    decode_chain(chain, &der);
    ut_blob_list_free(&der);
    return chain;
}

/* A resumed client connection's chain is the session's leaf alone (the
 * server sent nothing; unitls/session.h). */
static int resumed_chain(const unitls_conn *conn, struct ut_blob_list *out)
{
    size_t len;
    const unsigned char *leaf = ut_conn_resumed_leaf(conn, &len);
    return leaf ? ut_blob_list_add(out, leaf, len) : UNITLS_OK;
}

static const struct ut_cert_chain *peer_chain(const unitls_conn *conn)
{
    return load_chain(&conn->peer_chain, conn, conn->handshake_done,
                      conn->resumed ? resumed_chain
                                    : ut_provider.conn_peer_chain);
}

/* Only a completed handshake that verified the peer has a verified chain
 * (a failed verification never completes the handshake; a resumed one
 * verified nothing). */
static const struct ut_cert_chain *verified_chain(const unitls_conn *conn)
{
    int verified = conn->handshake_done && !conn->resumed &&
                   conn->ctx->verify_mode != UNITLS_VERIFY_NONE;
    return load_chain(&conn->verified_chain, conn, verified,
                      ut_provider.conn_verified_chain);
}

static void chain_free(struct ut_cert_chain *chain)
{
    for (size_t i = 0; i < chain->count; i++)
        unitls_cert_free(chain->certs[i]);
    free(chain->certs);
    chain->certs = NULL;
    chain->count = 0;
}

void ut_cert_chains_free(unitls_conn *conn)
{
    chain_free(&conn->peer_chain);
    chain_free(&conn->verified_chain);
}

static const unitls_cert *chain_cert(const struct ut_cert_chain *chain,
                                     size_t index)
{
    return index < chain->count ? chain->certs[index] : NULL;
}

size_t unitls_conn_peer_chain_count(const unitls_conn *conn)
{
    return conn ? peer_chain(conn)->count : 0;
}

const unitls_cert *unitls_conn_peer_chain_cert(const unitls_conn *conn,
                                               size_t index)
{
    return conn ? chain_cert(peer_chain(conn), index) : NULL;
}

size_t unitls_conn_verified_chain_count(const unitls_conn *conn)
{
    return conn ? verified_chain(conn)->count : 0;
}

const unitls_cert *unitls_conn_verified_chain_cert(const unitls_conn *conn,
                                                   size_t index)
{
    return conn ? chain_cert(verified_chain(conn), index) : NULL;
}
