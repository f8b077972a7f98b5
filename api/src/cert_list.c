/* Every certificate of a PEM text (a bundle, a chain file), all or
 * nothing. */
#include <stdlib.h>

#include <unitls/cert.h>

#include "blob.h"
#include "cert_model.h"
#include "pem.h"

UNITLS_API void unitls_cert_list_free(unitls_cert **certs, size_t count)
{
    if (certs == NULL)
        return;
    for (size_t i = 0; i < count; i++)
        unitls_cert_free(certs[i]);
    free(certs);
}

/* Parses every DER blob into a new array; *certs stays NULL on failure. */
static int parse_all(const struct ut_blob_list *der, unitls_cert ***certs)
{
    unitls_cert **list = calloc(der->count, sizeof(*list));
    if (list == NULL)
        return UNITLS_E_NOMEM;
    for (size_t i = 0; i < der->count; i++) {
        int rc = ut_cert_parse(der->items[i].data, der->items[i].len,
                               &list[i]);
        if (rc != UNITLS_OK) {
            unitls_cert_list_free(list, i);
            return rc;
        }
    }
    *certs = list;
    return UNITLS_OK;
}

UNITLS_API int unitls_cert_list_from_pem(const void *pem, size_t len,
                                         unitls_cert ***certs, size_t *count)
{
    if (certs != NULL)
        *certs = NULL;
    if (count != NULL)
        *count = 0;
    if (pem == NULL || certs == NULL || count == NULL)
        return UNITLS_E_INVALID_ARG;
    struct ut_blob_list der = {0};
    int rc = ut_pem_decode_all(pem, len, "CERTIFICATE", &der);
    if (rc == UNITLS_OK && der.count == 0)
        rc = UNITLS_E_PARSE;
    if (rc == UNITLS_OK)
        rc = parse_all(&der, certs);
    if (rc == UNITLS_OK)
        *count = der.count;
    ut_blob_list_free(&der);
    return rc;
}
