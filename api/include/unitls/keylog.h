/** @file
 * unitls: the key log, for decrypting a capture of a connection (Wireshark's
 * "(Pre)-Master-Secret log filename", curl's and Firefox's SSLKEYLOGFILE,
 * Python's SSLContext.keylog_filename).
 *
 * Lines are in the NSS key log format, the same on every provider:
 *
 *     <LABEL> <client random, 64 hex digits> <secret, lowercase hex>
 *
 * TLS 1.2 logs one line, CLIENT_RANDOM with the 48-byte master secret. TLS
 * 1.3 logs CLIENT_HANDSHAKE_TRAFFIC_SECRET, SERVER_HANDSHAKE_TRAFFIC_SECRET,
 * CLIENT_TRAFFIC_SECRET_0, SERVER_TRAFFIC_SECRET_0 and EXPORTER_SECRET, each
 * once, each as long as the hash of the cipher suite (32 bytes for the
 * SHA-256 suites, 48 for TLS_AES_256_GCM_SHA384). Both ends of a connection
 * can log; they log the same lines.
 *
 * Anyone holding these lines can read the connections they belong to:
 * nothing is logged unless the application asks for it here. unitls never
 * reads the SSLKEYLOGFILE environment variable; an application that wants
 * that convention calls unitls_ctx_set_keylog_file(ctx,
 * getenv("SSLKEYLOGFILE")) itself (the unitls command line has --keylog).
 *
 * Needs UNITLS_CAP_KEYLOG: without it both setters return
 * UNITLS_E_UNSUPPORTED (wolfSSL as Debian builds it cannot hand out the TLS
 * 1.3 secrets). */
#ifndef UNITLS_KEYLOG_H
#define UNITLS_KEYLOG_H

#include <unitls/ctx.h>
#include <unitls/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Appends every key log line of the context's connections to the file at
 * `path` (created with mode 0600 if missing, opened with O_APPEND; an
 * existing file keeps its mode and content). Each line, with its '\n', is
 * written whole with one write(2), so connections on several threads, and
 * several processes logging to the same file, never interleave within a
 * line. The file stays open until it is replaced, turned off (`path` NULL)
 * or the context is freed. A write that fails is not reported (the
 * connection goes on). Works together with unitls_ctx_set_keylog_callback().
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL ctx, empty path);
 * UNITLS_E_UNSUPPORTED (no UNITLS_CAP_KEYLOG); UNITLS_E_FILE (cannot be
 * opened: the message names the path and the reason); UNITLS_E_STATE (the
 * context is in use). On failure the previous setting stays. */
UNITLS_API int unitls_ctx_set_keylog_file(unitls_ctx *ctx, const char *path);

/** Receives one key log line: `line` is NUL-terminated, without a newline,
 * borrowed for the call. Runs during the handshake, on the thread driving
 * `conn`, possibly on several threads at once for a shared context; it must
 * not call unitls on `conn`. */
typedef void (*unitls_keylog_fn)(void *user, const unitls_conn *conn,
                                 const char *line);

/** Hands every key log line of the context's connections to `fn` (NULL
 * removes it), with `user`. Works together with unitls_ctx_set_keylog_file().
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL ctx); UNITLS_E_UNSUPPORTED
 * (no UNITLS_CAP_KEYLOG); UNITLS_E_STATE (the context is in use). */
UNITLS_API int unitls_ctx_set_keylog_callback(unitls_ctx *ctx,
                                              unitls_keylog_fn fn,
                                              void *user);

#ifdef __cplusplus
}
#endif

#endif
