/* The ':'-separated lists of names the setters take (cipher suites,
 * groups), split and checked alike: every name known, none empty, none
 * twice, nothing ever silently left out. */
#ifndef UT_NAME_LIST_H
#define UT_NAME_LIST_H

#include <stddef.h>

#include "objects.h"

/* Checks one name and returns its id, or records why it is refused (with
 * ut_ctx_fail, naming it) and returns -1. `name` is never empty. */
typedef int (*ut_name_parse_fn)(unitls_ctx *ctx, const char *name, void *arg);

/* Splits `list` and parses each name with `parse` into a new array *ids
 * (freed by the caller) of *n ids, in the list's order. `what` names the
 * list in messages ("cipher-suite", "group"). Returns UNITLS_OK,
 * UNITLS_E_INVALID_ARG (NULL or empty list, an empty name, a name `parse`
 * refuses, an id twice; the message on ctx names the entry) or
 * UNITLS_E_NOMEM. */
int ut_parse_name_list(unitls_ctx *ctx, const char *list, const char *what,
                       ut_name_parse_fn parse, void *arg, int **ids,
                       size_t *n);

#endif
