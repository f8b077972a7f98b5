/* The OpenSSL provider: the shared OpenSSL-API code (providers/ossl_common)
 * built against OpenSSL 3. */
#include <openssl/crypto.h>

#include "ossl_provider.h"

static const char *openssl_backend_version(void)
{
    return OpenSSL_version(OPENSSL_VERSION); /* "OpenSSL 3.0.x <date>" */
}

const struct unitls_provider ut_provider = {
    .name = "openssl",
    .caps = UNITLS_CAP_TLS13 | UNITLS_CAP_TRUST_DIR | UNITLS_CAP_SYSTEM_TRUST |
            UNITLS_CAP_TLS13_SUITES | OSSL_VERIFY_CAPS | OSSL_KEYLOG_OCSP_CAPS |
            UNITLS_CAP_SNI_SWITCH | UNITLS_CAP_PSK | UNITLS_CAP_PSK_TLS13 |
            OSSL_SESSION_CAPS,
    .backend_version = openssl_backend_version,
    OSSL_SHARED_ENTRIES,
};
