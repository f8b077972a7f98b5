/*
 * The one judgement of a peer's chain, for the handshake and for offline
 * verification (unitls_verify_chain), so that both give the same list.
 *
 * In a handshake, wolfSSL has already checked every certificate the peer
 * sent and the verify callbacks kept its error for each (wolf_verify.c).
 * Some settings ask for more than that check can do: untrusted
 * intermediates (the handshake only knows what the peer sent), CRL checking
 * of exactly the leaf or the whole chain (unitls' choice, not the
 * manager's), a purpose other than the handshake's side (wolfSSL checks
 * the leaf's extendedKeyUsage for the side). Then, and always offline, the chain is checked again by
 * wolf_replay(), which runs the same wolfSSL validation certificate by
 * certificate in a manager of its own. Either way, wolf_chain.c turns
 * wolfSSL's errors into OpenSSL's view.
 */
#include "wolf.h"

#include <stdlib.h>

const struct ut_blob_list *wolf_judged(const unitls_conn *conn)
{
    return &wolf_conn(conn)->judged;
}

static int needs_replay(const unitls_ctx *ctx)
{
    return wolf_ctx_impl(ctx)->untrusted.count > 0 ||
           ctx->crl_check != UNITLS_CRL_NONE ||
           ctx->purpose != UNITLS_PURPOSE_DEFAULT;
}

/* The certificates sent, then the untrusted ones, kept in `judged` for the
 * verified chain; `infos` (free it) points into that copy. */
static int gather(unitls_conn *conn, const WOLFSSL_BUFFER_INFO *sent,
                  int count, WOLFSSL_BUFFER_INFO **infos, int *total)
{
    struct ut_blob_list *judged = &wolf_conn(conn)->judged;
    const struct ut_blob_list *extra = &wolf_ctx_impl(conn->ctx)->untrusted;
    int rc = UNITLS_OK;
    ut_blob_list_free(judged);
    for (int i = 0; rc == UNITLS_OK && i < count; i++)
        rc = ut_blob_list_add(judged, sent[i].buffer, sent[i].length);
    for (size_t i = 0; rc == UNITLS_OK && i < extra->count; i++)
        rc = ut_blob_list_add(judged, extra->items[i].data,
                              extra->items[i].len);
    *total = (int)judged->count;
    *infos = calloc(judged->count, sizeof(**infos));
    if (rc != UNITLS_OK || *infos == NULL)
        return UNITLS_E_NOMEM;
    for (size_t i = 0; i < judged->count; i++)
        (*infos)[i] = (WOLFSSL_BUFFER_INFO){judged->items[i].data,
                                            (unsigned int)judged->items[i].len};
    return UNITLS_OK;
}

static int judge_replayed(unitls_conn *conn, const WOLFSSL_BUFFER_INFO *sent,
                          int count)
{
    WOLFSSL_BUFFER_INFO *infos = NULL;
    int total = 0;
    struct wolf_verify replayed = {0};
    int rc = gather(conn, sent, count, &infos, &total);
    if (rc == UNITLS_OK)
        rc = wolf_replay(conn, infos, count, total, &replayed);
    if (rc == UNITLS_OK)
        rc = wolf_chain_report(conn, &replayed, infos, count, total);
    wolf_verify_reset(&replayed);
    free(infos);
    return rc;
}

int wolf_judge(unitls_conn *conn, const struct wolf_verify *native,
               const WOLFSSL_BUFFER_INFO *sent, int count)
{
    if (native != NULL && !needs_replay(conn->ctx)) {
        ut_blob_list_free(&wolf_conn(conn)->judged);
        return wolf_chain_report(conn, native, sent, count, count);
    }
    return judge_replayed(conn, sent, count);
}
