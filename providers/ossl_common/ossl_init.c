/* One-time set-up of the library and of what the provider registers in it. */
#include "ossl_bio.h"
#include "ossl_compat.h"
#include "ossl_conn.h"
#include "ossl_provider.h"

int ossl_global_init(void)
{
    if (!ossl_compat_library_init())
        return UNITLS_E_INTERNAL;
    int rc = ossl_link_init();
    if (rc == UNITLS_OK)
        rc = ossl_bio_init();
    return rc;
}
