/* unitls serve --sni NAME=CHAIN,KEY: more certificates on one port, chosen
 * by the server name each client asks for (SNI). */
#ifndef UNITLS_CLI_SNI_TABLE_H
#define UNITLS_CLI_SNI_TABLE_H

#include <stddef.h>

#include <unitls/unitls.h>

#include "tls_settings.h"

#define SNI_TABLE_MAX 16

struct sni_table {
    size_t count;
    char *names[SNI_TABLE_MAX];       /* owned */
    unitls_ctx *contexts[SNI_TABLE_MAX]; /* owned, each with its identity */
};

/* Checks that `spec` reads NAME=CHAIN,KEY with no part empty. Returns 1 if
 * it does. */
int sni_spec_valid(const char *spec);

/* Builds a server context per NAME=CHAIN,KEY of specs[0..count) (the keys
 * decrypted with `tls`'s --password/--password-file) and installs the SNI
 * callback on `ctx`, which serves the context of the name asked for and
 * its own certificate for any other name or none. Returns EXIT_OK, or
 * EXIT_FAILED after reporting. Free with sni_table_free() in every case,
 * after the last connection. */
int sni_table_build(const char *command, unitls_ctx *ctx,
                    struct sni_table *table, const char *const *specs,
                    size_t count, const struct tls_settings *tls);

void sni_table_free(struct sni_table *table);

#endif
