/* Applying struct vctl (vctl.h). */
#include "vctl.h"

#include "outcome.h"
#include "pki.h"

uint32_t vctl_caps(const struct vctl *v)
{
    uint32_t caps = 0;
    if (v->untrusted != NULL)
        caps |= UNITLS_CAP_UNTRUSTED;
    if (v->crl != NULL || v->crl_check != UNITLS_CRL_NONE)
        caps |= UNITLS_CAP_CRL;
    if (v->at != 0)
        caps |= UNITLS_CAP_VERIFY_TIME;
    if (v->purpose != UNITLS_PURPOSE_DEFAULT)
        caps |= UNITLS_CAP_VERIFY_PURPOSE;
    if (v->partial_chain)
        caps |= UNITLS_CAP_PARTIAL_CHAIN;
    return caps;
}

static int callback(void *user, unitls_conn *conn, int preverify_ok)
{
    (void)conn;
    (void)preverify_ok;
    return *(const enum vctl_callback *)user == CB_ACCEPT;
}

#define STEP(name, call)                                                     \
    do {                                                                     \
        int st_ = (call);                                                    \
        if (st_ != UNITLS_OK) {                                              \
            oc_status(o, "setup_" name, st_, UNITLS_OK);                     \
            return st_;                                                      \
        }                                                                    \
    } while (0)

int vctl_apply_ctx(unitls_ctx *ctx, const struct vctl *v, struct outcome *o)
{
    if (v->untrusted != NULL)
        STEP("load_untrusted",
             unitls_ctx_load_untrusted_file(ctx, pki_path(v->untrusted).s));
    if (v->crl != NULL)
        STEP("load_crl", unitls_ctx_load_crl_file(ctx, pki_path(v->crl).s));
    if (v->crl_check != UNITLS_CRL_NONE)
        STEP("set_crl_check", unitls_ctx_set_crl_check(ctx, v->crl_check));
    if (v->depth != 0)
        STEP("set_verify_depth", unitls_ctx_set_verify_depth(ctx, v->depth - 1));
    if (v->at != 0)
        STEP("set_verify_time", unitls_ctx_set_verify_time(ctx, v->at));
    if (v->purpose != UNITLS_PURPOSE_DEFAULT)
        STEP("set_verify_purpose",
             unitls_ctx_set_verify_purpose(ctx, v->purpose));
    if (v->partial_chain)
        STEP("set_partial_chain", unitls_ctx_set_partial_chain(ctx, 1));
    if (v->cn_fallback_off)
        STEP("set_cn_fallback", unitls_ctx_set_hostname_cn_fallback(ctx, 0));
    if (v->callback != CB_NONE)
        STEP("set_verify_callback",
             unitls_ctx_set_verify_callback(ctx, callback,
                                            (void *)&v->callback));
    return UNITLS_OK;
}

int vctl_apply_conn(unitls_conn *conn, const struct vctl *v,
                    struct outcome *o)
{
    for (size_t i = 0; i < 2 && v->ignore[i].error != 0; i++) {
        unitls_cert *cert = NULL;
        if (v->ignore[i].cert != NULL)
            STEP("load_ignored_cert",
                 unitls_cert_load_file(pki_path(v->ignore[i].cert).s, &cert));
        int st = unitls_conn_ignore_verify_error(conn, v->ignore[i].error,
                                                 cert);
        unitls_cert_free(cert);
        STEP("ignore_verify_error", st);
    }
    return UNITLS_OK;
}
