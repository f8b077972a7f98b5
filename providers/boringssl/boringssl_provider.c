/* The BoringSSL provider: the shared OpenSSL-API code (providers/ossl_common)
 * built against BoringSSL. */
#include <openssl/base.h>

#include "ossl_provider.h"

#define BORINGSSL_STRINGIFY(x) #x
#define BORINGSSL_STRING(x) BORINGSSL_STRINGIFY(x)

/* OpenSSL_version(OPENSSL_VERSION) says only "BoringSSL", and BoringSSL has
 * no release numbers: its API version (from the headers it was built with)
 * is the most precise name it has. */
static const char *boringssl_backend_version(void)
{
    return "BoringSSL (API version " BORINGSSL_STRING(
        BORINGSSL_API_VERSION) ")";
}

/* No UNITLS_CAP_TLS13_SUITES: BoringSSL's TLS 1.3 suites are fixed
 * (ossl_compat_set_tls13_suites). No UNITLS_CAP_PSK_TLS13: BoringSSL calls
 * its PSK callbacks in TLS 1.2 only and has no external PSK in TLS 1.3. */
const struct unitls_provider ut_provider = {
    .name = "boringssl",
    .caps = UNITLS_CAP_TLS13 | UNITLS_CAP_TRUST_DIR | UNITLS_CAP_SYSTEM_TRUST |
            OSSL_VERIFY_CAPS | OSSL_KEYLOG_OCSP_CAPS | UNITLS_CAP_SNI_SWITCH |
                UNITLS_CAP_PSK | OSSL_SESSION_CAPS,
    .backend_version = boringssl_backend_version,
    OSSL_SHARED_ENTRIES,
};
