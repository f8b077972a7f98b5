/* A certificate chain read from a file. */
#include "cert_chain.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "file_io.h"

/* Far more than any chain a peer sends; keeps a wrong file from filling
 * memory. */
#define MAX_CHAIN_FILE (16 * 1024 * 1024)

int looks_like_pem(const unsigned char *data, size_t len)
{
    static const char marker[] = "-----BEGIN ";
    const size_t n = sizeof(marker) - 1;
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(data + i, marker, n) == 0)
            return 1;
    return 0;
}

int cert_chain_load(const char *path, struct cert_chain *chain,
                    int *error_number)
{
    memset(chain, 0, sizeof(*chain));
    *error_number = 0;
    unsigned char *data;
    size_t len;
    int error = file_read_all(path, MAX_CHAIN_FILE, &data, &len);
    if (error == ENOMEM)
        return UNITLS_E_NOMEM;
    if (error != 0) {
        *error_number = error;
        return UNITLS_E_FILE;
    }
    int status;
    if (looks_like_pem(data, len)) {
        status = unitls_cert_list_from_pem(data, len, &chain->list,
                                           &chain->count);
    } else {
        status = unitls_cert_from_der(data, len, &chain->single);
        chain->count = status == UNITLS_OK ? 1 : 0;
    }
    free(data);
    return status;
}

const unitls_cert *const *cert_chain_items(const struct cert_chain *chain)
{
    if (chain->list != NULL)
        return (const unitls_cert *const *)chain->list;
    return (const unitls_cert *const *)&chain->single;
}

void cert_chain_free(struct cert_chain *chain)
{
    unitls_cert_list_free(chain->list, chain->count);
    unitls_cert_free(chain->single);
    memset(chain, 0, sizeof(*chain));
}
