/* Library-wide functions: versions, provider identity, one-time init. */
#include <pthread.h>

#include "provider.h"
#include "library.h"

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_status = UNITLS_E_INTERNAL;

static void run_global_init(void)
{
    init_status = ut_provider.global_init();
}

int ut_library_init(void)
{
    pthread_once(&init_once, run_global_init);
    return init_status;
}

const char *unitls_version(void)
{
    return UNITLS_VERSION_STRING;
}

const char *unitls_provider_name(void)
{
    return ut_provider.name;
}

const char *unitls_provider_version(void)
{
    return ut_provider.backend_version();
}

uint32_t unitls_provider_caps(void)
{
    return ut_provider.caps;
}

int unitls_provider_has(uint32_t caps)
{
    return (ut_provider.caps & caps) == caps;
}
