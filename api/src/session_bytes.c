/* Sessions as bytes (the envelope of common/session_codec.h around the
 * backend's own serialization), and what a session tells about itself. */
#include <stdlib.h>
#include <string.h>

#include "provider.h"
#include "session_codec.h"
#include "session_internal.h"

int unitls_session_to_bytes(const unitls_session *sess, unsigned char **buf,
                            size_t *len)
{
    if (buf != NULL)
        *buf = NULL;
    if (len != NULL)
        *len = 0;
    if (sess == NULL || buf == NULL || len == NULL)
        return UNITLS_E_INVALID_ARG;
    struct ut_session_fields f = {
        .flags = sess->flags,
        .version = sess->version,
        .lifetime = sess->lifetime,
        .provider = sess->provider,
        .provider_len = strlen(sess->provider),
        .peer_name = sess->peer_name,
        .peer_name_len = strlen(sess->peer_name),
        .leaf = sess->leaf,
        .leaf_len = sess->leaf_len,
        .backend = sess->foreign,
        .backend_len = sess->foreign_len,
    };
    unsigned char *own = NULL;
    if (sess->backend != NULL) {
        int rc = ut_provider.session_to_bytes(sess->backend, &own,
                                              &f.backend_len);
        if (rc != UNITLS_OK)
            return rc;
        f.backend = own;
    }
    int rc = ut_session_encode(&f, buf, len);
    free(own);
    return rc == UNITLS_E_INVALID_ARG ? UNITLS_E_NOMEM : rc;
}

/* Another provider's backend session is kept as it came. */
static int keep_foreign(unitls_session *sess,
                        const struct ut_session_fields *f)
{
    sess->foreign = malloc(f->backend_len);
    if (sess->foreign == NULL)
        return UNITLS_E_NOMEM;
    memcpy(sess->foreign, f->backend, f->backend_len);
    sess->foreign_len = f->backend_len;
    return UNITLS_OK;
}

int unitls_session_from_bytes(const void *data, size_t len,
                              unitls_session **out)
{
    if (out != NULL)
        *out = NULL;
    if (data == NULL || out == NULL)
        return UNITLS_E_INVALID_ARG;
    if (!(ut_provider.caps & UNITLS_CAP_SESSIONS))
        return UNITLS_E_UNSUPPORTED;
    struct ut_session_fields f;
    int rc = ut_session_decode(data, len, &f);
    if (rc != UNITLS_OK)
        return rc;
    unitls_session *sess = ut_session_new(&f);
    if (sess == NULL)
        return UNITLS_E_NOMEM;
    if (strcmp(sess->provider, ut_provider.name) == 0)
        rc = ut_provider.session_from_bytes(f.backend, f.backend_len,
                                            &sess->backend);
    else
        rc = keep_foreign(sess, &f);
    if (rc != UNITLS_OK) {
        unitls_session_free(sess);
        return rc;
    }
    *out = sess;
    return UNITLS_OK;
}

const char *unitls_session_peer_name(const unitls_session *sess)
{
    return sess ? sess->peer_name : NULL;
}

const char *unitls_session_provider(const unitls_session *sess)
{
    return sess ? sess->provider : NULL;
}

int unitls_session_version(const unitls_session *sess)
{
    return sess ? sess->version : 0;
}

uint32_t unitls_session_lifetime(const unitls_session *sess)
{
    return sess ? sess->lifetime : 0;
}
