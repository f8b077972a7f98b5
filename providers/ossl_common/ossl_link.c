#include "ossl_conn.h"

#include <unitls/status.h>

static int conn_index = -1;

int ossl_link_init(void)
{
    conn_index = SSL_get_ex_new_index(0, NULL, NULL, NULL, NULL);
    return conn_index < 0 ? UNITLS_E_INTERNAL : UNITLS_OK;
}

int ossl_link_attach(SSL *ssl, unitls_conn *conn)
{
    return SSL_set_ex_data(ssl, conn_index, conn);
}

unitls_conn *ossl_link_conn(const SSL *ssl)
{
    return ssl ? SSL_get_ex_data(ssl, conn_index) : NULL;
}

unitls_conn *ossl_link_conn_of_store(X509_STORE_CTX *store)
{
    const SSL *ssl =
        X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx());
    return ossl_link_conn(ssl);
}
