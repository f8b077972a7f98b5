/* An end's ALPN settings (struct side's alpn fields), applied to its
 * context. */
#ifndef CONF_ALPN_SIDE_H
#define CONF_ALPN_SIDE_H

#include <unitls/unitls.h>

struct side;

/* Applies s->alpn (comma-separated names), s->alpn_continue and
 * s->alpn_pick_last. Returns the first failing call's status, or
 * UNITLS_OK (also when the side sets nothing). */
int alpn_apply(unitls_ctx *ctx, const struct side *s);

#endif
