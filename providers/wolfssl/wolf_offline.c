/* Offline verification (unitls_verify_chain): the chain is judged as a
 * handshake judges a peer that sent exactly these certificates
 * (wolf_judge.c, replayed: there is no handshake), and the API layer
 * decides as after a handshake. */
#include "wolf.h"

#include <limits.h>
#include <stdlib.h>

int wolf_conn_verify_offline(unitls_conn *conn,
                             const struct ut_blob_list *chain)
{
    if (chain->count == 0 || chain->count > INT_MAX)
        return ut_conn_fail(conn, UNITLS_E_INTERNAL,
                            "offline verification: no chain");
    WOLFSSL_BUFFER_INFO *certs = calloc(chain->count, sizeof(*certs));
    if (certs == NULL)
        return ut_conn_fail(conn, UNITLS_E_NOMEM,
                            "offline verification failed: out of memory");
    for (size_t i = 0; i < chain->count; i++)
        certs[i] = (WOLFSSL_BUFFER_INFO){chain->items[i].data,
                                         (unsigned int)chain->items[i].len};
    int rc = wolf_judge(conn, NULL, certs, (int)chain->count);
    int alert = 0;
    if (rc == UNITLS_OK)
        rc = ut_verify_finish(conn, certs[0].buffer, certs[0].length, &alert)
                 ? UNITLS_OK
                 : UNITLS_E_VERIFY;
    free(certs);
    if (rc != UNITLS_OK && rc != UNITLS_E_VERIFY)
        return ut_conn_fail(conn, rc,
                            "offline verification failed: out of memory");
    return rc;
}
