/* The public error strings, on top of common/errtext.c. */
#include <unitls/status.h>
#include <unitls/verify.h>

#include "errtext.h"

UNITLS_API const char *unitls_strerror(int status)
{
    return ut_status_string(status);
}

UNITLS_API const char *unitls_status_name(int status)
{
    return ut_status_name(status);
}

UNITLS_API const char *unitls_verify_error_name(unitls_verify_error err)
{
    return ut_verify_error_name(err);
}

UNITLS_API const char *unitls_verify_error_string(unitls_verify_error err)
{
    return ut_verify_error_string(err);
}
