/* unitls_cert_check_host(): the public face of common/hostname.c. */
#include <unitls/cert.h>

#include "../../common/hostname.h"

UNITLS_API int unitls_cert_check_host(const unitls_cert *cert,
                                      const char *name)
{
    if (cert == NULL || name == NULL)
        return UNITLS_E_INVALID_ARG;
    return ut_host_check(cert, name, 1, NULL);
}
