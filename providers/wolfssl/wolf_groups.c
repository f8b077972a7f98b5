/* Key-exchange groups in wolfSSL's terms: its group ids are the IANA ones,
 * and which groups it has is decided when it is built. A server's choice
 * is the API layer's (ut_groups_choose), made on the ClientHello that
 * wolf_hello.c reads before wolfSSL does. */
#include "wolf.h"

#include <string.h>

#include "group_registry.h"

enum { GROUPS_MAX = 16 };

static int wolf_has_group(int id)
{
    switch (id) {
#ifdef HAVE_ECC
    case 23: /* P-256 */
        return 1;
#endif
#if defined(HAVE_ECC) && (defined(HAVE_ECC384) || defined(HAVE_ALL_CURVES))
    case 24:
        return 1;
#endif
#if defined(HAVE_ECC) && (defined(HAVE_ECC521) || defined(HAVE_ALL_CURVES))
    case 25:
        return 1;
#endif
#ifdef HAVE_CURVE25519
    case 29:
        return 1;
#endif
#ifdef HAVE_CURVE448
    case 30:
        return 1;
#endif
#ifdef HAVE_FFDHE_2048
    case 256:
        return 1;
#endif
#ifdef HAVE_FFDHE_3072
    case 257:
        return 1;
#endif
#ifdef HAVE_FFDHE_4096
    case 258:
        return 1;
#endif
    default:
        return 0;
    }
}

/* The elliptic-curve groups of `ids` by name, ':'-separated, into `names`
 * (room for every registry group); "" when there are none. */
static void curve_names(const int *ids, size_t n, char *names)
{
    names[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (ut_group_is_ffdhe(ids[i]))
            continue;
        if (names[0] != '\0')
            strcat(names, ":");
        strcat(names, ut_group_name(ids[i]));
    }
}

/* A client with a PSK callback leaves X25519 out: wolfSSL 5.5's client
 * rejects an X25519 key in a TLS 1.2 ECDHE_PSK ServerKeyExchange ("Bad ECC
 * Peer Key"; its servers and other clients are fine), so it offers the
 * other groups of its list. */
static int offers_x25519(const unitls_ctx *ctx)
{
    return !(ctx->role == UNITLS_ROLE_CLIENT && ctx->psk_client_cb != NULL);
}

/* wolfSSL's TLS 1.3 takes the groups; its TLS 1.2 server takes only the
 * curves not "disabled", which wolfSSL_CTX_set1_curves_list sets (and which
 * replaces the groups too, so they are set after it). */
int wolf_groups_set(unitls_ctx *ctx, const int *ids, size_t n)
{
    enum { X25519 = 29 };
    int groups[GROUPS_MAX];
    char names[GROUPS_MAX * 16];
    size_t kept = 0;
    if (n > GROUPS_MAX)
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "too many groups");
    for (size_t i = 0; i < n; i++) {
        if (!wolf_has_group(ids[i]))
            return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                               "group %s is not supported by the wolfssl "
                               "provider",
                               ut_group_name(ids[i]));
        if (ids[i] != X25519 || offers_x25519(ctx))
            groups[kept++] = ids[i];
    }
    if (kept == 0)
        return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                           "the wolfssl provider cannot offer X25519 alone "
                           "with a PSK: wolfSSL's client rejects an X25519 "
                           "key in TLS 1.2 ECDHE_PSK");
    n = kept;
    ids = groups;
    curve_names(ids, n, names);
    if ((names[0] != '\0' &&
         wolfSSL_CTX_set1_curves_list(wolf_ctx(ctx), names) !=
             WOLFSSL_SUCCESS) ||
        wolfSSL_CTX_set_groups(wolf_ctx(ctx), groups, (int)n) !=
            WOLFSSL_SUCCESS)
        return ut_ctx_fail(ctx, UNITLS_E_INTERNAL,
                           "wolfssl rejected the key exchange groups");
    return UNITLS_OK;
}

int wolf_ctx_apply_groups(unitls_ctx *ctx, const int *ids, size_t n)
{
    return wolf_groups_set(ctx, ids, n);
}

int wolf_groups_reapply(unitls_ctx *ctx)
{
    size_t n;
    const int *ids = ut_ctx_groups(ctx, &n);
    return wolf_groups_set(ctx, ids, n);
}

/* The key size of an elliptic-curve group, in bytes, or 0. */
static int ec_key_size(int id)
{
    switch (id) {
    case 23:
    case 29:
        return 32;
    case 24:
        return 48;
    case 25:
        return 66;
    case 30:
        return 56;
    default:
        return 0;
    }
}

/* wolfSSL's TLS 1.3 server takes the connection's groups: the chosen one
 * alone. Its TLS 1.2 server ignores them (and refuses them on a connection
 * limited to TLS 1.2): it takes the first curve of the client's list that
 * the context has (wolf_groups_set) and that has the size of its
 * "temporary ECDHE key", which is therefore set to the chosen group's
 * size; the chosen group being the first of the client's list that the
 * context has, that is the one. */
int wolf_groups_choose(struct wolf_conn *wc, const unsigned char *groups,
                       size_t groups_len, const unsigned char *versions,
                       size_t versions_len)
{
    int tls13;
    int id = ut_groups_choose(wc->conn->ctx, groups, groups_len, versions,
                              versions_len, &tls13);
    if (id < 0)
        return id;
    wc->group_chosen = id;
    if (tls13)
        (void)wolfSSL_set_groups(wc->ssl, &id, 1);
    else
        (void)wolfSSL_SetTmpEC_DHE_Sz(wc->ssl, (word16)ec_key_size(id));
    return id;
}

/* wolfSSL names the group: "X25519", "X448", the ECC curves as
 * "SECP256R1", which the registry reads, and the finite-field groups as
 * "FFDHE_2048", but the latter only on a client. A TLS 1.3 server allows
 * the one group chosen for the connection, so that is the one used. */
int wolf_conn_group_id(const unitls_conn *conn)
{
    static const struct {
        const char *name;
        int id;
    } ffdhe[] = {{"FFDHE_2048", 256}, {"FFDHE_3072", 257}, {"FFDHE_4096", 258}};
    const struct wolf_conn *wc = wolf_conn(conn);
    const char *name = wolfSSL_get_curve_name(wc->ssl);
    if (name == NULL)
        return ut_group_is_ffdhe(wc->group_chosen) &&
                       wolfSSL_version(wc->ssl) == UNITLS_TLS1_3
                   ? wc->group_chosen
                   : 0;
    for (size_t i = 0; i < sizeof(ffdhe) / sizeof(ffdhe[0]); i++)
        if (strcmp(name, ffdhe[i].name) == 0)
            return ffdhe[i].id;
    int id = ut_group_id_by_name(name);
    return id > 0 ? id : 0;
}
