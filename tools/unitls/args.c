/* Option parsing shared by every subcommand. */
#include "args.h"

#include <stdarg.h>
#include <string.h>

#include "commands.h"

#define HELP_COLUMN 24

void args_print_usage(const struct cli_spec *spec, FILE *out)
{
    fprintf(out, "usage: unitls %s [options]%s%s\n\n%s\noptions:\n",
            spec->command, spec->arguments[0] != '\0' ? " " : "",
            spec->arguments, spec->description);
    for (size_t i = 0; i < spec->option_count; i++) {
        const struct cli_option *option = &spec->options[i];
        int width;
        if (option->metavar != NULL)
            width = fprintf(out, "  %s %s", option->name, option->metavar);
        else
            width = fprintf(out, "  %s", option->name);
        if (width < 0)
            return;
        if (width >= HELP_COLUMN - 1) {
            fputc('\n', out);
            width = 0;
        }
        fprintf(out, "%*s%s\n", HELP_COLUMN - width, "", option->help);
    }
    fprintf(out, "  --help%*s%s\n", HELP_COLUMN - 8, "", "show this help");
}

static int vreport_usage_error(const struct cli_spec *spec,
                               const char *format, va_list args)
{
    fprintf(stderr, "unitls: %s: ", spec->command);
    vfprintf(stderr, format, args);
    fputs("\n", stderr);
    args_print_usage(spec, stderr);
    return EXIT_USAGE;
}

int args_usage_error(const struct cli_spec *spec, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int code = vreport_usage_error(spec, format, args);
    va_end(args);
    return code;
}

/* Finds the option `arg` names; *inline_value receives the part after '='
 * in "--name=value", or NULL. */
static const struct cli_option *find_option(const struct cli_spec *spec,
                                            const char *arg,
                                            const char **inline_value)
{
    const char *equals = strchr(arg, '=');
    size_t name_len = equals != NULL ? (size_t)(equals - arg) : strlen(arg);
    *inline_value = equals != NULL ? equals + 1 : NULL;
    for (size_t i = 0; i < spec->option_count; i++) {
        const char *name = spec->options[i].name;
        if (strlen(name) == name_len && strncmp(name, arg, name_len) == 0)
            return &spec->options[i];
    }
    return NULL;
}

static struct cli_list *find_list(const struct cli_spec *spec,
                                  const char *name)
{
    for (size_t i = 0; i < spec->list_count; i++)
        if (strcmp(spec->lists[i].name, name) == 0)
            return &spec->lists[i];
    return NULL;
}

/* Stores the argument of an option that takes one: in its `value`, or
 * appended to its list. Returns ARGS_RUN or EXIT_USAGE (reported). */
static int store_value(const struct cli_spec *spec,
                       const struct cli_option *option, const char *value)
{
    if (option->value != NULL) {
        *option->value = value;
        return ARGS_RUN;
    }
    struct cli_list *list = find_list(spec, option->name);
    if (list == NULL || list->count >= list->capacity)
        return args_usage_error(spec, "option '%s' given more than %zu times",
                                option->name,
                                list != NULL ? list->capacity : 0);
    list->items[list->count++] = value;
    return ARGS_RUN;
}

/* Applies option argv[*index]; advances *index past a separate value.
 * Returns ARGS_RUN or EXIT_USAGE (reported). */
static int apply_option(const struct cli_spec *spec, int argc, char **argv,
                        int *index)
{
    const char *arg = argv[*index];
    const char *inline_value;
    const struct cli_option *option = find_option(spec, arg, &inline_value);
    if (option == NULL)
        return args_usage_error(spec, "unknown option '%s'", arg);
    if (option->flag != NULL) {
        if (inline_value != NULL)
            return args_usage_error(spec, "option '%s' takes no value",
                                    option->name);
        *option->flag = 1;
        return ARGS_RUN;
    }
    if (inline_value == NULL) {
        if (*index + 1 >= argc)
            return args_usage_error(spec, "option '%s' needs a value (%s)",
                                    option->name, option->metavar);
        *index += 1;
        inline_value = argv[*index];
    }
    return store_value(spec, option, inline_value);
}

static int add_positional(const struct cli_spec *spec, const char *arg,
                          const char **positional, size_t *count)
{
    if (*count >= spec->max_positional)
        return args_usage_error(spec, "unexpected argument '%s'", arg);
    positional[(*count)++] = arg;
    return ARGS_RUN;
}

static int is_option(const char *arg)
{
    return arg[0] == '-' && arg[1] != '\0';
}

int args_parse(const struct cli_spec *spec, int argc, char **argv,
               const char **positional, size_t *count)
{
    int options_ended = 0;
    int status = ARGS_RUN;
    *count = 0;
    for (size_t i = 0; i < spec->list_count; i++)
        spec->lists[i].count = 0;
    for (int i = 1; i < argc && status == ARGS_RUN; i++) {
        const char *arg = argv[i];
        if (options_ended || !is_option(arg)) {
            status = add_positional(spec, arg, positional, count);
        } else if (strcmp(arg, "--") == 0) {
            options_ended = 1;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            args_print_usage(spec, stdout);
            return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILED;
        } else {
            status = apply_option(spec, argc, argv, &i);
        }
    }
    if (status == ARGS_RUN && *count < spec->min_positional)
        return args_usage_error(spec, "missing argument: %s",
                                spec->arguments);
    return status;
}
