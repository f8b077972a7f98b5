/* Fatal alerts, sent and received, reported to the API layer as they pass. */
#include "ossl_conn.h"
#include "ossl_hooks.h"
#include "provider.h"
#include "tls_records.h"

static void on_info(const SSL *ssl, int where, int value)
{
    if (!(where & SSL_CB_ALERT))
        return;
    int level = value >> 8, description = value & 0xff;
    unitls_conn *conn = ossl_link_conn(ssl);
    if (conn == NULL || level != UT_TLS_ALERT_FATAL)
        return;
    int sent = (where & SSL_CB_WRITE) != 0;
    struct ossl_conn *oc = ossl_conn_impl(conn);
    if (sent && oc->transport.muted)
        return; /* swallowed by the transport (ossl_bio.h) */
    ut_conn_note_alert(conn, sent, description);
    if (!sent && oc->alert_received < 0)
        oc->alert_received = description;
}

void ossl_alerts_install(SSL_CTX *ctx)
{
    SSL_CTX_set_info_callback(ctx, on_info);
}
