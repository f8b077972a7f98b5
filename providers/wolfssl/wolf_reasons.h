/* What a wolfSSL error code (wolfSSL_get_error()) means for unitls. */
#ifndef UT_WOLF_REASONS_H
#define UT_WOLF_REASONS_H

#include "wolf.h"

enum wolf_reason_kind {
    WOLF_REASON_OTHER = 0,
    WOLF_REASON_VERSION,      /* no protocol version in common */
    WOLF_REASON_NOT_TLS,      /* the peer does not speak TLS at all */
    WOLF_REASON_MALFORMED,    /* a malformed or unexpected TLS message */
    WOLF_REASON_NO_SHARED,    /* no shared cipher suite, group or sigalg */
    WOLF_REASON_NO_PEER_CERT  /* the peer sent no certificate, one is needed */
};

/* The kind of wolfSSL error `err` (WOLF_REASON_OTHER if unlisted). */
enum wolf_reason_kind wolf_reason_kind(int err);

#endif
