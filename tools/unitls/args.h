/* Option parsing shared by every subcommand: "--name VALUE", "--name=VALUE",
 * flags, positional arguments anywhere, "--" to end options, --help. */
#ifndef UNITLS_CLI_ARGS_H
#define UNITLS_CLI_ARGS_H

#include <stddef.h>
#include <stdio.h>

#if defined(__GNUC__) || defined(__clang__)
#define CLI_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define CLI_PRINTF(fmt, args)
#endif

/* One option. Exactly one of `value` (an option with an argument, named
 * `metavar` in the help) and `flag` (a switch) is set, or neither for an
 * option that may be given several times (see struct cli_list). */
struct cli_option {
    const char *name;    /* "--ca" */
    const char *metavar; /* "FILE"; NULL for flags */
    const char *help;    /* one line for --help */
    const char **value;  /* receives the argument (borrowed from argv) */
    int *flag;           /* set to 1 when the switch is given */
};

/* The arguments of a repeatable option, in the order given: an option of
 * the table whose `value` and `flag` are both NULL, and whose name is
 * `name` here. More than `capacity` of them is a usage error. */
struct cli_list {
    const char *name;   /* "--ca" */
    const char **items; /* room for `capacity` arguments (borrowed) */
    size_t capacity;
    size_t count;       /* set by args_parse() */
};

/* What a subcommand accepts, and how --help describes it. */
struct cli_spec {
    const char *command;     /* "fetch-cert" */
    const char *arguments;   /* the positional arguments: "HOST:PORT" */
    const char *description; /* a few lines, each ending in "\n" */
    const struct cli_option *options;
    size_t option_count;
    size_t min_positional;
    size_t max_positional;
    struct cli_list *lists; /* the repeatable options (may be NULL) */
    size_t list_count;
};

/* args_parse() returns this when the command should go on and run. */
#define ARGS_RUN (-1)

/* Parses argv (argv[0] is the subcommand's name). Positional arguments go to
 * positional[0 .. spec->max_positional - 1] and their number to *count.
 * Returns ARGS_RUN; EXIT_OK after printing the usage for --help; or
 * EXIT_USAGE after printing the error and the usage to stderr. */
int args_parse(const struct cli_spec *spec, int argc, char **argv,
               const char **positional, size_t *count);

/* Prints the usage and option list. */
void args_print_usage(const struct cli_spec *spec, FILE *out);

/* Prints "unitls: COMMAND: <message>" and the usage to stderr and returns
 * EXIT_USAGE, for errors found after parsing (a malformed HOST:PORT, options
 * that do not go together). */
int args_usage_error(const struct cli_spec *spec, const char *format, ...)
    CLI_PRINTF(2, 3);

#endif
