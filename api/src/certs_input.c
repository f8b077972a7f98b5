#include "certs_input.h"

#include <unitls/status.h>

#include "pem.h"

int ut_certs_from_buffer(const void *data, size_t len,
                         struct ut_blob_list *out)
{
    if (!ut_is_pem(data, len))
        return len ? ut_blob_list_add(out, data, len) : UNITLS_E_PARSE;
    int rc = ut_pem_decode_all(data, len, "CERTIFICATE", out);
    if (rc == UNITLS_OK && out->count == 0)
        rc = UNITLS_E_PARSE;
    return rc;
}
