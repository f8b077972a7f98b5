/* Helpers shared by the API layer's connection files. */
#ifndef UT_CONN_INTERNAL_H
#define UT_CONN_INTERNAL_H

#include "objects.h"

/* Frees every recorded verification error (the array stays allocated). */
void ut_verify_clear(unitls_conn *conn);

/* 1 when every recorded verification error is accepted by an entry of
 * unitls_conn_ignore_verify_error() (also when there is none). */
int ut_verify_all_ignored(const unitls_conn *conn);

/* Frees the ignore list. */
void ut_ignores_free(unitls_conn *conn);

/* The IANA name of a cipher-suite id, or "unknown" (never NULL). */
const char *ut_cipher_name_or_unknown(int id);

/* After a successful handshake: makes sure conn->peer_cert holds the peer's
 * leaf when it sent one. Returns UNITLS_OK or an error status. */
int ut_conn_load_peer_cert(unitls_conn *conn);

/* Frees the decoded peer chains (as sent, as verified), if ever asked for. */
void ut_cert_chains_free(unitls_conn *conn);

#endif
