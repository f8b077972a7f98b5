/* The cipher suites a provider can be configured with, found once by
 * offering each suite of the IANA registry to a scratch context, so that
 * the list is exactly what the setters accept on this provider. */
#include <pthread.h>
#include <stdlib.h>

#include "cipher_registry.h"
#include "provider.h"

static struct {
    const char **names; /* static strings of the registry */
    size_t count;
} supported;

static pthread_once_t supported_once = PTHREAD_ONCE_INIT;

static int accepts(unitls_ctx *ctx, int id)
{
    const char *name = ut_cipher_iana_name(id);
    if (!ut_cipher_is_tls13(id))
        return unitls_ctx_set_ciphers(ctx, name) == UNITLS_OK;
    if (unitls_provider_has(UNITLS_CAP_TLS13_SUITES))
        return unitls_ctx_set_tls13_suites(ctx, name) == UNITLS_OK;
    size_t n;
    const int *fixed = ut_ctx_tls13_suites(ctx, &n);
    for (size_t i = 0; i < n; i++)
        if (fixed[i] == id)
            return 1;
    return 0;
}

/* TLS 1.3 suites in the first pass, TLS 1.2 ones in the second. */
static void add_pass(unitls_ctx *ctx, int tls13)
{
    for (size_t i = 0; i < ut_cipher_registry_count(); i++) {
        int id = ut_cipher_registry_id(i);
        if (ut_cipher_is_tls13(id) == tls13 && accepts(ctx, id))
            supported.names[supported.count++] = ut_cipher_iana_name(id);
    }
}

static void find_supported(void)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    supported.names = calloc(ut_cipher_registry_count(),
                             sizeof(*supported.names));
    if (ctx != NULL && supported.names != NULL) {
        add_pass(ctx, 1);
        add_pass(ctx, 0);
    }
    unitls_ctx_free(ctx);
}

size_t unitls_provider_cipher_count(void)
{
    pthread_once(&supported_once, find_supported);
    return supported.count;
}

const char *unitls_provider_cipher(size_t index)
{
    return index < unitls_provider_cipher_count() ? supported.names[index]
                                                   : NULL;
}
