/* The peer's certificate chain as it was sent, decoded when first asked for
 * so that handshakes which never look at it pay nothing. */
#include <stdlib.h>

#include "cert_model.h"
#include "conn_internal.h"
#include "provider.h"

static void decode_chain(struct ut_peer_chain *chain,
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

/* The getters are const for the caller; the cache behind them is not. */
static const struct ut_peer_chain *peer_chain(const unitls_conn *conn)
{
    struct ut_peer_chain *chain = (struct ut_peer_chain *)&conn->peer_chain;
    if (chain->loaded || !conn->handshake_done)
        return chain;
    chain->loaded = 1;
    struct ut_blob_list der = {0};
    if (ut_provider.conn_peer_chain(conn, &der) == UNITLS_OK)
        decode_chain(chain, &der);
    ut_blob_list_free(&der);
    return chain;
}

void ut_peer_chain_free(unitls_conn *conn)
{
    struct ut_peer_chain *chain = &conn->peer_chain;
    for (size_t i = 0; i < chain->count; i++)
        unitls_cert_free(chain->certs[i]);
    free(chain->certs);
    chain->certs = NULL;
    chain->count = 0;
}

size_t unitls_conn_peer_chain_count(const unitls_conn *conn)
{
    return conn ? peer_chain(conn)->count : 0;
}

const unitls_cert *unitls_conn_peer_chain_cert(const unitls_conn *conn,
                                               size_t index)
{
    if (conn == NULL)
        return NULL;
    const struct ut_peer_chain *chain = peer_chain(conn);
    return index < chain->count ? chain->certs[index] : NULL;
}
