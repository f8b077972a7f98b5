/* --ciphers and --groups: the cipher suites and key-exchange groups of a
 * context, by their IANA names (tls_settings.h). */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "report.h"
#include "tls_settings.h"

enum { LIST_MAX = 4096 };

struct name_list {
    char text[LIST_MAX];
    size_t count; /* names in text, empty ones included */
};

/* Appends `name` (part of a LIST_MAX text, so it always fits). */
static void append(struct name_list *to, const char *name)
{
    size_t used = strlen(to->text), len = strlen(name);
    if (used + 1 + len >= LIST_MAX)
        return;
    if (to->count++ > 0)
        to->text[used++] = ':';
    memcpy(to->text + used, name, len + 1);
}

/* Splits --ciphers into its TLS 1.2 suites (their IANA names say
 * "_WITH_": TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256) and its TLS 1.3 ones
 * (TLS_AES_128_GCM_SHA256). Empty names stay in the TLS 1.2 list, so that
 * unitls_ctx_set_ciphers() reports them. */
static void split_suites(const char *list, struct name_list *tls12,
                         struct name_list *tls13)
{
    char text[LIST_MAX];
    snprintf(text, sizeof(text), "%s", list);
    for (char *name = text, *end; name != NULL; name = end) {
        if ((end = strchr(name, ':')) != NULL)
            *end++ = '\0';
        int is13 = name[0] != '\0' && strstr(name, "_WITH_") == NULL;
        append(is13 ? tls13 : tls12, name);
    }
}

static int apply_suites(const char *command, unitls_ctx *ctx,
                        const char *list)
{
    struct name_list tls12 = {.count = 0}, tls13 = {.count = 0};
    split_suites(list, &tls12, &tls13);
    /* An empty --ciphers is one empty TLS 1.2 list, refused as such. */
    int status = tls12.count > 0 || tls13.count == 0
                     ? unitls_ctx_set_ciphers(ctx, tls12.text)
                     : UNITLS_OK;
    if (status == UNITLS_OK && tls13.count > 0)
        status = unitls_ctx_set_tls13_suites(ctx, tls13.text);
    if (status == UNITLS_OK)
        return EXIT_OK;
    report_ctx_failure(command, "--ciphers", status, ctx);
    return EXIT_FAILED;
}

int tls_apply_suites_and_groups(const char *command, unitls_ctx *ctx,
                                const struct tls_settings *settings)
{
    if (settings->ciphers != NULL &&
        apply_suites(command, ctx, settings->ciphers) != EXIT_OK)
        return EXIT_FAILED;
    if (settings->groups == NULL)
        return EXIT_OK;
    int status = unitls_ctx_set_groups(ctx, settings->groups);
    if (status == UNITLS_OK)
        return EXIT_OK;
    report_ctx_failure(command, "--groups", status, ctx);
    return EXIT_FAILED;
}
