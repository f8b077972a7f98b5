/* The pair harness: a real unitls client and a real unitls server (or a raw
 * socket playing one of them) over a socketpair or loopback TCP.
 *
 * The server end runs in a thread, the client end in the test thread. Each
 * end: builds its context and connection from a `struct side`, runs the
 * handshake, runs its `after` hook, then records what it observed (handshake
 * status, version, cipher, verification errors, alerts, peer) against the
 * side's `struct expect`. When an end is done it half-closes its socket
 * (SHUT_WR), so a peer still reading sees EOF instead of waiting; sockets are
 * closed only after both ends are done, so no end ever writes into a closed
 * socket unless a case arranges it. The test thread waits for the server
 * thread at most JOIN_TIMEOUT_SECONDS; with socket timeouts on every
 * descriptor, no case can hang. Nothing depends on timing: every wait is for
 * data or EOF, never for a delay. */
#ifndef CONF_PAIR_H
#define CONF_PAIR_H

#include <stddef.h>

#include <unitls/unitls.h>

#include "outcome.h"

/* Default expectations used by many cases. The cipher suites are unitls'
 * common defaults (the same preference order on every provider). */
#define CIPHER13 "TLS_AES_128_GCM_SHA256"
#define CIPHER12_ECDSA "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
#define CIPHER12_RSA "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"

/* TLS alert descriptions (RFC 8446 section 6). */
#define ALERT_NONE (-1)
#define ALERT_BAD_RECORD_MAC 20
#define ALERT_HANDSHAKE_FAILURE 40
#define ALERT_BAD_CERTIFICATE 42
#define ALERT_CERTIFICATE_EXPIRED 45
#define ALERT_UNKNOWN_CA 48
#define ALERT_PROTOCOL_VERSION 70
#define ALERT_CERTIFICATE_REQUIRED 116
/* Recorded in the results file, but no expectation. */
#define ALERT_ANY OC_UNCHECKED

enum vmode { VM_DEFAULT = 0, VM_NONE, VM_OPTIONAL, VM_REQUIRED };
enum hcheck { HC_DEFAULT = 0, HC_ON, HC_OFF };
enum transport { TR_SOCKETPAIR = 0, TR_TCP };

/* What one end must observe once its hook has run. */
struct expect {
    int hs;              /* handshake status */
    const char *version; /* NULL: none (the handshake did not complete) */
    const char *cipher;
    const char *verify;  /* "[expired@0]", "[]" */
    int alert_sent;      /* ALERT_NONE, ALERT_ANY or a description */
    int alert_recv;
    const char *peer;    /* peer leaf's commonName, "-" for none,
                            NULL: not recorded (failed handshakes) */
};

struct end;
struct vctl;
typedef void (*end_fn)(struct end *e);
/* A further configuration step: UNITLS_OK or the failing call's status. */
typedef int (*end_setup_fn)(struct end *e);

/* One end's configuration. Zero means "the library's default" everywhere;
 * file names are relative to the PKI directory. */
struct side {
    const char *chain, *key, *password; /* own certificate chain and key */
    const char *trust;                  /* unitls_ctx_load_verify_file */
    const char *trust_mem;              /* the same file, through _mem */
    const char *trust_dir;              /* unitls_ctx_load_verify_dir */
    enum vmode verify;
    enum hcheck check_host;
    int min_version, max_version;
    const char *tls12_suites, *tls13_suites; /* unitls_ctx_set_ciphers /
                                                _set_tls13_suites */
    const char *tls12_refused; /* then a TLS 1.2 list that must be refused,
                                  leaving tls12_suites in force */
    const char *server_name, *verify_name; /* clients */
    int free_ctx_early; /* unitls_ctx_free() right after unitls_conn_new() */
    const struct vctl *vctl; /* verification controls (vctl.h), or NULL */
    const char *groups; /* unitls_ctx_set_groups: "X25519:P-256" */
    const char *groups_refused; /* then a list that must be refused,
                                   leaving groups in force */
    const char *alpn;   /* unitls_ctx_set_alpn: "h2,http/1.1" */
    int alpn_continue;  /* servers: UNITLS_ALPN_MISMATCH_CONTINUE */
    int alpn_pick_last; /* servers: a callback choosing the last offered */
    end_setup_fn setup; /* runs once the context is configured, before
                           the connection is made (e->conn is NULL) */
    /* PSK (psk_side.h): a client offers psk_identity with the key psk_key
     * (hex); a server knows only psk_identity, with psk_key, and sends
     * psk_hint. psk_bad makes the callback misbehave (enum psk_bad). */
    const char *psk_identity, *psk_key, *psk_hint;
    int psk_bad;
    end_fn raw;   /* if set, this end is a raw socket: raw() is all it does */
    end_fn after; /* runs after the handshake, whatever its result */
    long arg;     /* parameters for raw / after */
    const char *sarg;
    struct expect x;
};

struct pair_case {
    const char *id;
    enum transport transport;
    struct side client, server;
};

struct pair;

/* One end while a case runs; what hooks work with. */
struct end {
    const struct side *cfg;
    int is_server;
    int fd;
    unitls_ctx *ctx;
    unitls_conn *conn;
    int hs;             /* handshake status */
    char psk_seen[160]; /* what the PSK callback was given: the hint
                           (clients, "(null)" for none) or the identity
                           (servers); "" if it did not run */
    struct outcome o;   /* this end's observations, keys "c." or "s." */
    struct pair *pair;
};

/* Runs one case: pair_run(), then oc_finish(). */
void pair_case_run(const struct pair_case *pc);

/* Runs both ends and merges their observations into `o` (client first).
 * `o` must have been oc_init()ed with an empty prefix. */
void pair_run(const struct pair_case *pc, struct outcome *o);

/* For the client's hooks: waits until the server end has finished (hook
 * included). Returns 1, or 0 after JOIN_TIMEOUT_SECONDS. */
int end_wait_peer_done(struct end *e);

/* Endpoint internals (endpoint.c), used by pair.c. */
void end_run(struct end *e);
void end_release(struct end *e);

/* Expectation shorthands. */
#define EX_OK(ver, ciph, peer_)                                                \
    {.hs = UNITLS_OK, .version = (ver), .cipher = (ciph), .verify = "[]",     \
     .alert_sent = ALERT_NONE, .alert_recv = ALERT_NONE, .peer = (peer_)}
#define EX_OK13(peer_) EX_OK("TLSv1.3", CIPHER13, peer_)
#define EX_OK12(peer_) EX_OK("TLSv1.2", CIPHER12_ECDSA, peer_)
#define EX_FAIL(st, verify_, sent, recv)                                       \
    {.hs = (st), .verify = (verify_), .alert_sent = (sent),                   \
     .alert_recv = (recv)}

/* The usual server and client configurations. */
#define SRV_STD .chain = "server-chain.pem", .key = "server.key"
#define CLI_STD .trust = "root-ca.crt", .server_name = "localhost"
#define CN_SERVER "localhost"
#define CN_CLIENT "unitls test client"

#endif
