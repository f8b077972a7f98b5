/* Cipher suites and groups by IANA id, given to the library by its own
 * names: unitls' defaults (common/tls_defaults.h), so that providers left at
 * their defaults negotiate the same thing, and the suites an application
 * sets (ossl_suites_set). */
#include <stdlib.h>
#include <string.h>

#include "ossl_compat.h"
#include "ossl_hooks.h"
#include "tls_defaults.h"

enum { NAME_ROOM = 80 };

/* Appends `name` to the ':'-separated `list` of `cap` bytes. Returns 0 if
 * it does not fit (never overflows). */
static int append_name(char *list, size_t cap, const char *name)
{
    size_t used = strlen(list), need = strlen(name) + (used ? 1 : 0);
    if (used + need >= cap)
        return 0;
    if (used)
        list[used++] = ':';
    memcpy(list + used, name, strlen(name) + 1);
    return 1;
}

/* The library's names for the suites `ids` (IANA, in order) that it has,
 * ':'-separated, in a new string the caller frees; NULL when out of memory.
 * The names come from the library's whole table, not from the context's
 * configured list. *missing gets the index of the first suite it lacks
 * (left out of the string), or `count`. */
static char *suite_names(SSL_CTX *ctx, const int *ids, size_t count,
                         size_t *missing)
{
    size_t cap = count * NAME_ROOM + 1;
    char *list = malloc(cap);
    SSL *probe = SSL_new(ctx);
    if (list == NULL || probe == NULL) {
        free(list);
        SSL_free(probe);
        return NULL;
    }
    list[0] = '\0';
    *missing = count;
    for (size_t i = 0; i < count; i++) {
        const SSL_CIPHER *c = ossl_compat_cipher_by_id(probe, ids[i]);
        if (c == NULL || !append_name(list, cap, SSL_CIPHER_get_name(c))) {
            if (*missing == count)
                *missing = i;
        }
    }
    SSL_free(probe);
    return list;
}

static int set_list(SSL_CTX *ctx, int tls13, const char *names)
{
    return names[0] != '\0' && (tls13 ? ossl_compat_set_tls13_suites(ctx, names)
                                      : SSL_CTX_set_cipher_list(ctx, names));
}

/* The index of the first of `ids` that the context's configured list lacks
 * (a suite the library knows but leaves out, its algorithm unavailable), or
 * `count`. */
static size_t first_absent(SSL_CTX *ctx, const int *ids, size_t count)
{
    STACK_OF(SSL_CIPHER) *have = SSL_CTX_get_ciphers(ctx);
    for (size_t i = 0; i < count; i++) {
        int found = 0;
        /* The count is an int in OpenSSL, a size_t in BoringSSL. */
        size_t num = have ? (size_t)sk_SSL_CIPHER_num(have) : 0;
        for (size_t k = 0; !found && k < num; k++)
            found = SSL_CIPHER_get_protocol_id(
                        sk_SSL_CIPHER_value(have, (int)k)) == ids[i];
        if (!found)
            return i;
    }
    return count;
}

int ossl_suites_set(SSL_CTX *ctx, int tls13, const int *ids, size_t count,
                    size_t *missing)
{
    char *names = suite_names(ctx, ids, count, missing);
    if (names == NULL) {
        *missing = count;
        return 0;
    }
    int ok = *missing == count && set_list(ctx, tls13, names);
    free(names);
    if (*missing == count)
        *missing = first_absent(ctx, ids, count);
    return ok && *missing == count;
}

/* The defaults leave out what the library lacks (BoringSSL lists no TLS 1.3
 * suites, see ossl_compat_set_tls13_suites). */
static int apply_default_suites(SSL_CTX *ctx, int tls13, const int *ids,
                                size_t count)
{
    size_t missing;
    char *names = suite_names(ctx, ids, count, &missing);
    int ok = names != NULL && set_list(ctx, tls13, names);
    free(names);
    return ok;
}

int ossl_defaults_apply(SSL_CTX *ctx)
{
    return apply_default_suites(ctx, 0, ut_default_tls12_suites,
                                ut_default_tls12_suite_count) &&
           apply_default_suites(ctx, 1, ut_default_tls13_suites,
                                ut_default_tls13_suite_count) &&
           ossl_groups_set(ctx, ut_default_groups, ut_default_group_count);
}
