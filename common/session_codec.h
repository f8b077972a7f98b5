/* The unitls session envelope: what unitls_session_to_bytes() writes and
 * unitls_session_from_bytes() reads, whatever the provider.
 *
 *   "UTSS"                 magic
 *   u8   format            1
 *   u8   flags             UT_SESSION_VERIFIED; no other bit may be set
 *   u16  version           protocol version (0x0303 or 0x0304)
 *   u32  lifetime          the ticket lifetime hint, seconds
 *   u8   n, n bytes        provider name (1..32 of [a-z0-9])
 *   u8   n, n bytes        peer identity (0..253 printable ASCII bytes)
 *   u32  n, n bytes        the peer's leaf certificate (DER, may be empty)
 *   u32  n, n bytes        the backend's own serialized session (n > 0)
 *   32 bytes               SHA-256 of the backend's session
 *
 * big-endian, nothing after the digest, UNITLS_SESSION_BYTES_MAX bytes at
 * most. The digest is no authentication (anyone can compute it): it makes
 * sure that truncated or corrupted bytes never reach a backend's parser,
 * as wolfSSL's wolfSSL_d2i_SSL_SESSION crashes on some malformed input.
 * Forged bytes, digest and all, the wolfSSL provider checks against its
 * reader's limits before that reader sees them (wolf_session_check.c). */
#ifndef UT_SESSION_CODEC_H
#define UT_SESSION_CODEC_H

#include <stddef.h>
#include <stdint.h>

/* The connection that made the session authenticated the server. */
#define UT_SESSION_VERIFIED 0x01u

/* One session's fields. From ut_session_decode() the pointers point into
 * the decoded bytes; the strings are not NUL-terminated. */
struct ut_session_fields {
    unsigned flags;
    int version;
    uint32_t lifetime;
    const char *provider;
    size_t provider_len;
    const char *peer_name;
    size_t peer_name_len;
    const unsigned char *leaf;
    size_t leaf_len;
    const unsigned char *backend;
    size_t backend_len;
};

/* Writes the envelope into a new buffer (*out, malloc'ed). Returns
 * UNITLS_OK, UNITLS_E_INVALID_ARG when a field cannot be represented, or
 * UNITLS_E_NOMEM. */
int ut_session_encode(const struct ut_session_fields *f, unsigned char **out,
                      size_t *out_len);

/* Reads an envelope strictly. Returns UNITLS_OK or UNITLS_E_PARSE. */
int ut_session_decode(const unsigned char *data, size_t len,
                      struct ut_session_fields *f);

#endif
