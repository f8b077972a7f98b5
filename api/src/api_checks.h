/* Checks and helpers shared by the API layer's source files. */
#ifndef UT_API_CHECKS_H
#define UT_API_CHECKS_H

#include "objects.h"

/* UNITLS_OK if ctx is non-NULL and not yet used by a connection (clears the
 * error message); else UNITLS_E_INVALID_ARG or UNITLS_E_STATE. */
int ut_ctx_check_mutable(unitls_ctx *ctx);

/* Drops one reference to ctx, freeing it with the last. NULL-safe. */
void ut_ctx_release(unitls_ctx *ctx);

#endif
