/* Recording failures on objects: the message and the status travel together. */
#include <stdarg.h>
#include <stdio.h>

#include "provider.h"

int ut_ctx_fail(unitls_ctx *ctx, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->error, sizeof(ctx->error), fmt, ap);
    va_end(ap);
    return status;
}

int ut_conn_fail(unitls_conn *conn, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(conn->error, sizeof(conn->error), fmt, ap);
    va_end(ap);
    return status;
}

void ut_conn_note_alert(unitls_conn *conn, int sent, int description)
{
    if (description == 0) /* close_notify is not a failure */
        return;
    int *slot = sent ? &conn->alert_sent : &conn->alert_received;
    if (*slot < 0)
        *slot = description;
}

int ut_status_for_received_alert(int description)
{
    enum { ALERT_PROTOCOL_VERSION = 70 };
    return description == ALERT_PROTOCOL_VERSION ? UNITLS_E_VERSION
                                                  : UNITLS_E_PEER_ALERT;
}
