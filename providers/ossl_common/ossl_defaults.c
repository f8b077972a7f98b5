/* unitls' default cipher suites and groups (common/tls_defaults.h), given to
 * the library by its own names, so that providers left at their defaults
 * negotiate the same thing. */
#include <string.h>

#include "ossl_compat.h"
#include "ossl_hooks.h"
#include "tls_defaults.h"

enum { NAMES_MAX = 512 };

static void append_name(char *list, const char *name)
{
    size_t used = strlen(list), need = strlen(name) + (used ? 1 : 0);
    if (used + need >= NAMES_MAX)
        return; /* cannot happen with the defaults; never overflow */
    if (used)
        list[used++] = ':';
    memcpy(list + used, name, strlen(name) + 1);
}

/* The library's names for the suites `ids` (IANA, in order) that it knows,
 * ':'-separated, in `list` (NAMES_MAX bytes). Suites it lacks are left out. */
static void suite_names(SSL_CTX *ctx, const int *ids, size_t count, char *list)
{
    STACK_OF(SSL_CIPHER) *known = SSL_CTX_get_ciphers(ctx);
    list[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        for (size_t k = 0; known && k < (size_t)sk_SSL_CIPHER_num(known); k++) {
            const SSL_CIPHER *c = sk_SSL_CIPHER_value(known, (int)k);
            if (SSL_CIPHER_get_protocol_id(c) == ids[i]) {
                append_name(list, SSL_CIPHER_get_name(c));
                break;
            }
        }
    }
}

static const char *group_name(int id)
{
    switch (id) {
    case 29:
        return "X25519";
    case 23:
        return "P-256";
    case 24:
        return "P-384";
    default:
        return NULL;
    }
}

static int apply_groups(SSL_CTX *ctx)
{
    char list[NAMES_MAX] = "";
    for (size_t i = 0; i < ut_default_group_count; i++) {
        const char *name = group_name(ut_default_groups[i]);
        if (name == NULL)
            return 0; /* a new default group: teach group_name() */
        append_name(list, name);
    }
    return ossl_compat_set_groups(ctx, list);
}

/* Both lists are read from the context's initial cipher list, which holds
 * every suite the library offers by default (OpenSSL also lists its TLS 1.3
 * suites there; BoringSSL does not, see ossl_compat_set_tls13_suites). */
int ossl_defaults_apply(SSL_CTX *ctx)
{
    char tls12[NAMES_MAX], tls13[NAMES_MAX];
    suite_names(ctx, ut_default_tls12_suites, ut_default_tls12_suite_count,
                tls12);
    suite_names(ctx, ut_default_tls13_suites, ut_default_tls13_suite_count,
                tls13);
    return tls12[0] != '\0' && SSL_CTX_set_cipher_list(ctx, tls12) &&
           ossl_compat_set_tls13_suites(ctx, tls13) && apply_groups(ctx);
}
