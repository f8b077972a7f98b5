/* Verification controls for a conformance end or an offline verification:
 * the settings of unitls/verify.h, applied the same way in both, so that a
 * case runs once in a handshake and once through unitls_verify_chain(). */
#ifndef CONF_VCTL_H
#define CONF_VCTL_H

#include <stdint.h>

#include <unitls/unitls.h>

struct outcome;

/* An entry of unitls_conn_ignore_verify_error(): the error, and the PKI
 * file of the certificate it is for (NULL: any certificate). */
struct vctl_ignore {
    unitls_verify_error error;
    const char *cert;
};

enum vctl_callback { CB_NONE = 0, CB_ACCEPT, CB_REJECT };

/* Zero means "the library's default" everywhere. */
struct vctl {
    const char *untrusted;   /* unitls_ctx_load_untrusted_file */
    const char *crl;         /* unitls_ctx_load_crl_file */
    unitls_crl_check crl_check;
    int depth;               /* 0: default; else depth + 1 */
    int64_t at;              /* 0: now; else unitls_ctx_set_verify_time */
    unitls_verify_purpose purpose;
    int partial_chain;
    int cn_fallback_off;
    enum vctl_callback callback;
    struct vctl_ignore ignore[2];
};

/* The capability bits the controls need. */
uint32_t vctl_caps(const struct vctl *v);

/* Applies the context settings; records a failing call as
 * "setup_<name>=<status>" in `o` and returns its status. */
int vctl_apply_ctx(unitls_ctx *ctx, const struct vctl *v, struct outcome *o);

/* Applies the ignore list to a connection (a client before its handshake). */
int vctl_apply_conn(unitls_conn *conn, const struct vctl *v,
                    struct outcome *o);

#endif
