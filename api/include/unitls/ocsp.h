/** @file
 * unitls: OCSP stapling (RFC 6066 status_request; in TLS 1.3 the response
 * rides in the server's Certificate message, RFC 8446 section 4.4.2.1).
 *
 * A server staples a response it was given (its application fetched it from
 * the CA's responder); a client asks for one and reads the raw bytes, like
 * Qt's QSslSocket::ocspResponses() before interpretation. unitls does not
 * parse, check or trust the response in any way: not its signature, not the
 * certificate it is about, not its times or its status. A client that relies
 * on it must validate it itself.
 *
 * Servers need UNITLS_CAP_OCSP_STAPLE, clients UNITLS_CAP_OCSP_CLIENT;
 * without the bit the functions return UNITLS_E_UNSUPPORTED. */
#ifndef UNITLS_OCSP_H
#define UNITLS_OCSP_H

#include <stddef.h>

#include <unitls/ctx.h>
#include <unitls/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Servers: the DER OCSP response (an OCSPResponse SEQUENCE, RFC 6960) to
 * staple for every client that asks for one; clients that do not ask get
 * none. The bytes are copied. `der` NULL (with `len` 0) removes it: clients
 * that ask then get no response and the handshake goes on.
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL ctx, a client context, `der`
 * NULL with `len` > 0, `len` 0 with `der`); UNITLS_E_PARSE (the bytes are not
 * one DER SEQUENCE spanning exactly `len` bytes: PEM, say; nothing else is
 * checked); UNITLS_E_UNSUPPORTED (no UNITLS_CAP_OCSP_STAPLE); UNITLS_E_NOMEM;
 * UNITLS_E_STATE (the context is in use). On failure the previous response
 * stays. */
UNITLS_API int unitls_ctx_set_ocsp_response(unitls_ctx *ctx,
                                            const unsigned char *der,
                                            size_t len);

/** What a client asks of the server's OCSP stapling. */
typedef enum unitls_ocsp_mode {
    /** Do not ask (the default): no status_request extension is sent. */
    UNITLS_OCSP_OFF = 0,
    /** Ask; a server that staples nothing is fine. */
    UNITLS_OCSP_REQUEST = 1,
    /** Ask, and fail the handshake when the server staples nothing: the
     * client sends the fatal alert bad_certificate_status_response (113)
     * and its handshake fails with UNITLS_E_HANDSHAKE, the server's with
     * UNITLS_E_PEER_ALERT. Whatever the response says is not checked. */
    UNITLS_OCSP_REQUIRE = 2
} unitls_ocsp_mode;

/** Clients: sets whether the client asks the server for a stapled OCSP
 * response (read it with unitls_conn_ocsp_response()).
 * Returns UNITLS_OK; UNITLS_E_INVALID_ARG (NULL ctx, a server context, an
 * unknown mode); UNITLS_E_UNSUPPORTED (no UNITLS_CAP_OCSP_CLIENT, for any
 * mode but UNITLS_OCSP_OFF); UNITLS_E_STATE (the context is in use). */
UNITLS_API int unitls_ctx_set_ocsp_stapling(unitls_ctx *ctx,
                                            unitls_ocsp_mode mode);

/** Clients, after the handshake: the OCSP response the server stapled,
 * exactly the bytes it sent, not validated by unitls (see the top of this
 * header). *der gets the bytes (borrowed: valid until unitls_conn_free())
 * and *len their count; when nothing was stapled (or the client did not
 * ask), *der is NULL and *len 0.
 * Returns UNITLS_OK (also when nothing was stapled); UNITLS_E_INVALID_ARG
 * (NULL argument, a server connection); UNITLS_E_STATE (the handshake has
 * not completed); UNITLS_E_UNSUPPORTED (no UNITLS_CAP_OCSP_CLIENT). On
 * failure *der is NULL and *len 0 when they are not NULL. */
UNITLS_API int unitls_conn_ocsp_response(const unitls_conn *conn,
                                         const unsigned char **der,
                                         size_t *len);

#ifdef __cplusplus
}
#endif

#endif
