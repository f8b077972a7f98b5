/* The context's own identity, shared by the loaders of every format
 * (PEM/DER files, PKCS#12) and the password callback. */
#ifndef UT_CTX_IDENTITY_H
#define UT_CTX_IDENTITY_H

#include <stddef.h>

#include "blob.h"
#include "objects.h"

/* Checks the chain (each certificate parses, the leaf is not weak) and
 * hands it with the key (PEM or DER, maybe encrypted with `password`) to
 * the provider. Returns what ctx_use_cert_key returns, or the check's
 * failure, with the message on ctx. */
int ut_ctx_install_identity(unitls_ctx *ctx, const struct ut_blob_list *chain,
                            const void *key, size_t key_len,
                            const char *password);

/* A load that may need a password (`arg` is its input). */
typedef int (*ut_password_load_fn)(unitls_ctx *ctx, const void *arg,
                                   const char *password);

/* Runs load(ctx, arg, password). When no password was given, the load
 * answered UNITLS_E_KEY_PASSWORD (the input is encrypted) and the context
 * has a password callback, asks the callback once and runs the load again
 * with its answer, which is wiped afterwards. Decided here, so the callback
 * runs at the same moments on every provider. */
int ut_ctx_with_password(unitls_ctx *ctx, ut_password_load_fn load,
                         const void *arg, const char *password);

#endif
