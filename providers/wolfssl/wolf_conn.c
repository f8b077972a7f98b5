/* Connections: the WOLFSSL object, its transport and its server name. */
#include "wolf.h"

#include <stdlib.h>
#include <string.h>

int wolf_conn_new(unitls_conn *conn)
{
    /* The context is immutable from now on: its anchors are copied before
     * any handshake can add to them (wolf_anchors.c). */
    if (wolf_ctx_freeze(conn->ctx) != UNITLS_OK)
        return UNITLS_E_NOMEM;
    struct wolf_conn *wc = calloc(1, sizeof(*wc));
    if (wc == NULL)
        return UNITLS_E_NOMEM;
    wc->ssl = wolfSSL_new(wolf_ctx(conn->ctx));
    if (wc->ssl == NULL ||
        wolfSSL_set_ex_data(wc->ssl, wolf_conn_ex_index(), conn) !=
            WOLFSSL_SUCCESS) {
        wolfSSL_free(wc->ssl);
        free(wc);
        return UNITLS_E_NOMEM;
    }
    wc->conn = conn;
    ut_transport_init(&wc->io);
    ut_records_init(&wc->records, conn->ctx->role == UNITLS_ROLE_SERVER);
    wolfSSL_SetIOReadCtx(wc->ssl, wc);
    wolfSSL_SetIOWriteCtx(wc->ssl, wc);
    conn->impl = wc;
    if (wolf_session_conn_new(conn) != UNITLS_OK) {
        wolf_conn_free(conn);
        return UNITLS_E_INTERNAL;
    }
    return UNITLS_OK;
}

void wolf_conn_free(unitls_conn *conn)
{
    struct wolf_conn *wc = wolf_conn(conn);
    if (wc == NULL)
        return;
    wolfSSL_free(wc->ssl);
    wolf_hello_free(wc);
    wolf_out_free(wc);
    wolf_verify_notes_free(wc);
    ut_blob_list_free(&wc->judged);
    free(wc);
    conn->impl = NULL;
}

/* The transport is used by the provider's own callbacks (wolf_io.c);
 * wolfSSL never touches it. */
int wolf_conn_set_fd(unitls_conn *conn, int fd)
{
    ut_transport_set_fd(&wolf_conn(conn)->io, fd);
    return UNITLS_OK;
}

int wolf_conn_set_io(unitls_conn *conn, unitls_io_read_fn rd,
                     unitls_io_write_fn wr, void *user)
{
    ut_transport_set_io(&wolf_conn(conn)->io, rd, wr, user);
    return UNITLS_OK;
}

int wolf_conn_set_sni(unitls_conn *conn, const char *host)
{
    size_t len = strlen(host);
    if (len > 0xffff ||
        wolfSSL_UseSNI(wolf_conn(conn)->ssl, WOLFSSL_SNI_HOST_NAME, host,
                       (unsigned short)len) != WOLFSSL_SUCCESS)
        return ut_conn_fail(conn, UNITLS_E_INTERNAL,
                            "wolfssl could not set the server name");
    return UNITLS_OK;
}
