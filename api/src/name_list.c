/* Splitting and checking the setters' name lists; see name_list.h. */
#include "name_list.h"

#include <stdlib.h>
#include <string.h>

#include "provider.h"

/* The id of one name of the list, or -1 with the reason recorded.
 * `ids[0..n)` are the names accepted before it. */
static int parse_one(unitls_ctx *ctx, const char *name, const char *what,
                     ut_name_parse_fn parse, void *arg, const int *ids,
                     size_t n)
{
    if (name[0] == '\0')
        return ut_ctx_fail(ctx, -1, "empty %s name in the list", what);
    int id = parse(ctx, name, arg);
    if (id < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (ids[i] == id)
            return ut_ctx_fail(ctx, -1, "%s \"%s\" is listed twice", what,
                               name);
    return id;
}

int ut_parse_name_list(unitls_ctx *ctx, const char *list, const char *what,
                       ut_name_parse_fn parse, void *arg, int **ids,
                       size_t *n)
{
    *ids = NULL;
    *n = 0;
    if (list == NULL || list[0] == '\0')
        return ut_ctx_fail(ctx, UNITLS_E_INVALID_ARG, "the %s list is %s",
                           what, list == NULL ? "NULL" : "empty");
    size_t max = 1;
    for (const char *p = list; *p; p++)
        max += *p == ':';
    char *copy = strdup(list);
    int *out = malloc(max * sizeof(*out));
    if (copy == NULL || out == NULL) {
        free(copy);
        free(out);
        return ut_ctx_fail(ctx, UNITLS_E_NOMEM, "out of memory");
    }
    int rc = UNITLS_OK;
    for (char *name = copy, *end; rc == UNITLS_OK; name = end + 1) {
        end = strchr(name, ':');
        if (end != NULL)
            *end = '\0';
        int id = parse_one(ctx, name, what, parse, arg, out, *n);
        if (id < 0)
            rc = UNITLS_E_INVALID_ARG;
        else
            out[(*n)++] = id;
        if (end == NULL)
            break;
    }
    free(copy);
    if (rc != UNITLS_OK) {
        free(out);
        *n = 0;
        return rc;
    }
    *ids = out;
    return UNITLS_OK;
}
