#include "outcome.h"

#include <check.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <unitls/unitls.h>

#include "conf.h"

static const char *const status_names[] = {
    "UNITLS_OK",           "UNITLS_WANT_READ",     "UNITLS_WANT_WRITE",
    "UNITLS_E_INVALID_ARG", "UNITLS_E_NOMEM",      "UNITLS_E_UNSUPPORTED",
    "UNITLS_E_STATE",      "UNITLS_E_FILE",        "UNITLS_E_PARSE",
    "UNITLS_E_KEY_PASSWORD", "UNITLS_E_KEY_MISMATCH", "UNITLS_E_VERIFY",
    "UNITLS_E_VERSION",    "UNITLS_E_HANDSHAKE",   "UNITLS_E_PEER_ALERT",
    "UNITLS_E_PROTOCOL",   "UNITLS_E_EOF",         "UNITLS_E_IO",
    "UNITLS_E_CLOSED",     "UNITLS_E_INTERNAL",
};

const char *oc_status_name(int status)
{
    if (status >= 0 && status <= UNITLS_WANT_WRITE)
        return status_names[status];
    if (status < 0 && status >= UNITLS_E_INTERNAL)
        return status_names[UNITLS_WANT_WRITE - status];
    return "UNKNOWN_STATUS";
}

/* Copies s into dst (of size n), escaped as values are. */
static void escape_into(char *dst, size_t n, const char *s)
{
    size_t used = 0;

    for (; *s != '\0' && used + 4 < n; s++) {
        unsigned char c = (unsigned char)*s;
        if (c <= 0x20 || c >= 0x7f || c == '%' || c == '|')
            used += (size_t)snprintf(dst + used, 4, "%%%02X", c);
        else
            dst[used++] = (char)c;
    }
    dst[used] = '\0';
}

void oc_init(struct outcome *o, const char *id, const char *prefix)
{
    memset(o, 0, sizeof(*o));
    escape_into(o->id, sizeof(o->id), id);
    snprintf(o->prefix, sizeof(o->prefix), "%s", prefix);
}

/* Appends `s` escaped; keeps kv NUL-terminated; drops what does not fit. */
static void put_escaped(struct outcome *o, const char *s)
{
    escape_into(o->kv + o->kv_len, sizeof(o->kv) - o->kv_len, s);
    o->kv_len += strlen(o->kv + o->kv_len);
}

/* 1 if the line already has prefix+key (a bug in the case: keys must be
 * unique so that lines compare key by key). */
static int has_key(const struct outcome *o, const char *key)
{
    char full[160];
    const char *p = o->kv;
    size_t n;

    n = (size_t)snprintf(full, sizeof(full), "%s%s=", o->prefix, key);
    while ((p = strstr(p, full)) != NULL) {
        if (p == o->kv || p[-1] == ' ')
            return 1;
        p += n;
    }
    return 0;
}

static void put_separator(struct outcome *o)
{
    if (o->kv_len > 0 && o->kv_len + 2 < sizeof(o->kv)) {
        o->kv[o->kv_len++] = ' ';
        o->kv[o->kv_len] = '\0';
    }
}

static void put_value(struct outcome *o, const char *key, const char *value)
{
    if (has_key(o, key))
        oc_fail(o, "case bug: key %s%s recorded twice", o->prefix, key);
    put_separator(o);
    put_escaped(o, o->prefix);
    put_escaped(o, key);
    put_escaped(o, "=");
    put_escaped(o, value);
}

void oc_put(struct outcome *o, const char *key, const char *fmt, ...)
{
    char value[2048];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(value, sizeof(value), fmt, ap);
    va_end(ap);
    put_value(o, key, value);
}

static void vfail(struct outcome *o, const char *fmt, va_list ap)
{
    size_t room = sizeof(o->fails) - o->fails_len;
    int n;

    o->nfail++;
    if (room <= 2)
        return;
    n = vsnprintf(o->fails + o->fails_len, room - 2, fmt, ap);
    if (n < 0)
        return;
    o->fails_len += (size_t)n < room - 2 ? (size_t)n : room - 3;
    memcpy(o->fails + o->fails_len, "; ", 3);
    o->fails_len += 2;
}

void oc_fail(struct outcome *o, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vfail(o, fmt, ap);
    va_end(ap);
}

void oc_status(struct outcome *o, const char *key, int got, int want)
{
    put_value(o, key, oc_status_name(got));
    if (want != OC_UNCHECKED && got != want)
        oc_fail(o, "%s%s: got %s, want %s", o->prefix, key,
                oc_status_name(got), oc_status_name(want));
}

void oc_int(struct outcome *o, const char *key, long long got, long long want)
{
    oc_put(o, key, "%lld", got);
    if (want != OC_UNCHECKED && got != want)
        oc_fail(o, "%s%s: got %lld, want %lld", o->prefix, key, got, want);
}

void oc_str(struct outcome *o, const char *key, const char *got,
            const char *want)
{
    int same = (got == NULL || want == NULL) ? got == want
                                             : strcmp(got, want) == 0;

    put_value(o, key, got != NULL ? got : "<null>");
    if (!same)
        oc_fail(o, "%s%s: got \"%s\", want \"%s\"", o->prefix, key,
                got != NULL ? got : "<null>", want != NULL ? want : "<null>");
}

void oc_true(struct outcome *o, const char *key, int cond)
{
    put_value(o, key, cond ? "1" : "0");
    if (!cond)
        oc_fail(o, "%s%s: does not hold", o->prefix, key);
}

void oc_merge(struct outcome *dst, const struct outcome *src)
{
    size_t n = strlen(src->kv);

    if (n > 0 && dst->kv_len + n + 2 < sizeof(dst->kv)) {
        if (dst->kv_len > 0)
            dst->kv[dst->kv_len++] = ' ';
        memcpy(dst->kv + dst->kv_len, src->kv, n + 1);
        dst->kv_len += n;
    }
    if (src->nfail > 0) /* src->fails ends with "; ", which oc_fail adds */
        oc_fail(dst, "%.*s", (int)(src->fails_len >= 2 ? src->fails_len - 2 : 0),
                src->fails);
    dst->nfail += src->nfail > 0 ? src->nfail - 1 : 0;
}

static void write_line(const struct outcome *o)
{
    char line[sizeof(o->id) + OC_KV_MAX + 8];
    int n, fd;

    if (conf.results == NULL)
        return;
    n = snprintf(line, sizeof(line), "%s | %s\n", o->id,
                 o->kv_len > 0 ? o->kv : "-");
    fd = open(conf.results, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    ck_assert_msg(fd >= 0, "cannot open results file %s", conf.results);
    ck_assert_msg(write(fd, line, (size_t)n) == n, "short write to %s",
                  conf.results);
    close(fd);
}

void oc_finish(struct outcome *o)
{
    write_line(o);
    ck_assert_msg(o->nfail == 0, "%s: %s", o->id, o->fails);
}
