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
    /* The key-exchange groups in force (IANA ids, preference order), owned;
     * NULL until set: unitls' defaults. Read them with ut_ctx_groups. */
    int *groups;
    size_t group_count;
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
    /* SNI (api/src/sni.c): a server's callback. */
    unitls_sni_fn sni_cb;
    void *sni_cb_user;
    int has_identity; /* a certificate and key have been set */
    /* Asked for the password of an encrypted key or PKCS#12 file
     * (api/src/ctx_password.c). */
    unitls_password_fn password_cb;
    void *password_cb_user;
    /* Key log (api/src/keylog.c): the file (-1: none) and the callback. */
    int keylog_fd;
    unitls_keylog_fn keylog_cb;
    void *keylog_cb_user;
    /* OCSP stapling (api/src/ocsp.c): a server's response (owned, NULL if
     * none), a client's request mode. */
    unsigned char *ocsp_response;
    size_t ocsp_response_len;
    unitls_ocsp_mode ocsp_mode;
    /* PSK (api/src/psk.c): a client's or a server's callback (one of them,
     * by role), its argument, a server's identity hint (owned, NULL if
     * none). */
    unitls_psk_client_fn psk_client_cb;
    unitls_psk_server_fn psk_server_cb;
    void *psk_cb_user;
    char *psk_hint;
    /* Session resumption (api/src/session_ctx.c), servers: tickets on,
     * their lifetime, and the ticket keys (owned; NULL on clients). */
    int session_tickets;
    uint32_t session_lifetime;
    struct ut_ticket_keys *ticket_keys;
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

/* Fields are ordered so that the compiler adds no padding, and yes/no
 * facts are one-bit fields: a server may hold many thousands of these. */
struct unitls_conn {
    unitls_ctx *ctx;
    char *server_name; /* owned, NULL if unset; on a server, the name the
                          client sent (SNI) */
    char *verify_name; /* owned, NULL if unset */
    struct ut_verify_entry *verify_errors;
    unsigned verify_error_count; /* a handful: one per problem found */
    unsigned verify_error_cap;
    struct ut_ignore_entry *ignores; /* owned */
    size_t ignore_count;
    unitls_cert *peer_cert; /* owned; the parsed leaf, NULL if none */
    char *alpn;             /* owned; the protocol agreed, once asked */
    unitls_session *session; /* a reference to the session offered, or NULL */
    unitls_ctx *sni_ctx; /* a reference: the context whose certificate the
                            SNI callback chose, NULL if none */
    /* PSK (api/src/psk.c): the identity a callback gave (clients) or
     * accepted (servers) in this handshake, owned, NULL if none; a
     * callback's failure, decided when it ran and recorded when the
     * provider's handshake returns: its status (psk_failure, 0: none) and
     * words. */
    char *psk_identity;
    const char *psk_problem;
    /* The chain as sent and the chain as verified (trust anchor last), each
     * decoded on first use (api/src/peer_chain.c). */
    struct ut_cert_chain {
        unitls_cert **certs; /* owned */
        size_t count;
    } peer_chain, verified_chain;
    /* The last failure's message: UT_ERROR_MAX bytes allocated by the
     * first failure, NULL until then (most connections never fail). */
    char *error;
    void *impl; /* the provider's connection object */
    enum ut_conn_state state;
    int fd;             /* the socket, or -1 */
    int failure;        /* the status that moved it to UT_CONN_FAILED */
    int alert_sent;     /* -1 if none */
    int alert_received; /* -1 if none */
    int built_length;   /* the chain the backend built, 0 if not told */
    int psk_failure;
    unsigned offline : 1; /* made by unitls_verify_chain(), never has a
                             transport */
    unsigned in_verify_callback : 1; /* the application's verify callback
                                        runs */
    unsigned in_sni_callback : 1;    /* the application's SNI callback runs */
    unsigned has_transport : 1;      /* a socket or callbacks are attached */
    unsigned handshake_done : 1;     /* stays set after a later failure */
    unsigned shutdown_sent : 1;
    unsigned peer_closed : 1;
    unsigned alpn_loaded : 1;
    unsigned resumed : 1;      /* the completed handshake resumed a session */
    unsigned ocsp_missing : 1; /* a client refused the handshake: none
                                  stapled */
    unsigned psk_unknown_identity : 1; /* psk_failure counts only if the
                                          handshake fails (TLS 1.3 may go on
                                          without the PSK) */
};

#endif
