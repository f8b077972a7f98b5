/* Certificates from PEM text, or from data that may be PEM or DER. */
#include "cert_internal.h"

#include <stdlib.h>

#include <unitls/status.h>

#include "pem.h"

int ut_cert_from_pem(const void *pem, size_t len, unitls_cert **out)
{
    unsigned char *der;
    size_t der_len;
    *out = NULL;
    int rc = ut_pem_decode_first(pem, len, "CERTIFICATE", &der, &der_len);
    if (rc != UNITLS_OK)
        return rc;
    rc = ut_cert_parse(der, der_len, out);
    free(der);
    return rc;
}

int ut_cert_from_data(const void *data, size_t len, unitls_cert **out)
{
    if (ut_is_pem(data, len))
        return ut_cert_from_pem(data, len, out);
    return ut_cert_parse(data, len, out);
}

int ut_cert_to_pem(const unitls_cert *cert, char **out, size_t *len)
{
    return ut_pem_encode("CERTIFICATE", cert->der, cert->der_len, out, len);
}
