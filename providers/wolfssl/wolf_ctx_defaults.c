/* unitls' protocol defaults (common/tls_defaults.h) in wolfSSL's terms.
 * wolfSSL's own defaults differ from OpenSSL's: more suites (CBC, DHE),
 * other groups, session tickets and a session cache, so everything here is
 * set explicitly. */
#include "wolf.h"

#include <string.h>

#include "tls_defaults.h"

enum { WOLF_CIPHER_LIST_MAX = 1024 };

/* Appends wolfSSL's name for each IANA suite id, ':'-separated. */
static int append_suites(char *list, size_t cap, const int *ids, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *name = wolfSSL_get_cipher_name_from_suite(
            (unsigned char)(ids[i] >> 8), (unsigned char)(ids[i] & 0xff));
        if (name == NULL || strcmp(name, "None") == 0)
            return -1;
        size_t used = strlen(list);
        size_t need = strlen(name) + (used ? 1 : 0);
        if (used + need + 1 > cap)
            return -1;
        if (used)
            list[used++] = ':';
        memcpy(list + used, name, strlen(name) + 1);
    }
    return 0;
}

static int apply_suites(unitls_ctx *ctx)
{
    char list[WOLF_CIPHER_LIST_MAX] = "";
    if (append_suites(list, sizeof(list), ut_default_tls13_suites,
                      ut_default_tls13_suite_count) != 0 ||
        append_suites(list, sizeof(list), ut_default_tls12_suites,
                      ut_default_tls12_suite_count) != 0)
        return ut_ctx_fail(ctx, UNITLS_E_INTERNAL,
                           "wolfssl lacks one of unitls' default cipher "
                           "suites");
    if (wolfSSL_CTX_set_cipher_list(wolf_ctx(ctx), list) != WOLFSSL_SUCCESS)
        return ut_ctx_fail(ctx, UNITLS_E_INTERNAL,
                           "wolfssl rejected the cipher list %s", list);
    return UNITLS_OK;
}

/* wolfSSL's group ids are the IANA NamedGroup values. */
static int apply_groups(unitls_ctx *ctx)
{
    int groups[8];
    size_t n = ut_default_group_count;
    if (n > sizeof(groups) / sizeof(groups[0]))
        return ut_ctx_fail(ctx, UNITLS_E_INTERNAL, "too many groups");
    memcpy(groups, ut_default_groups, n * sizeof(groups[0]));
    if (wolfSSL_CTX_set_groups(wolf_ctx(ctx), groups, (int)n) !=
        WOLFSSL_SUCCESS)
        return ut_ctx_fail(ctx, UNITLS_E_INTERNAL,
                           "wolfssl rejected the key exchange groups");
    return UNITLS_OK;
}

/* No resumption yet: no TLS 1.2 tickets, no TLS 1.3 NewSessionTicket, no
 * session cache. The server prefers its own suite order, as unitls does on
 * every provider. wolfSSL is built without compression and without
 * renegotiation (only the RFC 5746 empty renegotiation_info), so those
 * need no switch. */
static int apply_session_policy(unitls_ctx *ctx)
{
    WOLFSSL_CTX *ssl_ctx = wolf_ctx(ctx);
    wolfSSL_CTX_set_session_cache_mode(ssl_ctx, WOLFSSL_SESS_CACHE_OFF);
    wolfSSL_CTX_set_options(ssl_ctx, WOLFSSL_OP_NO_TICKET |
                                         WOLFSSL_OP_NO_COMPRESSION |
                                         WOLFSSL_OP_CIPHER_SERVER_PREFERENCE);
    int ok = wolfSSL_CTX_NoTicketTLSv12(ssl_ctx) == WOLFSSL_SUCCESS;
    /* Only a server sends NewSessionTicket (wolfSSL refuses it on a
     * client context). Like wolfSSL's other TLS 1.3 calls it returns 0 on
     * success. */
    if (ctx->role == UNITLS_ROLE_SERVER)
        ok = ok && wolfSSL_CTX_no_ticket_TLSv13(ssl_ctx) == 0;
    if (!ok)
        return ut_ctx_fail(ctx, UNITLS_E_INTERNAL,
                           "wolfssl could not turn session tickets off");
    return UNITLS_OK;
}

int wolf_ctx_apply_defaults(unitls_ctx *ctx)
{
    int rc = apply_suites(ctx);
    if (rc == UNITLS_OK)
        rc = apply_groups(ctx);
    if (rc == UNITLS_OK)
        rc = apply_session_policy(ctx);
    return rc;
}
