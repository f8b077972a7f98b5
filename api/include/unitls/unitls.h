/** @file
 * unitls: one TLS API over OpenSSL, wolfSSL and BoringSSL.
 * Include this header; it brings in the whole public API. */
#ifndef UNITLS_UNITLS_H
#define UNITLS_UNITLS_H

#include <unitls/cert.h>
#include <unitls/conn.h>
#include <unitls/ctx.h>
#include <unitls/keylog.h>
#include <unitls/ocsp.h>
#include <unitls/session.h>
#include <unitls/status.h>
#include <unitls/verify.h>
#include <unitls/version.h>

#endif
