/* One TLS end of a pair: configure, handshake, hook, observe. */
#include <stdlib.h>

#include "pair.h"
#include "pki.h"
#include "alpn_side.h"
#include "psk_side.h"
#include "vctl.h"

/* Runs one configuration call of end `e`; on failure records it as
 * "setup_<name>=<status>" (an expectation failure) and returns the status
 * from the calling function. */
#define STEP(name, call)                                                     \
    do {                                                                     \
        int st_ = (call);                                                    \
        if (st_ != UNITLS_OK) {                                              \
            oc_status(&e->o, "setup_" name, st_, UNITLS_OK);                 \
            return st_;                                                      \
        }                                                                    \
    } while (0)

/* The same for a constructor that returned NULL. */
#define STEP_NOT_NULL(name, ptr)                                             \
    do {                                                                     \
        if ((ptr) == NULL) {                                                 \
            oc_true(&e->o, name "_not_null", 0);                             \
            return UNITLS_E_INTERNAL;                                        \
        }                                                                    \
    } while (0)

static int load_trust_mem(unitls_ctx *ctx, const char *name)
{
    size_t len = 0;
    char *data = pki_read(name, &len);
    int st;

    if (data == NULL)
        return UNITLS_E_FILE;
    st = unitls_ctx_load_verify_mem(ctx, data, len);
    free(data);
    return st;
}

static int configure_ctx(struct end *e)
{
    const struct side *s = e->cfg;
    unitls_ctx *ctx = e->ctx;

    if (s->verify != VM_DEFAULT)
        STEP("set_verify_mode",
             unitls_ctx_set_verify_mode(ctx, (unitls_verify_mode)(s->verify - 1)));
    if (s->check_host != HC_DEFAULT)
        STEP("set_check_hostname",
             unitls_ctx_set_check_hostname(ctx, s->check_host == HC_ON));
    if (s->min_version != 0 || s->max_version != 0)
        STEP("set_versions",
             unitls_ctx_set_versions(ctx, s->min_version, s->max_version));
    if (s->trust != NULL)
        STEP("load_verify_file",
             unitls_ctx_load_verify_file(ctx, pki_path(s->trust).s));
    if (s->trust_mem != NULL)
        STEP("load_verify_mem", load_trust_mem(ctx, s->trust_mem));
    if (s->trust_dir != NULL)
        STEP("load_verify_dir",
             unitls_ctx_load_verify_dir(ctx, pki_path(s->trust_dir).s));
    if (s->chain != NULL)
        STEP("use_certificate_file",
             unitls_ctx_use_certificate_file(
                 ctx, pki_path(s->chain).s,
                 s->key != NULL ? pki_path(s->key).s : NULL, s->password));
    /* After the identity, as an application may well do it. */
    if (s->tls12_suites != NULL)
        STEP("set_ciphers", unitls_ctx_set_ciphers(ctx, s->tls12_suites));
    if (s->tls13_suites != NULL)
        STEP("set_tls13_suites",
             unitls_ctx_set_tls13_suites(ctx, s->tls13_suites));
    if (s->tls12_refused != NULL)
        oc_true(&e->o, "refused_set_ciphers",
                unitls_ctx_set_ciphers(ctx, s->tls12_refused) != UNITLS_OK);
    if (s->groups != NULL)
        STEP("set_groups", unitls_ctx_set_groups(ctx, s->groups));
    if (s->groups_refused != NULL)
        oc_true(&e->o, "refused_set_groups",
                unitls_ctx_set_groups(ctx, s->groups_refused) != UNITLS_OK);
    STEP("alpn", alpn_apply(ctx, s));
    if (s->setup != NULL)
        STEP("setup_hook", s->setup(e));
    STEP("psk", psk_apply(e));
    if (s->vctl != NULL)
        return vctl_apply_ctx(ctx, s->vctl, &e->o);
    return UNITLS_OK;
}

static int setup(struct end *e)
{
    const struct side *s = e->cfg;
    int st;

    e->ctx = unitls_ctx_new(e->is_server ? UNITLS_ROLE_SERVER
                                         : UNITLS_ROLE_CLIENT);
    STEP_NOT_NULL("ctx_new", e->ctx);
    if ((st = configure_ctx(e)) != UNITLS_OK)
        return st;
    e->conn = unitls_conn_new(e->ctx);
    STEP_NOT_NULL("conn_new", e->conn);
    if (s->free_ctx_early) {
        unitls_ctx_free(e->ctx);
        e->ctx = NULL;
    }
    STEP("set_fd", unitls_conn_set_fd(e->conn, e->fd));
    if (s->server_name != NULL)
        STEP("set_server_name",
             unitls_conn_set_server_name(e->conn, s->server_name));
    if (s->verify_name != NULL)
        STEP("set_verify_name",
             unitls_conn_set_verify_name(e->conn, s->verify_name));
    if (s->vctl != NULL)
        return vctl_apply_conn(e->conn, s->vctl, &e->o);
    return UNITLS_OK;
}

static void observe_peer(struct end *e)
{
    char cn[256];

    if (e->cfg->x.peer == NULL)
        return;
    cert_cn(unitls_conn_peer_cert(e->conn), cn, sizeof(cn));
    oc_str(&e->o, "peer", cn, e->cfg->x.peer);
}

static void observe(struct end *e)
{
    const struct expect *x = &e->cfg->x;
    char list[512];

    oc_status(&e->o, "hs", e->hs, x->hs);
    if (e->conn == NULL)
        return;
    oc_str(&e->o, "version", unitls_conn_version(e->conn), x->version);
    oc_str(&e->o, "cipher", unitls_conn_cipher(e->conn), x->cipher);
    conn_verify_list(e->conn, list, sizeof(list));
    oc_str(&e->o, "verify", list, x->verify);
    oc_int(&e->o, "alert_sent", unitls_conn_alert_sent(e->conn),
           x->alert_sent);
    oc_int(&e->o, "alert_recv", unitls_conn_alert_received(e->conn),
           x->alert_recv);
    observe_peer(e);
}

void end_run(struct end *e)
{
    int st;

    if (e->cfg->raw != NULL) {
        e->cfg->raw(e);
        return;
    }
    st = setup(e);
    e->hs = st == UNITLS_OK ? unitls_conn_handshake(e->conn) : st;
    if (e->cfg->after != NULL)
        e->cfg->after(e);
    observe(e);
}

void end_release(struct end *e)
{
    unitls_conn_free(e->conn);
    unitls_ctx_free(e->ctx);
    e->conn = NULL;
    e->ctx = NULL;
}
