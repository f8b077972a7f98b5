/* The library's own account of a failure, taken from the thread's error
 * queue, so that every unitls message can name the backend's reason. */
#ifndef OSSL_ERROR_H
#define OSSL_ERROR_H

#include "objects.h"

struct ossl_error {
    unsigned long code; /* the first SSL error queued, else the first error;
                           0 when the queue was empty */
    int ssl_reason;     /* its reason when it is an SSL error, else 0 */
    char text[256];     /* "<provider>: <library's string>", or
                           "<provider>: no error queued" */
};

/* Empties the thread's error queue into *e. */
void ossl_error_take(struct ossl_error *e);

/* Records "<what> (<provider>: <library's reason>)" on ctx, empties the
 * queue, and returns `status`. */
int ossl_ctx_fail(unitls_ctx *ctx, int status, const char *what);

#endif
