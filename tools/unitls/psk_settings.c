/* One pre-shared key from the command line, offered by a client or
 * accepted by a server for its one identity. */
#include "psk_settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "report.h"

static struct {
    char identity[UNITLS_PSK_IDENTITY_MAX + 1];
    unsigned char key[UNITLS_PSK_KEY_MAX];
    size_t key_len;
} the_key;

/* Decodes `hex` into out (cap bytes). Returns the length, 0 if invalid. */
static size_t decode_hex(const char *hex, unsigned char *out, size_t cap)
{
    size_t len = strlen(hex);
    if (len == 0 || len % 2 != 0 || len / 2 > cap ||
        strspn(hex, "0123456789abcdefABCDEF") != len)
        return 0;
    for (size_t i = 0; i < len / 2; i++) {
        unsigned byte;
        if (sscanf(hex + 2 * i, "%2x", &byte) != 1)
            return 0;
        out[i] = (unsigned char)byte;
    }
    return len / 2;
}

int psk_settings_given(const struct psk_settings *settings)
{
    return settings->identity != NULL;
}

int psk_settings_check(const struct cli_spec *spec,
                       const struct psk_settings *settings)
{
    if ((settings->identity == NULL) != (settings->hex == NULL))
        return args_usage_error(spec, "--psk-identity and --psk go together");
    if (settings->identity == NULL)
        return ARGS_RUN;
    size_t id_len = strlen(settings->identity);
    if (id_len == 0 || id_len > UNITLS_PSK_IDENTITY_MAX)
        return args_usage_error(spec, "--psk-identity must be 1 to %d bytes",
                                UNITLS_PSK_IDENTITY_MAX);
    unsigned char scratch[UNITLS_PSK_KEY_MAX];
    size_t key_len = decode_hex(settings->hex, scratch, sizeof(scratch));
    memset(scratch, 0, sizeof(scratch));
    if (key_len == 0)
        return args_usage_error(spec, "--psk must be 1 to %d bytes in hex",
                                UNITLS_PSK_KEY_MAX);
    return ARGS_RUN;
}

static int client_key(void *user, unitls_conn *conn, const char *hint,
                      char *identity, size_t identity_cap, unsigned char *psk,
                      size_t psk_cap, size_t *psk_len)
{
    (void)user, (void)conn, (void)hint;
    if (the_key.key_len > psk_cap)
        return UNITLS_E_INVALID_ARG;
    snprintf(identity, identity_cap, "%s", the_key.identity);
    memcpy(psk, the_key.key, the_key.key_len);
    *psk_len = the_key.key_len;
    return UNITLS_OK;
}

static int server_key(void *user, unitls_conn *conn, const char *identity,
                      unsigned char *psk, size_t psk_cap, size_t *psk_len)
{
    (void)user, (void)conn;
    if (strcmp(identity, the_key.identity) != 0 ||
        the_key.key_len > psk_cap)
        return UNITLS_E_HANDSHAKE; /* an identity this server does not know */
    memcpy(psk, the_key.key, the_key.key_len);
    *psk_len = the_key.key_len;
    return UNITLS_OK;
}

static void wipe_key(void)
{
    volatile unsigned char *p = the_key.key;
    for (size_t i = 0; i < sizeof(the_key.key); i++)
        p[i] = 0;
}

int psk_apply(const char *command, unitls_ctx *ctx,
              const struct psk_settings *settings)
{
    if (!psk_settings_given(settings))
        return EXIT_OK;
    snprintf(the_key.identity, sizeof(the_key.identity), "%s",
             settings->identity);
    the_key.key_len = decode_hex(settings->hex, the_key.key,
                                 sizeof(the_key.key));
    atexit(wipe_key);
    int status = unitls_ctx_role(ctx) == UNITLS_ROLE_CLIENT
                     ? unitls_ctx_set_psk_client_callback(ctx, client_key,
                                                          NULL)
                     : unitls_ctx_set_psk_server_callback(ctx, server_key,
                                                          NULL);
    if (status == UNITLS_OK)
        return EXIT_OK;
    report_ctx_failure(command, "--psk", status, ctx);
    return EXIT_FAILED;
}
