/* libFuzzer target: ut_session_decode (unitls_session_from_bytes' envelope
 * reader, common/session_codec.h) on any bytes. An accepted envelope
 * encodes back to exactly the bytes read. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unitls/status.h>

#include "exercise.h"
#include "session_codec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ut_session_fields f;
    int rc = ut_session_decode(data, size, &f);
    FUZZ_CHECK(rc == UNITLS_OK || rc == UNITLS_E_PARSE);
    if (rc != UNITLS_OK)
        return 0;
    unsigned char *again = NULL;
    size_t len = 0;
    rc = ut_session_encode(&f, &again, &len);
    FUZZ_CHECK(rc == UNITLS_OK || rc == UNITLS_E_NOMEM);
    if (rc == UNITLS_OK)
        FUZZ_CHECK(len == size && memcmp(again, data, size) == 0);
    free(again);
    return 0;
}
