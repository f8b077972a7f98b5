/* unitls: the command-line program. main() only picks the subcommand. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"

struct subcommand {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
};

static const struct subcommand subcommands[] = {
    {"version", "print the unitls, provider and backend versions",
     cmd_version},
    {"decode", "print a certificate file as text or JSON", cmd_decode},
    {"fetch-cert", "fetch a server's certificate (PEM or JSON)",
     cmd_fetch_cert},
    {"serve", "run a TLS echo server on 127.0.0.1", cmd_serve},
    {"connect", "connect to a TLS server and relay stdin/stdout", cmd_connect},
    {"verify", "verify a certificate chain offline", cmd_verify},
    {"ciphers", "list the cipher suites of the provider", cmd_ciphers},
    {"groups", "list the key-exchange groups of the provider", cmd_groups},
};

static const size_t subcommand_count =
    sizeof(subcommands) / sizeof(subcommands[0]);

static void print_overview(FILE *out)
{
    fprintf(out, "usage: unitls COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < subcommand_count; i++)
        fprintf(out, "  %-12s %s\n", subcommands[i].name,
                subcommands[i].summary);
    fprintf(out, "\nRun 'unitls COMMAND --help' for a command's options.\n");
}

static const struct subcommand *find_subcommand(const char *name)
{
    for (size_t i = 0; i < subcommand_count; i++)
        if (strcmp(subcommands[i].name, name) == 0)
            return &subcommands[i];
    return NULL;
}

/* A peer that goes away must give EPIPE on write, never kill the program:
 * the library promises that for TLS writes; this covers stdout and stderr. */
static void ignore_sigpipe(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = SIG_IGN;
    sigemptyset(&action.sa_mask);
    sigaction(SIGPIPE, &action, NULL);
}

/* If the program was started with stdin, stdout or stderr closed, the first
 * socket would take that number and "stdin" would be the TLS socket. Open
 * /dev/null in its place: a closed stdin then reads as empty. */
static void ensure_standard_fds(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
            continue;
        /* open() takes the lowest free number, which is `fd`. */
        (void)open("/dev/null", O_RDWR);
    }
}

int main(int argc, char **argv)
{
    ensure_standard_fds();
    ignore_sigpipe();
    /* Each report is one line: write it with one write(), so that lines
     * from concurrent processes (a server and its clients) never mix. */
    setvbuf(stderr, NULL, _IOLBF, BUFSIZ);
    if (argc < 2) {
        print_overview(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 ||
        strcmp(name, "help") == 0) {
        print_overview(stdout);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILED;
    }
    if (strcmp(name, "--version") == 0)
        name = "version";
    const struct subcommand *command = find_subcommand(name);
    if (command == NULL) {
        fprintf(stderr, "unitls: unknown command '%s'\n", name);
        print_overview(stderr);
        return EXIT_USAGE;
    }
    return command->run(argc - 1, argv + 1);
}
