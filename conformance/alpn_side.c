#include "alpn_side.h"

#include <string.h>

#include "pair.h"

enum { MAX_NAMES = 8, MAX_TEXT = 256 };

static int pick_last(void *user, unitls_conn *conn,
                     const char *const *offered, size_t count)
{
    (void)user;
    (void)conn;
    (void)offered;
    return count > 0 ? (int)count - 1 : -1;
}

/* "h2,http/1.1" into names[] pointing into text. */
static size_t split(const char *list, char *text, const char **names)
{
    size_t n = 0;
    strncpy(text, list, MAX_TEXT - 1);
    text[MAX_TEXT - 1] = '\0';
    for (char *p = text; p != NULL && n < MAX_NAMES;) {
        names[n++] = p;
        p = strchr(p, ',');
        if (p != NULL)
            *p++ = '\0';
    }
    return n;
}

int alpn_apply(unitls_ctx *ctx, const struct side *s)
{
    int st = UNITLS_OK;
    if (s->alpn != NULL) {
        char text[MAX_TEXT];
        const char *names[MAX_NAMES];
        size_t n = split(s->alpn, text, names);
        st = unitls_ctx_set_alpn(ctx, names, n);
    }
    if (st == UNITLS_OK && s->alpn_continue)
        st = unitls_ctx_set_alpn_mismatch(ctx, UNITLS_ALPN_MISMATCH_CONTINUE);
    if (st == UNITLS_OK && s->alpn_pick_last)
        st = unitls_ctx_set_alpn_callback(ctx, pick_last, NULL);
    return st;
}
