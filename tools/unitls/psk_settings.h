/* --psk-identity ID --psk HEX (connect and serve): one pre-shared key, the
 * client's offer or the one identity a server accepts. */
#ifndef UNITLS_CLI_PSK_SETTINGS_H
#define UNITLS_CLI_PSK_SETTINGS_H

#include <unitls/unitls.h>

#include "args.h"

struct psk_settings {
    const char *identity; /* --psk-identity ID */
    const char *hex;      /* --psk HEX: the key, 1 to 64 bytes in hex */
};

/* Checks that both options or neither are given, the identity is 1 to
 * UNITLS_PSK_IDENTITY_MAX bytes and the key valid hex of 1 to
 * UNITLS_PSK_KEY_MAX bytes. Returns ARGS_RUN or EXIT_USAGE. */
int psk_settings_check(const struct cli_spec *spec,
                       const struct psk_settings *settings);

/* 1 when the options were given. */
int psk_settings_given(const struct psk_settings *settings);

/* Sets the context's PSK callback (by its role) for the key, if given. The
 * key is kept for the process's lifetime (one per process) and wiped at
 * exit. Returns EXIT_OK or EXIT_FAILED after reporting. */
int psk_apply(const char *command, unitls_ctx *ctx,
              const struct psk_settings *settings);

#endif
