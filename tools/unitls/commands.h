/* The unitls subcommands and the exit codes every one of them uses. */
#ifndef UNITLS_CLI_COMMANDS_H
#define UNITLS_CLI_COMMANDS_H

/* Exit codes, the same for every subcommand. */
enum {
    EXIT_OK = 0,      /* success (and --help) */
    EXIT_FAILED = 1,  /* TLS, verification, I/O or input failure */
    EXIT_USAGE = 2    /* unknown option, missing or malformed argument
                         (verify: any failure but "not valid") */
};

/* Each subcommand gets argv with argv[0] being its own name and returns the
 * process exit code. */
int cmd_version(int argc, char **argv);
int cmd_decode(int argc, char **argv);
int cmd_fetch_cert(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_connect(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_ciphers(int argc, char **argv);
int cmd_groups(int argc, char **argv);

#endif
