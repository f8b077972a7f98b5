/* The provider functions OpenSSL and BoringSSL share. Each provider file
 * (providers/openssl/, providers/boringssl/) defines ut_provider with its
 * name, capabilities and version string, and takes everything else from
 * OSSL_SHARED_ENTRIES. */
#ifndef OSSL_PROVIDER_H
#define OSSL_PROVIDER_H

#include "provider.h"

int ossl_global_init(void);

int ossl_ctx_new(unitls_ctx *ctx);
void ossl_ctx_free(unitls_ctx *ctx);
int ossl_ctx_apply_versions(unitls_ctx *ctx);
int ossl_ctx_apply_verify_mode(unitls_ctx *ctx);
int ossl_ctx_add_trust_der(unitls_ctx *ctx, const unsigned char *der,
                           size_t len);
int ossl_ctx_load_trust_dir(unitls_ctx *ctx, const char *path);
int ossl_ctx_load_system_trust(unitls_ctx *ctx);
int ossl_ctx_use_cert_key(unitls_ctx *ctx, const struct ut_blob_list *chain,
                          const unsigned char *key, size_t key_len,
                          const char *password);
int ossl_ctx_parse_pkcs12(unitls_ctx *ctx, const unsigned char *der,
                          size_t len, const char *password,
                          struct ut_blob_list *certs, struct ut_blob *key);
int ossl_ctx_apply_tls12_suites(unitls_ctx *ctx, const int *ids, size_t n);
int ossl_ctx_apply_tls13_suites(unitls_ctx *ctx, const int *ids, size_t n);

int ossl_ctx_apply_verify_params(unitls_ctx *ctx);
int ossl_ctx_add_untrusted_der(unitls_ctx *ctx, const unsigned char *der,
                               size_t len);
int ossl_ctx_add_crl_der(unitls_ctx *ctx, const unsigned char *der,
                         size_t len);

int ossl_ctx_apply_alpn(unitls_ctx *ctx);
int ossl_ctx_apply_groups(unitls_ctx *ctx, const int *ids, size_t n);
int ossl_ctx_apply_keylog(unitls_ctx *ctx);
int ossl_ctx_apply_psk(unitls_ctx *ctx);

int ossl_conn_new(unitls_conn *conn);
void ossl_conn_free(unitls_conn *conn);
int ossl_conn_set_fd(unitls_conn *conn, int fd);
int ossl_conn_set_io(unitls_conn *conn, unitls_io_read_fn rd,
                     unitls_io_write_fn wr, void *user);
int ossl_conn_set_sni(unitls_conn *conn, const char *host);
int ossl_conn_handshake(unitls_conn *conn);
int ossl_conn_read(unitls_conn *conn, void *buf, size_t len, size_t *n);
int ossl_conn_write(unitls_conn *conn, const void *buf, size_t len,
                    size_t *n);
size_t ossl_conn_pending(const unitls_conn *conn);
int ossl_conn_shutdown(unitls_conn *conn);
int ossl_conn_version(const unitls_conn *conn);
int ossl_conn_cipher_id(const unitls_conn *conn);
int ossl_conn_group_id(const unitls_conn *conn);
int ossl_conn_peer_chain(const unitls_conn *conn, struct ut_blob_list *out);
int ossl_conn_verified_chain(const unitls_conn *conn,
                             struct ut_blob_list *out);
int ossl_conn_verify_offline(unitls_conn *conn,
                             const struct ut_blob_list *chain);
void ossl_conn_alpn(const unitls_conn *conn, const unsigned char **proto,
                    size_t *len);
int ossl_conn_use_identity_of(unitls_conn *conn, const unitls_ctx *from);
void ossl_conn_ocsp_response(const unitls_conn *conn,
                             const unsigned char **der, size_t *len);

int ossl_ctx_apply_sessions(unitls_ctx *ctx);
int ossl_conn_session(unitls_conn *conn, void **session, uint32_t *lifetime);
int ossl_conn_set_session(unitls_conn *conn, void *session);
int ossl_conn_session_reused(const unitls_conn *conn);
int ossl_session_to_bytes(void *session, unsigned char **out, size_t *len);
int ossl_session_from_bytes(const unsigned char *data, size_t len,
                            void **session);
void ossl_session_free(void *session);

/* Resumption and ticket keys (ossl_session.c), on both libraries. */
#define OSSL_SESSION_CAPS (UNITLS_CAP_SESSIONS | UNITLS_CAP_TICKET_KEYS)

/* The verification controls both libraries have (ossl_verify_params.c). */
#define OSSL_VERIFY_CAPS                                                       \
    (UNITLS_CAP_CRL | UNITLS_CAP_VERIFY_TIME | UNITLS_CAP_PARTIAL_CHAIN |      \
     UNITLS_CAP_UNTRUSTED | UNITLS_CAP_VERIFY_PURPOSE)

/* Key log and OCSP stapling, both roles (ossl_keylog.c, ossl_ocsp.c). */
#define OSSL_KEYLOG_OCSP_CAPS                                                  \
    (UNITLS_CAP_KEYLOG | UNITLS_CAP_OCSP_STAPLE | UNITLS_CAP_OCSP_CLIENT)

/* The vtable members both providers share, as designated initialisers. */
#define OSSL_SHARED_ENTRIES                                                    \
    .global_init = ossl_global_init, .ctx_new = ossl_ctx_new,                  \
    .ctx_free = ossl_ctx_free,                                                 \
    .ctx_apply_versions = ossl_ctx_apply_versions,                             \
    .ctx_apply_verify_mode = ossl_ctx_apply_verify_mode,                       \
    .ctx_add_trust_der = ossl_ctx_add_trust_der,                               \
    .ctx_load_trust_dir = ossl_ctx_load_trust_dir,                             \
    .ctx_load_system_trust = ossl_ctx_load_system_trust,                       \
    .ctx_use_cert_key = ossl_ctx_use_cert_key,                                 \
    .ctx_parse_pkcs12 = ossl_ctx_parse_pkcs12,                                 \
    .ctx_apply_tls12_suites = ossl_ctx_apply_tls12_suites,                     \
    .ctx_apply_tls13_suites = ossl_ctx_apply_tls13_suites,                     \
    .ctx_apply_verify_params = ossl_ctx_apply_verify_params,                   \
    .ctx_add_untrusted_der = ossl_ctx_add_untrusted_der,                       \
    .ctx_add_crl_der = ossl_ctx_add_crl_der,                                   \
    .ctx_apply_alpn = ossl_ctx_apply_alpn,                                     \
    .ctx_apply_groups = ossl_ctx_apply_groups,                                 \
    .ctx_apply_keylog = ossl_ctx_apply_keylog,                                 \
    .ctx_apply_psk = ossl_ctx_apply_psk,                                       \
    .conn_new = ossl_conn_new,                                                 \
    .conn_free = ossl_conn_free, .conn_set_fd = ossl_conn_set_fd,              \
    .conn_set_io = ossl_conn_set_io, .conn_set_sni = ossl_conn_set_sni,        \
    .conn_handshake = ossl_conn_handshake, .conn_read = ossl_conn_read,        \
    .conn_write = ossl_conn_write, .conn_pending = ossl_conn_pending,          \
    .conn_shutdown = ossl_conn_shutdown, .conn_version = ossl_conn_version,    \
    .conn_cipher_id = ossl_conn_cipher_id,                                     \
    .conn_group_id = ossl_conn_group_id,                                       \
    .conn_peer_chain = ossl_conn_peer_chain,                                   \
    .conn_verified_chain = ossl_conn_verified_chain,                           \
    .conn_verify_offline = ossl_conn_verify_offline,                           \
    .conn_alpn = ossl_conn_alpn,                                               \
    .conn_use_identity_of = ossl_conn_use_identity_of,                         \
    .conn_ocsp_response = ossl_conn_ocsp_response,                             \
    .ctx_apply_sessions = ossl_ctx_apply_sessions,                             \
    .conn_session = ossl_conn_session,                                         \
    .conn_set_session = ossl_conn_set_session,                                 \
    .conn_session_reused = ossl_conn_session_reused,                           \
    .session_to_bytes = ossl_session_to_bytes,                                 \
    .session_from_bytes = ossl_session_from_bytes,                             \
    .session_free = ossl_session_free

#endif
