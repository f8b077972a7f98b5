/* libFuzzer target: ut_cert_time_to_seconds (unitls_cert_time_to_seconds),
 * Python's ssl.cert_time_to_seconds on any bytes. An accepted text has a
 * month, a year of 1 to 9999 and so a time between the years' bounds. */
#include <stddef.h>
#include <stdint.h>

#include <unitls/status.h>

#include "cert_internal.h"
#include "exercise.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Jan  1 00:00:00 0001 and Dec 31 23:59:61 9999 (a day of 31 in any month
 * rolls over no further than that). */
#define EARLIEST (-62135596800LL)
#define LATEST (253402300801LL)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int64_t seconds = 42;
    int rc = ut_cert_time_to_seconds((const char *)data, size, &seconds);
    FUZZ_CHECK(rc == UNITLS_OK || rc == UNITLS_E_PARSE);
    if (rc == UNITLS_OK)
        FUZZ_CHECK(seconds >= EARLIEST && seconds <= LATEST);
    else
        FUZZ_CHECK(seconds == 42);
    return 0;
}
