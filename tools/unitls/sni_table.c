/* unitls serve --sni: one context per extra certificate, and the SNI
 * callback that switches a connection to the one its client asked for. */
#include "sni_table.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "commands.h"
#include "report.h"

int sni_spec_valid(const char *spec)
{
    const char *eq = strchr(spec, '=');
    const char *comma = eq ? strchr(eq, ',') : NULL;
    return eq != NULL && eq > spec && comma != NULL && comma > eq + 1 &&
           comma[1] != '\0';
}

/* Host names compare without regard to ASCII case (RFC 4343). */
static int choose(void *user, unitls_conn *conn, const char *name)
{
    const struct sni_table *table = user;
    for (size_t i = 0; name != NULL && i < table->count; i++)
        if (strcasecmp(table->names[i], name) == 0)
            return unitls_conn_set_ctx(conn, table->contexts[i]);
    return UNITLS_OK;
}

static int add_entry(const char *command, struct sni_table *table,
                     const char *spec, const struct tls_settings *tls)
{
    char *copy = strdup(spec);
    unitls_ctx *ctx = copy ? tls_new_context(command, UNITLS_ROLE_SERVER)
                           : NULL;
    if (ctx == NULL) {
        free(copy);
        return EXIT_FAILED;
    }
    table->names[table->count] = copy;
    table->contexts[table->count++] = ctx;
    char *chain = strchr(copy, '=');
    *chain++ = '\0';
    char *key = strchr(chain, ',');
    *key++ = '\0';
    struct tls_settings own = {.cert = chain, .key = key,
                               .password = tls->password,
                               .password_file = tls->password_file};
    return tls_load_identity(command, ctx, &own);
}

int sni_table_build(const char *command, unitls_ctx *ctx,
                    struct sni_table *table, const char *const *specs,
                    size_t count, const struct tls_settings *tls)
{
    for (size_t i = 0; i < count && i < SNI_TABLE_MAX; i++)
        if (add_entry(command, table, specs[i], tls) != EXIT_OK)
            return EXIT_FAILED;
    if (count == 0)
        return EXIT_OK;
    int status = unitls_ctx_set_sni_callback(ctx, choose, table);
    if (status == UNITLS_OK)
        return EXIT_OK;
    report_ctx_failure(command, "--sni", status, ctx);
    return EXIT_FAILED;
}

void sni_table_free(struct sni_table *table)
{
    for (size_t i = 0; i < table->count; i++) {
        free(table->names[i]);
        unitls_ctx_free(table->contexts[i]);
    }
    table->count = 0;
}
