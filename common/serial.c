#include "serial.h"

#include <limits.h>
#include <stdlib.h>

#include <unitls/status.h>

int ut_i2d_alloc(void *obj, ut_i2d_fn i2d, unsigned char **out, size_t *len)
{
    int n = i2d(obj, NULL);
    unsigned char *buf = n > 0 ? malloc((size_t)n) : NULL, *p = buf;
    if (buf == NULL || i2d(obj, &p) != n) {
        free(buf);
        return UNITLS_E_NOMEM;
    }
    *out = buf;
    *len = (size_t)n;
    return UNITLS_OK;
}

int ut_d2i_exact(const unsigned char *data, size_t len, ut_d2i_fn d2i,
                 ut_obj_free_fn obj_free, void **obj)
{
    const unsigned char *p = data;
    void *o = len <= INT_MAX ? d2i(&p, (long)len) : NULL;
    if (o == NULL || p != data + len) {
        if (o != NULL)
            obj_free(o);
        return UNITLS_E_PARSE;
    }
    *obj = o;
    return UNITLS_OK;
}
