/* The wolfSSL provider's vtable, library initialisation and version. */
#include "wolf.h"

#include <pthread.h>
#include <stdio.h>

static int conn_ex_index = -1;

int wolf_conn_ex_index(void)
{
    return conn_ex_index;
}

static int wolf_global_init(void)
{
    if (wolfSSL_Init() != WOLFSSL_SUCCESS ||
        wolf_thread_init() != UNITLS_OK)
        return UNITLS_E_INTERNAL;
    conn_ex_index = wolfSSL_get_ex_new_index(0, NULL, NULL, NULL, NULL);
    return conn_ex_index >= 0 ? UNITLS_OK : UNITLS_E_INTERNAL;
}

static char version_text[64];
static pthread_once_t version_once = PTHREAD_ONCE_INIT;

static void make_version_text(void)
{
    snprintf(version_text, sizeof(version_text), "wolfSSL %s",
             wolfSSL_lib_version());
}

/* "wolfSSL 5.5.4": the run-time library's version, as OpenSSL's
 * "OpenSSL 3.0.15 3 Sep 2024" names its library. */
static const char *wolf_backend_version(void)
{
    pthread_once(&version_once, make_version_text);
    return version_text;
}

/* TLS 1.3 is always built in (wolf.h checks WOLFSSL_TLS13); trust
 * directories are read by the provider itself (wolf_trust.c); the system
 * store is wolfSSL_CTX_load_system_CA_certs(). */
/* Verification controls: CRLs, untrusted intermediates, the purpose and
 * partial chains are judged by wolfSSL's own chain validation, replayed
 * (wolf_judge.c, wolf_replay.c). No verification time: wolfSSL checks
 * validity dates against the system clock inside ParseCertRelative (both in
 * the handshake and in wolfSSL_CertManagerVerifyBuffer), and the only
 * override, wc_SetTimeCb(), is one process-wide clock, not a context's. */
#define WOLF_CAP_VERIFY                                                        \
    (UNITLS_CAP_CRL | UNITLS_CAP_UNTRUSTED | UNITLS_CAP_VERIFY_PURPOSE |      \
     UNITLS_CAP_PARTIAL_CHAIN)

#ifdef WOLFSSL_SYS_CA_CERTS
#define WOLF_CAP_SYSTEM UNITLS_CAP_SYSTEM_TRUST
#else
#define WOLF_CAP_SYSTEM 0u
#endif

const struct unitls_provider ut_provider = {
    .name = "wolfssl",
    .caps = UNITLS_CAP_TLS13 | UNITLS_CAP_TRUST_DIR | WOLF_CAP_SYSTEM |
            UNITLS_CAP_TLS13_SUITES | WOLF_CAP_VERIFY | UNITLS_CAP_SNI_SWITCH |
                UNITLS_CAP_PSK | UNITLS_CAP_PSK_TLS13 | UNITLS_CAP_SESSIONS |
                UNITLS_CAP_TICKET_KEYS,
    .backend_version = wolf_backend_version,
    .global_init = wolf_global_init,
    .ctx_new = wolf_ctx_new,
    .ctx_free = wolf_ctx_free,
    .ctx_apply_versions = wolf_ctx_apply_versions,
    .ctx_apply_verify_mode = wolf_ctx_apply_verify_mode,
    .ctx_add_trust_der = wolf_ctx_add_trust_der,
    .ctx_load_trust_dir = wolf_ctx_load_trust_dir,
    .ctx_load_system_trust = wolf_ctx_load_system_trust,
    .ctx_use_cert_key = wolf_ctx_use_cert_key,
    .ctx_parse_pkcs12 = wolf_ctx_parse_pkcs12,
    .ctx_apply_tls12_suites = wolf_ctx_apply_tls12_suites,
    .ctx_apply_tls13_suites = wolf_ctx_apply_tls13_suites,
    .ctx_apply_verify_params = wolf_ctx_apply_verify_params,
    .ctx_add_untrusted_der = wolf_ctx_add_untrusted_der,
    .ctx_add_crl_der = wolf_ctx_add_crl_der,
    .ctx_apply_alpn = wolf_ctx_apply_alpn,
    .ctx_apply_groups = wolf_ctx_apply_groups,
    .ctx_apply_keylog = wolf_ctx_apply_keylog,
    .ctx_apply_psk = wolf_ctx_apply_psk,
    .conn_new = wolf_conn_new,
    .conn_free = wolf_conn_free,
    .conn_set_fd = wolf_conn_set_fd,
    .conn_set_io = wolf_conn_set_io,
    .conn_set_sni = wolf_conn_set_sni,
    .conn_handshake = wolf_conn_handshake,
    .conn_read = wolf_conn_read,
    .conn_write = wolf_conn_write,
    .conn_pending = wolf_conn_pending,
    .conn_shutdown = wolf_conn_shutdown,
    .conn_version = wolf_conn_version,
    .conn_cipher_id = wolf_conn_cipher_id,
    .conn_group_id = wolf_conn_group_id,
    .conn_peer_chain = wolf_conn_peer_chain,
    .conn_verified_chain = wolf_conn_verified_chain,
    .conn_verify_offline = wolf_conn_verify_offline,
    .conn_alpn = wolf_conn_alpn,
    .conn_use_identity_of = wolf_conn_use_identity_of,
    .conn_ocsp_response = wolf_conn_ocsp_response,
    .ctx_apply_sessions = wolf_ctx_apply_sessions,
    .conn_session = wolf_conn_session,
    .conn_set_session = wolf_conn_set_session,
    .conn_session_reused = wolf_conn_session_reused,
    .session_to_bytes = wolf_session_to_bytes,
    .session_from_bytes = wolf_session_from_bytes,
    .session_free = wolf_session_free,
};
