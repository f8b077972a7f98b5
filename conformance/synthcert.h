/* Synthetic certificates for host name cases: a minimal, well-formed X.509
 * v3 certificate with a chosen subject commonName and subjectAltName, built
 * in DER by the suite and parsed with unitls_cert_from_der(). The signature
 * is a placeholder: these certificates are never used in a handshake, only
 * with unitls_cert_check_host(). */
#ifndef CONF_SYNTHCERT_H
#define CONF_SYNTHCERT_H

#include <stddef.h>

enum synth_san {
    SYNTH_NO_SAN,    /* no subjectAltName extension at all */
    SYNTH_SAN_EMPTY, /* the extension with no entries */
    SYNTH_SAN_DNS,   /* one dNSName: san/san_len, bytes as given */
    SYNTH_SAN_IP     /* one iPAddress: san/san_len, 4 or 16 bytes */
};

struct synth_spec {
    const char *cn; /* subject commonName (UTF8String), or NULL: none */
    size_t cn_len;
    enum synth_san san_kind;
    const void *san;
    size_t san_len;
};

/* Returns the DER (free() it) and its length, or NULL on allocation
 * failure. */
unsigned char *synth_cert_der(const struct synth_spec *spec, size_t *len);

#endif
