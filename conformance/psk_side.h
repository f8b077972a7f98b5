/* An end's PSK settings (struct side's psk fields), applied to its
 * context with callbacks that record what they were given. */
#ifndef CONF_PSK_SIDE_H
#define CONF_PSK_SIDE_H

#include <stddef.h>

#include <unitls/unitls.h>

struct end;

/* PSK callbacks for the setters' cases, which refuse if ever called. */
int psk_no_key(void *user, unitls_conn *conn, const char *hint,
               char *identity, size_t identity_cap, unsigned char *psk,
               size_t psk_cap, size_t *psk_len);
int psk_no_server_key(void *user, unitls_conn *conn, const char *identity,
                      unsigned char *psk, size_t psk_cap, size_t *psk_len);

/* Callbacks that break the rules on purpose (struct side's psk_bad). */
enum psk_bad {
    PSK_GOOD = 0,
    PSK_REFUSE,          /* return an error */
    PSK_EMPTY_IDENTITY,  /* clients: "" */
    PSK_LONG_IDENTITY,   /* clients: UNITLS_PSK_IDENTITY_MAX + 1 bytes and
                            no NUL */
    PSK_ZERO_KEY,        /* *psk_len = 0 */
    PSK_KEY_OVER_CAP     /* *psk_len = psk_cap + 1 */
};

/* Sets the PSK callback of e's context (by role) when psk_identity is set,
 * and the hint (servers). Returns the first failing call's status, or
 * UNITLS_OK. */
int psk_apply(struct end *e);

#endif
