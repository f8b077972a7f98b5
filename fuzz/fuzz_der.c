/* libFuzzer target: the DER reader, as unitls_cert_from_der() runs it
 * (ut_cert_parse), then every rendering and getter of what it accepts. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <unitls/status.h>

#include "cert_internal.h"
#include "exercise.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unitls_cert *cert = (unitls_cert *)&cert;
    int rc = ut_cert_parse(data, size, &cert);
    FUZZ_CHECK(rc == UNITLS_OK || rc == UNITLS_E_PARSE ||
               rc == UNITLS_E_NOMEM);
    FUZZ_CHECK((rc == UNITLS_OK) == (cert != NULL));
    if (cert != NULL) {
        /* The whole input is the certificate, and a copy of it. */
        size_t len = 0;
        const unsigned char *der = ut_cert_der(cert, &len);
        FUZZ_CHECK(len == size && der != data);
        fuzz_exercise(cert);
    }
    ut_cert_destroy(cert);
    return 0;
}
