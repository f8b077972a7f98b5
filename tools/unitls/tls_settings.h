/* The TLS options several subcommands share (--ca, --cert, --key,
 * --pkcs12, --password, --password-file, --tls-min, --tls-max, --alpn,
 * --ciphers, --groups, --keylog, --psk-identity, --psk) and how they are
 * applied to a context.
 * Failures are reported on stderr here; callers only return the exit code. */
#ifndef UNITLS_CLI_TLS_SETTINGS_H
#define UNITLS_CLI_TLS_SETTINGS_H

#include <unitls/unitls.h>

#include "args.h"
#include "psk_settings.h"

struct tls_settings {
    const char *ca;       /* --ca FILE: trust anchors */
    const char *cert;     /* --cert FILE: own certificate chain */
    const char *key;      /* --key FILE; NULL: the key is in --cert */
    const char *pkcs12;   /* --pkcs12 FILE: own identity, instead of --cert */
    const char *password; /* --password PW for an encrypted key or --pkcs12 */
    const char *password_file; /* --password-file FILE: its first line,
                                  read only when a password is needed */
    const char *tls_min;  /* --tls-min 1.2|1.3 */
    const char *tls_max;  /* --tls-max 1.2|1.3 */
    const char *alpn;     /* --alpn LIST: comma-separated ALPN protocols */
    const char *ciphers;  /* --ciphers LIST: ':'-separated IANA suites */
    const char *groups;   /* --groups LIST: ':'-separated groups */
    const char *keylog;   /* --keylog FILE: append the TLS secrets there */
    struct psk_settings psk; /* --psk-identity ID --psk HEX */
};

/* The option-table entries of --alpn, --ciphers, --groups and --keylog,
 * the same for every subcommand that makes connections; `tls` is its
 * struct tls_settings. */
#define TLS_SETTINGS_PROTOCOL_OPTIONS(tls)                                    \
    {"--alpn", "LIST", "ALPN protocols, comma-separated, preferred first",    \
     &(tls).alpn, NULL},                                                      \
    {"--ciphers", "LIST", "cipher suites by IANA name, ':'-separated",        \
     &(tls).ciphers, NULL},                                                   \
    {"--groups", "LIST",                                                      \
     "key-exchange groups, ':'-separated, preferred first", &(tls).groups,   \
     NULL},                                                                   \
    {"--keylog", "FILE", "append the TLS secrets to FILE (NSS key log)",      \
     &(tls).keylog, NULL}

/* Checks the option values that parsing cannot: the versions are "1.2" or
 * "1.3" and min <= max; --key needs --cert; --pkcs12 excludes --cert;
 * --password and --password-file need one of them, and not each other; the
 * PSK options (psk_settings_check). Returns ARGS_RUN or EXIT_USAGE
 * (reported with the usage of `spec`). */
int tls_settings_check(const struct cli_spec *spec,
                       const struct tls_settings *settings);

/* Creates a context for `role`. Returns NULL after reporting. */
unitls_ctx *tls_new_context(const char *command, unitls_role role);

/* Applies --tls-min/--tls-max (if given). Returns EXIT_OK or EXIT_FAILED. */
int tls_apply_versions(const char *command, unitls_ctx *ctx,
                       const struct tls_settings *settings);

/* Applies --alpn (if given): a client offers the protocols, a server
 * selects among them by its own order. Returns EXIT_OK or EXIT_FAILED. */
int tls_apply_alpn(const char *command, unitls_ctx *ctx,
                   const struct tls_settings *settings);

/* Applies --ciphers (the TLS 1.2 suites with unitls_ctx_set_ciphers(), the
 * TLS 1.3 ones with unitls_ctx_set_tls13_suites()) and --groups, each if
 * given (tls_suites.c). Returns EXIT_OK or EXIT_FAILED. */
int tls_apply_suites_and_groups(const char *command, unitls_ctx *ctx,
                                const struct tls_settings *settings);
/* Applies --keylog (if given): the secrets of every connection are
 * appended to FILE in the NSS key log format. Returns EXIT_OK or
 * EXIT_FAILED. */
int tls_apply_keylog(const char *command, unitls_ctx *ctx,
                     const struct tls_settings *settings);

/* Loads --ca (if given) as trust anchors. Returns EXIT_OK or EXIT_FAILED. */
int tls_load_ca(const char *command, unitls_ctx *ctx,
                const struct tls_settings *settings);

/* Loads --cert/--key or --pkcs12 (if given), with --password or
 * --password-file. Returns EXIT_OK or EXIT_FAILED. */
int tls_load_identity(const char *command, unitls_ctx *ctx,
                      const struct tls_settings *settings);

/* Installs --password-file (if given) as ctx's password callback. */
void tls_apply_password_file(unitls_ctx *ctx,
                             const struct tls_settings *settings);

/* Sets the verify mode. Returns EXIT_OK or EXIT_FAILED. */
int tls_set_verify_mode(const char *command, unitls_ctx *ctx,
                        unitls_verify_mode mode);

#endif
