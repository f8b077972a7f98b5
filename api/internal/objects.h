/* The API layer's objects. Providers may read the configuration fields and
 * own `impl`; everything else is the API layer's. */
#ifndef UT_OBJECTS_H
#define UT_OBJECTS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include <unitls/unitls.h>

#define UT_ERROR_MAX 512

struct unitls_ctx {
    atomic_int refs;   /* caller's reference + one per connection */
    atomic_int in_use; /* set by the first unitls_conn_new(): immutable */
    unitls_role role;
    unitls_verify_mode verify_mode;
    int check_hostname;
    int min_version; /* wire values, UNITLS_TLS1_x */
    int max_version;
    /* The cipher suites in force (IANA ids, preference order), owned; NULL
     * until set: unitls' defaults (common/tls_defaults.h). Read them with
     * ut_ctx_tls12_suites / ut_ctx_tls13_suites (provider.h). */
    int *tls12_suites;
    size_t tls12_suite_count;
    int *tls13_suites;
    size_t tls13_suite_count;
    /* Verification settings (unitls/verify.h). */
    int verify_depth;
    int has_verify_time;  /* 0: the current time */
    int64_t verify_time;
    unitls_verify_purpose purpose;
    int partial_chain;
    unitls_crl_check crl_check;
    int cn_fallback;
    unitls_verify_fn verify_cb;
    void *verify_cb_user;
    /* ALPN (api/src/alpn.c): the list in wire format (length-prefixed
     * names), owned, NULL if none; a server's callback and mismatch mode. */
    unsigned char *alpn_wire;
    size_t alpn_wire_len;
    unitls_alpn_select_fn alpn_cb;
    void *alpn_cb_user;
    unitls_alpn_mismatch alpn_mismatch;
    char error[UT_ERROR_MAX];
    void *impl; /* the provider's context object */
};

enum ut_conn_state {
    UT_CONN_NEW,         /* no handshake attempted yet */
    UT_CONN_HANDSHAKING, /* handshake started, not finished */
    UT_CONN_ESTABLISHED, /* handshake done */
    UT_CONN_FAILED       /* a fatal error happened; all I/O refused */
};

struct ut_verify_entry {
    unitls_verify_error error;
    int depth;          /* 0 = leaf, -1 = not tied to a certificate */
    unitls_cert *cert;  /* owned; NULL when unknown */
};

/* One unitls_conn_ignore_verify_error() entry. */
struct ut_ignore_entry {
    unitls_verify_error error;
    unsigned char *der; /* owned; NULL: any certificate */
    size_t der_len;
};

struct unitls_conn {
    unitls_ctx *ctx;
    char *server_name; /* owned, NULL if unset */
    char *verify_name; /* owned, NULL if unset */
    int offline; /* made by unitls_verify_chain(), never has a transport */
    int in_verify_callback; /* the application's verify callback runs */
    enum ut_conn_state state;
    int fd;            /* the socket, or -1 */
    int has_transport; /* a socket or callbacks are attached */
    int handshake_done; /* stays set after a later failure */
    int shutdown_sent;
    int peer_closed;
    int failure; /* the status that moved it to UT_CONN_FAILED */
    int alert_sent;     /* -1 if none */
    int alert_received; /* -1 if none */
    int built_length; /* the chain the backend built, 0 if not told */
    struct ut_verify_entry *verify_errors;
    size_t verify_error_count;
    size_t verify_error_cap;
    struct ut_ignore_entry *ignores; /* owned */
    size_t ignore_count;
    unitls_cert *peer_cert; /* owned; the parsed leaf, NULL if none */
    char *alpn;             /* owned; the protocol agreed, once asked */
    int alpn_loaded;
    /* The chain as sent and the chain as verified (trust anchor last), each
     * decoded on first use (api/src/peer_chain.c). */
    struct ut_cert_chain {
        int loaded;
        size_t count;
        unitls_cert **certs; /* owned */
    } peer_chain, verified_chain;
    /* The last failure's message: UT_ERROR_MAX bytes allocated by the
     * first failure, NULL until then (most connections never fail, and a
     * server may hold many thousands of them). */
    char *error;
    void *impl; /* the provider's connection object */
};

#endif
