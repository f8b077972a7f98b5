/* What a library error reason (ERR_LIB_SSL) means for unitls. The reason
 * numbers differ between OpenSSL and BoringSSL; only the names are shared,
 * so the table goes by name. */
#ifndef OSSL_REASONS_H
#define OSSL_REASONS_H

enum ossl_reason_kind {
    OSSL_REASON_OTHER = 0,
    OSSL_REASON_EOF,          /* the transport ended without close_notify */
    OSSL_REASON_VERSION,      /* no protocol version in common */
    OSSL_REASON_NOT_TLS,      /* the peer does not speak TLS at all */
    OSSL_REASON_MALFORMED,    /* a malformed or unexpected TLS message */
    OSSL_REASON_NO_SHARED,    /* no shared cipher suite, group or sigalg */
    OSSL_REASON_NO_OWN_CERT,  /* we are a server without a certificate */
    OSSL_REASON_NO_PEER_CERT, /* the peer sent no certificate, one is needed */
    OSSL_REASON_VERIFY        /* the peer's certificate was rejected */
};

/* The kind of an ERR_LIB_SSL reason (OSSL_REASON_OTHER if unlisted). */
enum ossl_reason_kind ossl_reason_kind(int reason);

/* The alert description a reason reports as received from the peer, or -1
 * when the reason is not a received alert. */
int ossl_reason_received_alert(int reason);

#endif
