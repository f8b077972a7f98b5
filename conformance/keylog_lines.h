/* Key log lines collected from unitls_ctx_set_keylog_callback(), and what a
 * case checks of them. */
#ifndef CONF_KEYLOG_LINES_H
#define CONF_KEYLOG_LINES_H

#include <stddef.h>

#include <unitls/unitls.h>

#include "outcome.h"

enum { KEYLOG_LINES_MAX = 16, KEYLOG_LINE_MAX = 256 };

struct keylog_lines {
    char line[KEYLOG_LINES_MAX][KEYLOG_LINE_MAX];
    size_t count;
    int overflow; /* more lines, or a longer one, than fit */
};

/* A unitls_keylog_fn appending to the struct keylog_lines `user`. */
void keylog_collect(void *user, const unitls_conn *conn, const char *line);

/* The line with `label` (the only one: NULL when there is none or more
 * than one). */
const char *keylog_find(const struct keylog_lines *k, const char *label);

/* Checks the lines against what a handshake must log: each of the
 * `nlabels` labels exactly once and nothing else (key "<label>"=1 each,
 * "lines"=nlabels), each line "<label> <64 lowercase hex> <lowercase hex>"
 * ("form"), its random the ClientHello's `random` ("random_is_wire") and
 * its secret `secret_len` bytes long ("secret_len"). */
void keylog_check(struct outcome *o, const struct keylog_lines *k,
                  const unsigned char *random, const char *const *labels,
                  size_t nlabels, size_t secret_len);

/* 1 when both hold the same lines, in any order. */
int keylog_same(const struct keylog_lines *a, const struct keylog_lines *b);

#endif
