/* Errors the application accepts in advance (Qt's ignoreSslErrors(list)):
 * a handshake with errors succeeds only if each one is on the list. */
#include <stdlib.h>
#include <string.h>

#include "conn_internal.h"
#include "provider.h"

static int is_verify_error(unitls_verify_error error)
{
    return error >= UNITLS_VERR_UNKNOWN && error <= UNITLS_VERR_REJECTED;
}

int unitls_conn_ignore_verify_error(unitls_conn *conn,
                                    unitls_verify_error error,
                                    const unitls_cert *cert)
{
    if (conn == NULL)
        return UNITLS_E_INVALID_ARG;
    if (!is_verify_error(error) || error == UNITLS_VERR_NO_PEER_CERTIFICATE)
        return ut_conn_fail(conn, UNITLS_E_INVALID_ARG,
                            "verification error %d cannot be ignored",
                            (int)error);
    if (conn->state != UT_CONN_NEW)
        return ut_conn_fail(conn, UNITLS_E_STATE,
                            "errors to ignore must be named before the "
                            "handshake starts");
    struct ut_ignore_entry entry = {error, NULL, 0};
    if (cert != NULL) {
        const unsigned char *der = unitls_cert_der(cert, &entry.der_len);
        entry.der = malloc(entry.der_len);
        if (entry.der == NULL)
            return UNITLS_E_NOMEM;
        memcpy(entry.der, der, entry.der_len);
    }
    struct ut_ignore_entry *grown = realloc(
        conn->ignores, (conn->ignore_count + 1) * sizeof(*grown));
    if (grown == NULL) {
        free(entry.der);
        return UNITLS_E_NOMEM;
    }
    conn->ignores = grown;
    conn->ignores[conn->ignore_count++] = entry;
    return UNITLS_OK;
}

static int same_cert(const struct ut_ignore_entry *entry,
                     const unitls_cert *cert)
{
    if (entry->der == NULL)
        return 1;
    if (cert == NULL)
        return 0;
    size_t len = 0;
    const unsigned char *der = unitls_cert_der(cert, &len);
    return len == entry->der_len && memcmp(der, entry->der, len) == 0;
}

static int is_ignored(const unitls_conn *conn,
                      const struct ut_verify_entry *found)
{
    for (size_t i = 0; i < conn->ignore_count; i++)
        if (conn->ignores[i].error == found->error &&
            same_cert(&conn->ignores[i], found->cert))
            return 1;
    return 0;
}

int ut_verify_all_ignored(const unitls_conn *conn)
{
    for (size_t i = 0; i < conn->verify_error_count; i++)
        if (!is_ignored(conn, &conn->verify_errors[i]))
            return 0;
    return 1;
}

void ut_ignores_free(unitls_conn *conn)
{
    for (size_t i = 0; i < conn->ignore_count; i++)
        free(conn->ignores[i].der);
    free(conn->ignores);
    conn->ignores = NULL;
    conn->ignore_count = 0;
}
