#include "ossl_error.h"

#include <stdio.h>

#include <openssl/err.h>

#include "provider.h"

void ossl_error_take(struct ossl_error *e)
{
    unsigned long first = 0, first_ssl = 0, code;
    while ((code = ERR_get_error()) != 0) {
        if (first == 0)
            first = code;
        if (first_ssl == 0 && ERR_GET_LIB(code) == ERR_LIB_SSL)
            first_ssl = code;
    }
    e->code = first_ssl ? first_ssl : first;
    e->ssl_reason = first_ssl ? ERR_GET_REASON(first_ssl) : 0;
    if (e->code == 0) {
        snprintf(e->text, sizeof(e->text), "%s: no error queued",
                 ut_provider.name);
        return;
    }
    char library[sizeof(e->text) - 32];
    ERR_error_string_n(e->code, library, sizeof(library));
    snprintf(e->text, sizeof(e->text), "%s: %s", ut_provider.name, library);
}

int ossl_ctx_fail(unitls_ctx *ctx, int status, const char *what)
{
    struct ossl_error e;
    ossl_error_take(&e);
    return ut_ctx_fail(ctx, status, "%s (%s)", what, e.text);
}
