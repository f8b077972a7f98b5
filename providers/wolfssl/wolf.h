/* The wolfSSL provider's internal interface: its objects and the functions its
 * files share. Every file of the provider includes this header first, so
 * wolfSSL's build options are seen before any of its headers. */
#ifndef UT_WOLF_H
#define UT_WOLF_H

/* options.h redefines _FORTIFY_SOURCE unless told not to; the build decides
 * that, not a library header (it breaks -O0 builds with -Werror). */
#define WOLFSSL_OPTIONS_IGNORE_SYS
#include <wolfssl/options.h>
#include <wolfssl/ssl.h>

#include <pthread.h>
#include <stddef.h>

#include "provider.h"
#include "tls_records.h"
#include "transport.h"

/* What the provider relies on in wolfSSL's build. */
#if !defined(OPENSSL_EXTRA) || !defined(WOLFSSL_ALWAYS_VERIFY_CB) ||          \
    !defined(WOLFSSL_VERIFY_CB_ALL_CERTS) || !defined(SESSION_CERTS) ||       \
    !defined(KEEP_PEER_CERT) || !defined(HAVE_EX_DATA) ||                     \
    !defined(WOLFSSL_TLS13) || !defined(HAVE_SNI) ||                          \
    !defined(WOLFSSL_SIGNER_DER_CERT) || defined(NO_FILESYSTEM)
#error "unitls needs wolfSSL built with OPENSSL_EXTRA, \
WOLFSSL_ALWAYS_VERIFY_CB, WOLFSSL_VERIFY_CB_ALL_CERTS, SESSION_CERTS, \
KEEP_PEER_CERT, HAVE_EX_DATA, WOLFSSL_TLS13, HAVE_SNI, \
WOLFSSL_SIGNER_DER_CERT (the trust anchors' DER, for the verified chain) \
and a file system (Debian's libwolfssl-dev has them)"
#endif

/* A certificate's issuer and subject names, hashed as wolfSSL hashes them
 * (wolfSSL_X509_NAME_hash(): SHA-1 of OpenSSL's canonical form), so that
 * equal hashes mean names OpenSSL finds equal. */
struct wolf_names {
    unsigned long issuer, subject;
};

/* wolfSSL's verdict on each certificate of a peer's chain: what the verify
 * callbacks learn during one handshake (wolfSSL calls them once per
 * certificate, the last one sent first and the leaf last), or what a replay
 * finds (wolf_replay.c). */
struct wolf_verify {
    int *errors; /* wolfSSL's error per position in the chain (0 = none) */
    int count;   /* number of certificates */
    struct wolf_names top; /* the last certificate's names, if has_top */
    int has_top;
};

/* The connection's verification, decided at the leaf (wolf_verify.c). */
struct wolf_verdict {
    int decided;     /* the leaf has been judged */
    int status;      /* 0; UNITLS_E_VERIFY once we rejected the peer;
                        UNITLS_E_NOMEM if the judging itself failed */
    int keep_native; /* on rejection: leave wolfSSL's own error (and alert) */
};

/* A server's look at the ClientHello (wolf_hello.c). */
enum wolf_hello_refusal {
    WOLF_HELLO_ACCEPTED = 0,
    WOLF_HELLO_NO_VERSION, /* TLS 1.2-only servers: it offers
                              supported_versions, none acceptable */
    WOLF_HELLO_NO_GROUP    /* no key-exchange group in common */
};
struct wolf_hello {
    unsigned char *buf; /* the first record, as far as read */
    size_t len;
    size_t served;  /* bytes of buf already handed to wolfSSL */
    enum wolf_hello_refusal refused; /* why it was refused, if it was */
    unsigned complete : 1; /* the record is in (or will not be looked at) */
    unsigned done : 1;     /* looked at and handed over */
};

/* Output queued while the transport could not take it (wolf_out.c). */
struct wolf_out {
    unsigned char *buf;
    size_t cap, len, off; /* bytes off..len are still to send */
    int active;           /* the send callback queues instead of WANT */
};

/* conn->impl */
struct wolf_conn {
    WOLFSSL *ssl;
    unitls_conn *conn;
    struct ut_transport io; /* the descriptor or the callbacks */
    int io_errno; /* errno of the last failing read or write, else 0 */
    int group_chosen; /* servers: the group the API layer chose, or 0 */
    /* One-bit facts, so that an idle connection stays small. */
    unsigned io_eof : 1;        /* the transport ended (recv() returned 0) */
    unsigned peer_gone : 1;     /* a read has seen the end of the stream */
    unsigned muted : 1;         /* the provider sent the fatal alert itself */
    unsigned dropped_sends : 1; /* wolfSSL wrote after either; nothing was
                                   sent */
    unsigned hs_finished : 1;   /* wolfSSL's handshake returned success */
    unsigned close_sent : 1;    /* wolfSSL_shutdown() has sent close_notify */
    unsigned ticket_at_close : 1; /* clients: the session had a ticket then */
    unsigned alpn_refused : 1; /* no ALPN protocol acceptable: alert sent
                                  (wolf_alpn.c) */
    struct wolf_verdict verdict;
    struct ut_records records; /* every byte read from the peer (wolf_io.c) */
    struct wolf_hello hello;
    struct wolf_verify *notes; /* the callbacks' notes until the verdict */
    struct wolf_out out;
    struct ut_blob_list judged; /* see wolf_judged() */
};

/* The context's trust anchors as they were when its first connection was
 * made (wolf_anchors.c): wolfSSL later adds the intermediates of verified
 * peers to the context's certificate manager, which OpenSSL's store never
 * does, so chains are judged and measured against this copy. */
struct wolf_anchor {
    unsigned char *der;
    size_t len;
    unsigned long subject_hash, issuer_hash;
    int above; /* anchors above this one, by issuer name, up to a root */
};

/* The kind of a certificate's key, for the TLS 1.2 suites that can use it. */
enum wolf_key_kind { WOLF_KEY_OTHER, WOLF_KEY_EC, WOLF_KEY_RSA };

/* ctx->impl */
struct wolf_ctx_impl {
    WOLFSSL_CTX *ssl_ctx;
    struct ut_blob_list untrusted; /* DER, unitls_ctx_load_untrusted_* */
    struct ut_blob_list crls;      /* DER, unitls_ctx_load_crl_* */
    pthread_mutex_t freeze_lock;
    int frozen;                    /* anchors copied, CRLs loaded */
    struct wolf_anchor *anchors;
    size_t anchor_count;
    /* The identity installed last (wolf_identity.c), for connections whose
     * SNI callback serves it (wolf_sni.c): the chain as concatenated DER,
     * leaf first, and the plain DER key (wiped when freed). Owned. */
    struct ut_blob identity_chain, identity_key;
    enum wolf_key_kind identity_kind;
};

static inline struct wolf_ctx_impl *wolf_ctx_impl(const unitls_ctx *ctx)
{
    return (struct wolf_ctx_impl *)ctx->impl;
}

static inline WOLFSSL_CTX *wolf_ctx(const unitls_ctx *ctx)
{
    return wolf_ctx_impl(ctx)->ssl_ctx;
}

static inline struct wolf_conn *wolf_conn(const unitls_conn *conn)
{
    return (struct wolf_conn *)conn->impl;
}

/* wolf_provider.c: the ex_data slot holding the unitls_conn of a WOLFSSL. */
int wolf_conn_ex_index(void);

/* wolf_thread.c: frees wolfSSL's per-thread ECC cache when a thread that
 * used the provider exits. wolf_thread_init() once (global init), then
 * wolf_thread_enter() before any ECC work on a thread. */
int wolf_thread_init(void);
void wolf_thread_enter(void);

/* wolf_ctx_defaults.c: unitls' protocol defaults (suites, groups, server
 * preference; tickets: wolf_session.c). UNITLS_OK or an error
 * recorded on ctx. */
int wolf_ctx_apply_defaults(unitls_ctx *ctx);
/* The same file: the cipher suites an application sets (provider.h,
 * ctx_apply_tls12_suites / ctx_apply_tls13_suites). */
int wolf_ctx_apply_tls12_suites(unitls_ctx *ctx, const int *ids, size_t n);
int wolf_ctx_apply_tls13_suites(unitls_ctx *ctx, const int *ids, size_t n);
/* The same file: sets the suites in force on ctx again on one connection
 * whose certificate changed to one with a key of kind `kind`, leaving out
 * the TLS 1.2 suites that cannot use such a key: wolfSSL keeps the key
 * types of the certificate it had as usable (an ECDSA server switched to
 * an RSA key would pick an ECDSA suite, then fail to sign). Returns 1 on
 * success. */
int wolf_ssl_reapply_suites(const unitls_ctx *ctx, WOLFSSL *ssl,
                            enum wolf_key_kind kind);

/* wolf_groups.c: sets the context's groups (IANA ids, each in the
 * registry), UNITLS_E_UNSUPPORTED naming one wolfSSL lacks; the vtable's
 * ctx_apply_groups and conn_group_id; and a server's choice of group for
 * the ClientHello's supported_groups and supported_versions bodies, applied
 * to the connection (ut_groups_choose's answer). */
int wolf_groups_set(unitls_ctx *ctx, const int *ids, size_t n);
int wolf_ctx_apply_groups(unitls_ctx *ctx, const int *ids, size_t n);
/* Sets the groups in force again (ut_ctx_groups), after something that
 * changes which of them wolfSSL may offer (a PSK client's callback). */
int wolf_groups_reapply(unitls_ctx *ctx);
int wolf_conn_group_id(const unitls_conn *conn);
int wolf_groups_choose(struct wolf_conn *wc, const unsigned char *groups,
                       size_t groups_len, const unsigned char *versions,
                       size_t versions_len);

/* wolf_ctx.c */
int wolf_ctx_new(unitls_ctx *ctx);
void wolf_ctx_free(unitls_ctx *ctx);
int wolf_ctx_apply_versions(unitls_ctx *ctx);
int wolf_ctx_apply_verify_mode(unitls_ctx *ctx);
/* wolf_identity.c: frees the kept identity. */
void wolf_identity_free(struct wolf_ctx_impl *impl);
/* wolf_sni.c */
void wolf_sni_install(WOLFSSL_CTX *ssl_ctx);
int wolf_conn_use_identity_of(unitls_conn *conn, const unitls_ctx *from);
/* wolf_keylog.c, wolf_ocsp.c: what Debian's wolfSSL cannot do */
int wolf_ctx_apply_keylog(unitls_ctx *ctx);
void wolf_conn_ocsp_response(const unitls_conn *conn,
                             const unsigned char **der, size_t *len);

/* wolf_alpn.c */
void wolf_alpn_install(WOLFSSL_CTX *ssl_ctx);
int wolf_ctx_apply_alpn(unitls_ctx *ctx);
/* PSK (wolf_psk.c): the ctx_apply_psk of the vtable. */
int wolf_ctx_apply_psk(unitls_ctx *ctx);
void wolf_conn_alpn(const unitls_conn *conn, const unsigned char **proto,
                    size_t *len);
/* wolf_verify_params.c */
int wolf_ctx_apply_verify_params(unitls_ctx *ctx);
int wolf_ctx_add_untrusted_der(unitls_ctx *ctx, const unsigned char *der,
                               size_t len);
int wolf_ctx_add_crl_der(unitls_ctx *ctx, const unsigned char *der,
                         size_t len);
int wolf_conn_verify_offline(unitls_conn *conn,
                             const struct ut_blob_list *chain);

/* wolf_trust.c */
int wolf_ctx_add_trust_der(unitls_ctx *ctx, const unsigned char *der,
                           size_t len);
int wolf_ctx_load_trust_dir(unitls_ctx *ctx, const char *path);
int wolf_ctx_load_system_trust(unitls_ctx *ctx);

/* wolf_identity.c */
int wolf_ctx_use_cert_key(unitls_ctx *ctx, const struct ut_blob_list *chain,
                          const unsigned char *key, size_t key_len,
                          const char *password);

/* wolf_pkcs12.c: the vtable's ctx_parse_pkcs12. */
int wolf_ctx_parse_pkcs12(unitls_ctx *ctx, const unsigned char *der,
                          size_t len, const char *password,
                          struct ut_blob_list *certs, struct ut_blob *key);

/* wolf_key.c: the private key (PEM or DER, maybe encrypted) as plain DER
 * in a new buffer (*der, freed by the caller after ut_wipe). Returns
 * UNITLS_OK, UNITLS_E_PARSE, UNITLS_E_KEY_PASSWORD (message on ctx) or
 * UNITLS_E_NOMEM. *encrypted tells whether the input was encrypted. */
int wolf_key_to_der(unitls_ctx *ctx, const unsigned char *key,
                    size_t key_len, const char *password,
                    unsigned char **der, size_t *der_len, int *encrypted);
/* The message for UNITLS_E_KEY_PASSWORD, as every provider words it. */
extern const char wolf_key_password_msg[];

/* wolf_key_check.c: whether the private key (plain DER) belongs to the
 * certificate (DER). Returns UNITLS_OK; UNITLS_E_PARSE when the key (or the
 * certificate) cannot be read; UNITLS_E_KEY_MISMATCH. */
int wolf_key_check(const unsigned char *key_der, size_t key_len,
                   const unsigned char *cert_der, size_t cert_len);

/* wolf_io.c: wolfSSL's I/O callbacks, over wc->io (the descriptor or the
 * application's callbacks, common/transport.h). */
void wolf_io_install(WOLFSSL_CTX *ssl_ctx);
/* Clears what the callbacks noted about the last failure. */
void wolf_io_begin(struct wolf_conn *wc);
/* A read of the transport with its bookkeeping: the byte count (> 0) or a
 * WOLFSSL_CBIO_ERR_* code. Every byte read is fed to wc->records, and the
 * peer's first bytes are refused (WOLF_IO_REFUSED) when they cannot start
 * a TLS record: wolfSSL accepts any record version in the first record, so
 * garbage that happens to start with 0x16 would make it wait for more. A
 * TLS 1.2 renegotiation attempt is refused the same way, at its record
 * header (common/tls_records.h), so that wolfSSL answers nothing. */
int wolf_io_recv_raw(struct wolf_conn *wc, unsigned char *buf, size_t len);
/* What the transport tells wolfSSL once the provider has refused the
 * peer's first bytes, or a renegotiation: "closed". On that wolfSSL sends
 * nothing (after a general error it may send an alert of its own
 * choosing); wolf_status() then says what happened and, for first bytes
 * that are not TLS, sends the alert OpenSSL would. */
#define WOLF_IO_REFUSED WOLFSSL_CBIO_ERR_CONN_CLOSE

/* wolf_out.c: the handshake's and shutdown's output (see there).
 * wolf_out_send: the send callback's answer while out.active: the bytes
 * the transport takes now, the rest queued; len, or a CBIO error.
 * wolf_out_flush: sends the queue; UNITLS_OK once empty, UNITLS_WANT_WRITE,
 * or UNITLS_E_IO (wc->io_errno set). */
int wolf_out_send(struct wolf_conn *wc, const unsigned char *buf, size_t len);
int wolf_out_flush(struct wolf_conn *wc);
int wolf_out_pending(const struct wolf_conn *wc);
void wolf_out_free(struct wolf_conn *wc);

/* wolf_records.c: when wolfSSL stopped at a plaintext alert it cannot
 * read, reads it: returns its description if it is fatal, else -1. */
int wolf_records_plain_alert(struct wolf_conn *wc);
/* 1 if wolfSSL stopped right after the header of a plaintext alert. */
int wolf_records_at_alert(const struct wolf_conn *wc);

/* wolf_hello.c: whether wolfSSL's reads go through the server's look at
 * the ClientHello; that read (a recv callback's answer); clean-up. */
int wolf_hello_pending(const struct wolf_conn *wc);
int wolf_hello_recv(struct wolf_conn *wc, unsigned char *buf, size_t sz);
void wolf_hello_free(struct wolf_conn *wc);

/* wolf_raw_alert.c: sends a fatal alert wolfSSL failed to send, as a
 * plaintext record; only valid while our direction is not yet encrypted.
 * wolf_raw_alert_instead() sends one in place of the alert wolfSSL is about
 * to send (which the transport then drops), if our direction is still
 * plaintext in the handshake; returns 1 if it did. */
void wolf_raw_alert(unitls_conn *conn, int description);
int wolf_raw_alert_instead(unitls_conn *conn, int description);

/* wolf_conn.c */
int wolf_conn_new(unitls_conn *conn);
void wolf_conn_free(unitls_conn *conn);
int wolf_conn_set_fd(unitls_conn *conn, int fd);
int wolf_conn_set_io(unitls_conn *conn, unitls_io_read_fn rd,
                     unitls_io_write_fn wr, void *user);
int wolf_conn_set_sni(unitls_conn *conn, const char *host);

/* wolf_transfer.c */
int wolf_conn_handshake(unitls_conn *conn);
int wolf_conn_read(unitls_conn *conn, void *buf, size_t len, size_t *n);
int wolf_conn_write(unitls_conn *conn, const void *buf, size_t len,
                    size_t *n);
size_t wolf_conn_pending(const unitls_conn *conn);
int wolf_conn_shutdown(unitls_conn *conn);

/* wolf_session.c: resumption. wolf_sessions_install from ctx_new;
 * wolf_session_conn_new from conn_new (a server with tickets off turns
 * them off on the connection). */
int wolf_sessions_install(unitls_ctx *ctx);
int wolf_session_conn_new(unitls_conn *conn);
void wolf_session_note_close(struct wolf_conn *wc);
int wolf_ctx_apply_sessions(unitls_ctx *ctx);
int wolf_conn_session(unitls_conn *conn, void **session, uint32_t *lifetime);
int wolf_conn_set_session(unitls_conn *conn, void *session);
int wolf_conn_session_reused(const unitls_conn *conn);
int wolf_session_to_bytes(void *session, unsigned char **out, size_t *len);
int wolf_session_from_bytes(const unsigned char *data, size_t len,
                            void **session);
void wolf_session_free(void *session);

/* wolf_session_check.c: does a serialized session stay within what
 * wolfSSL's reader can hold? Returns 1 or 0. */
int wolf_session_layout_ok(const unsigned char *data, size_t len);

/* wolf_session_info.c */
int wolf_conn_version(const unitls_conn *conn);
int wolf_conn_cipher_id(const unitls_conn *conn);
int wolf_conn_peer_chain(const unitls_conn *conn, struct ut_blob_list *out);

/* wolf_status.c: the one translation of a failed wolfSSL call (its return
 * value `ret`) into a unitls status: WANT_* as such, anything else recorded
 * with ut_conn_fail. `op` names the operation ("handshake", "read", ...).
 * Also records the fatal alerts sent and received. */
int wolf_status(unitls_conn *conn, int ret, const char *op);

/* wolf_verify.c: installs the verify callbacks on a context. */
void wolf_verify_install(WOLFSSL_CTX *ssl_ctx, int wolf_mode);
/* Frees what the callbacks or a replay learnt, and forgets it. */
void wolf_verify_reset(struct wolf_verify *v);
/* Frees the callbacks' notes of a connection (NULL once judged). */
void wolf_verify_notes_free(struct wolf_conn *wc);

/* wolf_verify_codes.c: what a wolfSSL verification error means. */
unitls_verify_error wolf_verify_error(int wolf_error);
/* 1 if the error says an issuer could not be found (chain building). */
int wolf_is_chain_error(int wolf_error);
/* The alert wolfSSL sends itself when the verification of a certificate
 * with this error is vetoed. */
int wolf_native_alert(int wolf_error);

/* wolf_chain.c: reports the errors recorded for the peer's chain the way
 * OpenSSL's chain builder would see them, then the verify depth
 * (ut_verify_depth_exceeded) on the chain as OpenSSL would build it.
 * certs[0..sent) are the certificates the peer sent, certs[sent..count)
 * untrusted intermediates. Returns UNITLS_OK or UNITLS_E_NOMEM. */
int wolf_chain_report(unitls_conn *conn, const struct wolf_verify *v,
                      const WOLFSSL_BUFFER_INFO *certs, int sent, int count);
/* The same file: the peer's chain as verified, leaf first and the trust
 * anchor (from the context's certificate manager) last; the vtable's
 * conn_verified_chain. */
int wolf_conn_verified_chain(const unitls_conn *conn,
                             struct ut_blob_list *out);

/* wolf_judge.c: the one judgement of a peer's chain, in the handshake and
 * offline. `sent` holds the `count` certificates as the peer sent them
 * (leaf first); `native` is what the handshake's callbacks collected, or
 * NULL when there is no handshake. When the context's settings need more
 * than wolfSSL's handshake checks (or without `native`), the chain is
 * judged by wolf_replay() instead, with the untrusted intermediates after
 * the certificates sent. Every problem goes to ut_verify_add. Returns
 * UNITLS_OK or UNITLS_E_NOMEM. */
int wolf_judge(unitls_conn *conn, const struct wolf_verify *native,
               const WOLFSSL_BUFFER_INFO *sent, int count);
/* The certificates last judged by a replay (sent, then untrusted), DER;
 * empty after a judgement from the handshake's own checks. */
const struct ut_blob_list *wolf_judged(const unitls_conn *conn);

/* wolf_replay.c: wolfSSL's validation of certs[0..count) (the leaf first;
 * certs[sent..count) are untrusted intermediates) in a certificate manager
 * of its own, as its handshake validates a peer's chain: fills `v` with
 * wolfSSL's error for each certificate. Returns UNITLS_OK or
 * UNITLS_E_NOMEM. */
int wolf_replay(const unitls_conn *conn, const WOLFSSL_BUFFER_INFO *certs,
                int sent, int count, struct wolf_verify *v);

/* wolf_anchors.c: a certificate's names, from its decoded form or from its
 * DER (read for its names only: no WOLFSSL_X509, whose key setup seeds a
 * DRBG). Return UNITLS_OK, or UNITLS_E_PARSE when they cannot be read. */
int wolf_names_of_x509(WOLFSSL_X509 *x509, struct wolf_names *out);
int wolf_names_of_der(const unsigned char *der, size_t len,
                      struct wolf_names *out);

/* The same file: the context's trust anchors, copied once, when its
 * first connection is made (wolf_ctx_freeze; thread-safe, idempotent). */
int wolf_ctx_freeze(const unitls_ctx *ctx);
void wolf_anchors_free(struct wolf_ctx_impl *w);
/* Loads the anchors into a certificate manager. */
void wolf_anchors_load(const unitls_ctx *ctx, WOLFSSL_CERT_MANAGER *cm);
/* How many anchors a chain whose top certificate has the names `top` gains,
 * found by issuer name up to a self-issued one: 0 if top is self-issued or
 * no anchor issued it. wolf_anchor_above(): the k-th of them (0: top's
 * issuer), or NULL. */
int wolf_anchors_above(const unitls_ctx *ctx, const struct wolf_names *top);
const struct wolf_anchor *wolf_anchor_above(const unitls_ctx *ctx,
                                            const struct wolf_names *top,
                                            int k);
/* 1 if this DER certificate is one of the anchors. */
int wolf_is_anchor(const unitls_ctx *ctx, const unsigned char *der,
                   size_t len);
/* The most wolf_anchors_above() can return for this context. */
int wolf_anchors_max_above(const unitls_ctx *ctx);

#endif
