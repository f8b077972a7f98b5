/* The provider vtable: what every backend implements, and what the API layer
 * offers back to providers. Only the API layer calls through the vtable; the
 * API layer has already checked arguments, role and state. */
#ifndef UT_PROVIDER_H
#define UT_PROVIDER_H

#include <stddef.h>
#include <stdint.h>

#include <unitls/unitls.h>

#include "../../common/blob.h"
#include "objects.h"

struct unitls_provider {
    const char *name;   /* "openssl", "wolfssl", "boringssl" */
    uint32_t caps;      /* UNITLS_CAP_* */

    /* --- library --- */
    /* Backend run-time version string; static, never NULL. */
    const char *(*backend_version)(void);
    /* Called exactly once before any other member (the API layer serialises
     * it). Returns UNITLS_OK or UNITLS_E_INTERNAL. */
    int (*global_init)(void);

    /* --- context --- (each returns a UNITLS_* status and, on failure, has
     * written the message with ut_ctx_fail) */
    /* Creates ctx->impl for ctx->role with the API's defaults already in the
     * ctx fields (versions, verify mode): no compression, no renegotiation,
     * session tickets as the backend's default. */
    int (*ctx_new)(unitls_ctx *ctx);
    void (*ctx_free)(unitls_ctx *ctx);
    /* Applies ctx->min_version/max_version (already validated). */
    int (*ctx_apply_versions)(unitls_ctx *ctx);
    /* Applies ctx->verify_mode (already validated). Providers route every
     * verification through ut_verify_add / ut_verify_finish. */
    int (*ctx_apply_verify_mode)(unitls_ctx *ctx);
    /* Adds one DER certificate as a trust anchor. UNITLS_E_PARSE if the
     * backend rejects it. */
    int (*ctx_add_trust_der)(unitls_ctx *ctx, const unsigned char *der,
                             size_t len);
    /* Adds a hashed directory (already checked to exist). */
    int (*ctx_load_trust_dir)(unitls_ctx *ctx, const char *path);
    int (*ctx_load_system_trust)(unitls_ctx *ctx);
    /* Sets the own chain (chain->items[0] is the leaf, DER) and key (PEM or
     * DER, maybe encrypted; NUL-terminated past key_len). Returns UNITLS_OK,
     * UNITLS_E_PARSE, UNITLS_E_KEY_PASSWORD or UNITLS_E_KEY_MISMATCH. */
    int (*ctx_use_cert_key)(unitls_ctx *ctx, const struct ut_blob_list *chain,
                            const unsigned char *key, size_t key_len,
                            const char *password);

    /* --- connection --- */
    int (*conn_new)(unitls_conn *conn); /* sets conn->impl */
    void (*conn_free)(unitls_conn *conn);
    int (*conn_set_fd)(unitls_conn *conn, int fd);
    /* Clients: the SNI host name (never an IP literal). */
    int (*conn_set_sni)(unitls_conn *conn, const char *host);
    /* Drives the handshake. Returns UNITLS_OK, WANT_*, or an error status
     * with the message written by ut_conn_fail. Fatal alerts sent or
     * received must be reported with ut_conn_note_alert. */
    int (*conn_handshake)(unitls_conn *conn);
    /* Read: UNITLS_OK with *n > 0; UNITLS_OK with *n == 0 on close_notify;
     * UNITLS_E_EOF when the transport ended without close_notify. */
    int (*conn_read)(unitls_conn *conn, void *buf, size_t len, size_t *n);
    /* Write: len > 0. Must not raise SIGPIPE. */
    int (*conn_write)(unitls_conn *conn, const void *buf, size_t len,
                      size_t *n);
    size_t (*conn_pending)(const unitls_conn *conn);
    /* Sends close_notify; does not wait for the peer's. */
    int (*conn_shutdown)(unitls_conn *conn);
    /* After the handshake: wire version (0x0303, 0x0304) and the IANA
     * cipher-suite id (e.g. 0x1301). */
    int (*conn_version)(const unitls_conn *conn);
    int (*conn_cipher_id)(const unitls_conn *conn);
    /* After the handshake: the peer's certificates as it sent them, leaf
     * first, appended to *out as DER. Empty when it sent none. */
    int (*conn_peer_chain)(const unitls_conn *conn, struct ut_blob_list *out);
};

/* The one provider linked into this library. */
extern const struct unitls_provider ut_provider;

/* --- What the API layer offers providers --- */

/* Records a failure message (printf format) on ctx / conn and returns
 * `status`, so a provider can `return ut_ctx_fail(ctx, UNITLS_E_PARSE, ...)`. */
int ut_ctx_fail(unitls_ctx *ctx, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int ut_conn_fail(unitls_conn *conn, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Records a fatal alert: sent != 0 for one we sent, 0 for one we received.
 * Only the first of each direction is kept. close_notify (0) is ignored. */
void ut_conn_note_alert(unitls_conn *conn, int sent, int description);

/* The status a received fatal alert means: UNITLS_E_VERSION for
 * protocol_version (70), UNITLS_E_PEER_ALERT otherwise. */
int ut_status_for_received_alert(int description);

/*
 * Verification. During the handshake, the provider lets its backend validate
 * the chain and reports every problem it found, then hands the decision to
 * the API layer, which is the same for every provider:
 *
 *   for each problem:  ut_verify_add(conn, error, depth, der, der_len);
 *   then once:         accept = ut_verify_finish(conn, leaf_der, leaf_len,
 *                                                &alert);
 *
 * ut_verify_finish() checks the host name (clients), applies the verify mode,
 * keeps the parsed leaf as the peer certificate, and returns 1 to continue or
 * 0 to abort; on 0, `alert` is the TLS alert the provider must send (its
 * backend's nearest way of sending exactly that alert). `der` may be NULL
 * when the problem is not tied to a certificate. A peer that sent no
 * certificate where one is required is reported by the provider as
 * ut_verify_add(conn, UNITLS_VERR_NO_PEER_CERTIFICATE, -1, NULL, 0) and the
 * handshake fails with UNITLS_E_VERIFY.
 * Returns of ut_verify_add: UNITLS_OK or UNITLS_E_NOMEM.
 */
int ut_verify_add(unitls_conn *conn, unitls_verify_error error, int depth,
                  const unsigned char *der, size_t der_len);
int ut_verify_finish(unitls_conn *conn, const unsigned char *leaf_der,
                     size_t leaf_len, int *alert);

#endif
