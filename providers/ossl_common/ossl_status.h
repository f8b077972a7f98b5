/* One translation, for handshake, read, write and shutdown alike, from a
 * failed library call to a unitls status and message. */
#ifndef OSSL_STATUS_H
#define OSSL_STATUS_H

#include "objects.h"
#include "ossl_conn.h"

enum ossl_op {
    OSSL_OP_HANDSHAKE,
    OSSL_OP_READ,
    OSSL_OP_WRITE,
    OSSL_OP_SHUTDOWN
};

/* Call before each operation: empties the thread's error queue and forgets
 * the transport's last errno, so that what follows is this call's own. */
void ossl_op_begin(struct ossl_conn *oc);

/* The status for an SSL_* call of `op` that returned `ret` (<= 0):
 * UNITLS_WANT_READ/WRITE, or an error status whose message (naming the
 * library's reason) has been written with ut_conn_fail. SSL_ERROR_ZERO_RETURN
 * on read is the caller's (it is not a failure there). Empties the queue. */
int ossl_op_status(unitls_conn *conn, int ret, enum ossl_op op);

#endif
