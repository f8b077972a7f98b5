/* Checks and helpers shared by the API layer's source files. */
#ifndef UT_API_CHECKS_H
#define UT_API_CHECKS_H

#include "objects.h"

/* UNITLS_OK if ctx is non-NULL and not yet used by a connection (clears the
 * error message); else UNITLS_E_INVALID_ARG or UNITLS_E_STATE. */
int ut_ctx_check_mutable(unitls_ctx *ctx);

/* Drops one reference to ctx, freeing it with the last. NULL-safe. */
void ut_ctx_release(unitls_ctx *ctx);

/* Closes the context's key log file, if any (api/src/keylog.c). */
void ut_ctx_keylog_close(unitls_ctx *ctx);

#include <stddef.h>

/* 1 when a PSK callback is set on ctx (api/src/psk.c). */
int ut_ctx_has_psk(const unitls_ctx *ctx);

/* After the provider's handshake step returned `rc`: a PSK callback's
 * failure recorded during it becomes the handshake's failure (its status
 * and words), whatever the backend made of it; otherwise `rc`. */
int ut_psk_settle(unitls_conn *conn, int rc);

/* On a provider without UNITLS_CAP_PSK_TLS13: UNITLS_E_UNSUPPORTED (message
 * on ctx) when a PSK callback is set and `max_version` is TLS 1.3;
 * otherwise UNITLS_OK. */
int ut_psk_check_max_version(unitls_ctx *ctx, int max_version);

/* Adds one DER item to the context (a provider's ctx_add_*_der). */
typedef int (*ut_ctx_add_der_fn)(unitls_ctx *ctx, const unsigned char *der,
                                 size_t len);

/* Adds every certificate of data[0..len) (PEM blocks, or one DER
 * certificate) with `add`, after checking that all of them parse, so that
 * a bad bundle adds nothing. `what` names the input in messages. */
int ut_ctx_load_certs(unitls_ctx *ctx, const void *data, size_t len,
                      const char *what, ut_ctx_add_der_fn add);

/* Reads the file at `path` and hands its bytes to `load`. */
int ut_ctx_load_file(unitls_ctx *ctx, const char *path,
                     int (*load)(unitls_ctx *ctx, const void *data,
                                 size_t len, const char *what));

#endif
