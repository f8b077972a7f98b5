#include "keylog_lines.h"

#include <stdio.h>
#include <string.h>

void keylog_collect(void *user, const unitls_conn *conn, const char *line)
{
    struct keylog_lines *k = user;
    (void)conn;
    if (k->count == KEYLOG_LINES_MAX || strlen(line) >= KEYLOG_LINE_MAX) {
        k->overflow = 1;
        return;
    }
    snprintf(k->line[k->count++], KEYLOG_LINE_MAX, "%s", line);
}

static int has_label(const char *line, const char *label)
{
    size_t n = strlen(label);
    return strncmp(line, label, n) == 0 && line[n] == ' ';
}

const char *keylog_find(const struct keylog_lines *k, const char *label)
{
    const char *found = NULL;
    for (size_t i = 0; i < k->count; i++)
        if (has_label(k->line[i], label)) {
            if (found != NULL)
                return NULL;
            found = k->line[i];
        }
    return found;
}

/* Length of the run of lowercase hex digits at s. */
static size_t hex_run(const char *s)
{
    return strspn(s, "0123456789abcdef");
}

static void to_hex(const unsigned char *b, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", b[i]);
}

/* Checks one line; returns its secret's length in bytes, or 0. */
static size_t check_line(const char *line, const char *label,
                         const char *random_hex, int *form, int *random_ok)
{
    const char *r = line + strlen(label) + 1;
    size_t rlen = hex_run(r);
    const char *s = r + rlen;
    size_t slen = *s == ' ' ? hex_run(s + 1) : 0;
    if (rlen != 64 || *s != ' ' || slen == 0 || slen % 2 != 0 ||
        s[1 + slen] != '\0') {
        *form = 0;
        return 0;
    }
    if (strncmp(r, random_hex, 64) != 0)
        *random_ok = 0;
    return slen / 2;
}

void keylog_check(struct outcome *o, const struct keylog_lines *k,
                  const unsigned char *random, const char *const *labels,
                  size_t nlabels, size_t secret_len)
{
    char random_hex[65] = "";
    int form = !k->overflow, random_ok = random != NULL;
    size_t bad_len = 0;
    if (random != NULL)
        to_hex(random, 32, random_hex);
    oc_int(o, "lines", (long long)k->count, (long long)nlabels);
    for (size_t i = 0; i < nlabels; i++) {
        const char *line = keylog_find(k, labels[i]);
        oc_true(o, labels[i], line != NULL);
        if (line == NULL)
            continue;
        size_t len = check_line(line, labels[i], random_hex, &form,
                                &random_ok);
        if (len != secret_len)
            bad_len = len;
    }
    oc_true(o, "form", form);
    oc_true(o, "random_is_wire", random_ok);
    oc_int(o, "secret_len", (long long)(bad_len ? bad_len : secret_len),
           (long long)secret_len);
}

int keylog_same(const struct keylog_lines *a, const struct keylog_lines *b)
{
    if (a->count != b->count || a->overflow || b->overflow)
        return 0;
    for (size_t i = 0; i < a->count; i++) {
        size_t j = 0;
        while (j < b->count && strcmp(a->line[i], b->line[j]) != 0)
            j++;
        if (j == b->count)
            return 0;
    }
    return 1;
}
