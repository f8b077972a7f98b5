/* What the handshake negotiated, and what the peer sent. */
#include "wolf.h"

int wolf_conn_version(const unitls_conn *conn)
{
    return wolfSSL_version(wolf_conn(conn)->ssl); /* wire value: 0x0304 */
}

int wolf_conn_cipher_id(const unitls_conn *conn)
{
    /* (first byte << 8) | second byte: the IANA id. */
    int id = wolfSSL_get_current_cipher_suite(wolf_conn(conn)->ssl);
    return id > 0 ? id & 0xffff : 0;
}

int wolf_conn_peer_chain(const unitls_conn *conn, struct ut_blob_list *out)
{
    WOLFSSL_X509_CHAIN *chain = wolfSSL_get_peer_chain(wolf_conn(conn)->ssl);
    int count = chain ? wolfSSL_get_chain_count(chain) : 0;
    for (int i = 0; i < count; i++) {
        const unsigned char *der = wolfSSL_get_chain_cert(chain, i);
        int len = wolfSSL_get_chain_length(chain, i);
        if (der == NULL || len <= 0)
            continue;
        if (ut_blob_list_add(out, der, (size_t)len) != UNITLS_OK)
            return UNITLS_E_NOMEM;
    }
    return UNITLS_OK;
}
