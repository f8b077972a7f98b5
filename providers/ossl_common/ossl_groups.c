/* Key-exchange groups: a context's list, given to the library by unitls'
 * names (both libraries take them for the groups they have); a server's
 * choice, made by the API layer (ut_groups_choose) when the ClientHello
 * arrives; the group a connection used. */
#include <string.h>

#include <openssl/err.h>

#include "group_registry.h"
#include "ossl_compat.h"
#include "ossl_conn.h"
#include "ossl_ctx.h"
#include "ossl_error.h"
#include "ossl_hooks.h"
#include "ossl_provider.h"

enum {
    GROUPS_MAX = 16,
    NAME_ROOM = 16 /* the longest registry name, ':' and NUL */
};

/* The groups `ids`, by name, ':'-separated, into `list` (GROUPS_MAX *
 * NAME_ROOM bytes); 0 if there are too many or one is not in the
 * registry. */
static int group_names(const int *ids, size_t n, char *list)
{
    list[0] = '\0';
    if (n > GROUPS_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = ut_group_name(ids[i]);
        if (name == NULL)
            return 0;
        if (i > 0)
            strcat(list, ":");
        strcat(list, name);
    }
    return 1;
}

int ossl_groups_set(SSL_CTX *c, const int *ids, size_t n)
{
    char list[GROUPS_MAX * NAME_ROOM];
    return group_names(ids, n, list) && ossl_compat_set_groups(c, list);
}

/* Whether the library has the group `id`: a scratch context takes it. */
static int library_has(int id)
{
    SSL_CTX *probe = SSL_CTX_new(TLS_method());
    int ok = probe != NULL && ossl_groups_set(probe, &id, 1);
    SSL_CTX_free(probe);
    ERR_clear_error();
    return ok;
}

int ossl_ctx_apply_groups(unitls_ctx *ctx, const int *ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!library_has(ids[i]))
            return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                               "group %s is not supported by the %s provider",
                               ut_group_name(ids[i]), ut_provider.name);
    ERR_clear_error();
    if (!ossl_groups_set(ossl_ctx_ssl_ctx(ctx), ids, n))
        return ossl_ctx_fail(ctx, UNITLS_E_INTERNAL,
                             "cannot set the key-exchange groups");
    return UNITLS_OK;
}

/* A server gives the connection the group the API layer chose before the
 * library reads the key shares: in TLS 1.3 as its only group, so that both
 * libraries ask for its key share when the client sent another; in TLS 1.2
 * as its first, which both then use (the server's order counts,
 * SSL_OP_CIPHER_SERVER_PREFERENCE), the others staying in the list, as
 * OpenSSL also checks a TLS 1.2 client's ECDSA certificate against it. */
static void use_group(SSL *ssl, const unitls_ctx *ctx, int chosen, int only)
{
    size_t n, k = 0;
    const int *own = ut_ctx_groups(ctx, &n);
    int ids[GROUPS_MAX];
    char list[GROUPS_MAX * NAME_ROOM];
    ids[k++] = chosen;
    for (size_t i = 0; !only && i < n && k < GROUPS_MAX; i++)
        if (own[i] != chosen)
            ids[k++] = own[i];
    if (group_names(ids, k, list))
        (void)ossl_compat_set_conn_groups(ssl, list);
}

static void choose_group(ossl_compat_hello hello)
{
    SSL *ssl = ossl_compat_hello_ssl(hello);
    unitls_conn *conn = ossl_link_conn(ssl);
    const unsigned char *groups = NULL, *versions = NULL;
    size_t groups_len = 0, versions_len = 0;
    if (conn == NULL ||
        !ossl_compat_hello_ext(hello, TLSEXT_TYPE_supported_groups, &groups,
                               &groups_len))
        return;
    if (!ossl_compat_hello_ext(hello, TLSEXT_TYPE_supported_versions,
                               &versions, &versions_len))
        versions = NULL;
    int tls13;
    int id = ut_groups_choose(conn->ctx, groups, groups_len, versions,
                              versions_len, &tls13);
    if (id >= 0)
        use_group(ssl, conn->ctx, id, tls13);
}

OSSL_COMPAT_HELLO_CB(on_client_hello, choose_group)

void ossl_groups_install(SSL_CTX *ctx)
{
    ossl_compat_set_hello_cb(ctx, on_client_hello);
}

int ossl_conn_group_id(const unitls_conn *conn)
{
    const char *name = ossl_compat_negotiated_group(ossl_conn_ssl(conn));
    int id = ut_group_id_by_name(name);
    return id > 0 ? id : 0;
}
