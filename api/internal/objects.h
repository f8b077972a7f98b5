/* The API layer's objects. Providers may read the configuration fields and
 * own `impl`; everything else is the API layer's. */
#ifndef UT_OBJECTS_H
#define UT_OBJECTS_H

#include <stdatomic.h>
#include <stddef.h>

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

struct unitls_conn {
    unitls_ctx *ctx;
    enum ut_conn_state state;
    int fd;            /* the socket, or -1 */
    int has_transport; /* a socket or callbacks are attached */
    char *server_name; /* owned, NULL if unset */
    char *verify_name; /* owned, NULL if unset */
    int handshake_done; /* stays set after a later failure */
    int shutdown_sent;
    int peer_closed;
    int failure; /* the status that moved it to UT_CONN_FAILED */
    int alert_sent;     /* -1 if none */
    int alert_received; /* -1 if none */
    struct ut_verify_entry *verify_errors;
    size_t verify_error_count;
    size_t verify_error_cap;
    unitls_cert *peer_cert; /* owned; the parsed leaf, NULL if none */
    /* The chain as sent and the chain as verified (trust anchor last), each
     * decoded on first use (api/src/peer_chain.c). */
    struct ut_cert_chain {
        int loaded;
        size_t count;
        unitls_cert **certs; /* owned */
    } peer_chain, verified_chain;
    char error[UT_ERROR_MAX];
    void *impl; /* the provider's connection object */
};

#endif
