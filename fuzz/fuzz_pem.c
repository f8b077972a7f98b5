/* libFuzzer target: the PEM reader. ut_pem_decode_all (behind
 * unitls_cert_list_from_pem) on the whole input, every block it yields
 * through the DER reader, and ut_cert_from_pem (behind
 * unitls_cert_from_pem), which must agree with the first block. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unitls/status.h>

#include "blob.h"
#include "cert_internal.h"
#include "exercise.h"
#include "pem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    struct ut_blob_list blocks = {0};
    int all = ut_pem_decode_all(text, size, "CERTIFICATE", &blocks);
    FUZZ_CHECK(all == UNITLS_OK || all == UNITLS_E_PARSE ||
               all == UNITLS_E_NOMEM);

    int first_rc = UNITLS_E_PARSE;
    for (size_t i = 0; i < blocks.count; i++) {
        unitls_cert *cert = NULL;
        int rc = ut_cert_parse(blocks.items[i].data, blocks.items[i].len,
                               &cert);
        if (i == 0)
            first_rc = rc;
        if (cert != NULL)
            fuzz_exercise(cert);
        ut_cert_destroy(cert);
    }

    unitls_cert *first = NULL;
    int rc = ut_cert_from_pem(text, size, &first);
    FUZZ_CHECK((rc == UNITLS_OK) == (first != NULL));
    /* A first block that decoded reads the same alone; when every block
     * decoded, the first one decides. */
    if (blocks.count > 0 && rc != UNITLS_E_NOMEM && first_rc != UNITLS_E_NOMEM)
        FUZZ_CHECK(rc == first_rc);
    if (all == UNITLS_OK && blocks.count == 0)
        FUZZ_CHECK(rc == UNITLS_E_PARSE);
    if (first != NULL) {
        size_t len = 0;
        const unsigned char *der = ut_cert_der(first, &len);
        FUZZ_CHECK(blocks.count > 0 && len == blocks.items[0].len);
        FUZZ_CHECK(memcmp(der, blocks.items[0].data, len) == 0);
    }
    ut_cert_destroy(first);
    ut_blob_list_free(&blocks);
    return 0;
}
