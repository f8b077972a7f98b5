/* What a completed handshake negotiated, for people to read on stderr. */
#ifndef UNITLS_CLI_SESSION_INFO_H
#define UNITLS_CLI_SESSION_INFO_H

#include <stdio.h>

#include <unitls/unitls.h>

/* Prints one line each: "version: TLSv1.3",
 * "cipher: TLS_AES_128_GCM_SHA256", "group: X25519" ("(none)" without a
 * key-exchange group), "bits: 128" (the cipher's strength), "alpn: h2"
 * ("(none)") and "subject: C=XY, ..., CN=localhost" (the peer's; "(none)"
 * if it sent no certificate). */
void session_print_summary(FILE *out, const unitls_conn *conn);

/* Prints "TLSv1.3, TLS_AES_128_GCM_SHA256", then ", group: X25519" and
 * ", alpn: h2" when there are such, and, if the peer sent a certificate,
 * ", peer: <subject>"; no line break. */
void session_print_brief(FILE *out, const unitls_conn *conn);

#endif
