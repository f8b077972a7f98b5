/* What a connection tells after its handshake. */
#include <openssl/crypto.h>
#include <openssl/x509.h>

#include "ossl_compat.h"
#include "ossl_conn.h"
#include "ossl_provider.h"

int ossl_conn_version(const unitls_conn *conn)
{
    return SSL_version(ossl_conn_ssl(conn));
}

int ossl_conn_cipher_id(const unitls_conn *conn)
{
    const SSL_CIPHER *cipher = SSL_get_current_cipher(ossl_conn_ssl(conn));
    return cipher ? SSL_CIPHER_get_protocol_id(cipher) : 0;
}

size_t ossl_conn_pending(const unitls_conn *conn)
{
    int pending = SSL_pending(ossl_conn_ssl(conn));
    return pending > 0 ? (size_t)pending : 0;
}

static int append_der(struct ut_blob_list *out, X509 *cert)
{
    unsigned char *der = NULL;
    int len = i2d_X509(cert, &der);
    int rc = len > 0 ? ut_blob_list_add(out, der, (size_t)len)
                     : UNITLS_E_NOMEM;
    OPENSSL_free(der);
    return rc;
}

/* SSL_get_peer_cert_chain() starts with the leaf on a client and lacks it
 * on a server (both libraries): leaf first, then the rest, as sent. */
int ossl_conn_peer_chain(const unitls_conn *conn, struct ut_blob_list *out)
{
    SSL *ssl = ossl_conn_ssl(conn);
    X509 *leaf = ossl_compat_get1_peer_cert(ssl);
    if (leaf == NULL)
        return UNITLS_OK;
    int rc = append_der(out, leaf);
    X509_free(leaf);
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl);
    size_t count = chain ? (size_t)sk_X509_num(chain) : 0;
    size_t first = conn->ctx->role == UNITLS_ROLE_CLIENT ? 1 : 0;
    for (size_t i = first; rc == UNITLS_OK && i < count; i++)
        rc = append_der(out, sk_X509_value(chain, (int)i));
    return rc;
}

/* The chain ossl_verify.c kept when it accepted the peer, which is the same
 * on both libraries (BoringSSL has no SSL_get0_verified_chain()). */
int ossl_conn_verified_chain(const unitls_conn *conn, struct ut_blob_list *out)
{
    STACK_OF(X509) *chain = ossl_conn_impl(conn)->verified_chain;
    size_t count = chain ? (size_t)sk_X509_num(chain) : 0;
    int rc = UNITLS_OK;
    for (size_t i = 0; rc == UNITLS_OK && i < count; i++)
        rc = append_der(out, sk_X509_value(chain, (int)i));
    return rc;
}
