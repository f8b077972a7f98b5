/* The key-exchange groups a provider can be configured with, found once by
 * offering each group of the registry to a scratch context, so that the
 * list is exactly what unitls_ctx_set_groups() accepts on this provider. */
#include <pthread.h>

#include "group_registry.h"
#include "provider.h"

enum { GROUPS_MAX = 16 };

static struct {
    const char *names[GROUPS_MAX]; /* static strings of the registry */
    size_t count;
} supported;

static pthread_once_t supported_once = PTHREAD_ONCE_INIT;

static void find_supported(void)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    for (size_t i = 0; ctx != NULL && i < ut_group_registry_count() &&
                       supported.count < GROUPS_MAX;
         i++) {
        const char *name = ut_group_name(ut_group_registry_id(i));
        if (unitls_ctx_set_groups(ctx, name) == UNITLS_OK)
            supported.names[supported.count++] = name;
    }
    unitls_ctx_free(ctx);
}

size_t unitls_provider_group_count(void)
{
    pthread_once(&supported_once, find_supported);
    return supported.count;
}

const char *unitls_provider_group(size_t index)
{
    return index < unitls_provider_group_count() ? supported.names[index]
                                                  : NULL;
}
