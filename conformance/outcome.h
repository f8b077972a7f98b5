/* What one conformance case observed, and which of its expectations failed.
 *
 * A case fills one `struct outcome` with key=value observations (each check
 * records what it saw, whether or not it matched), then calls oc_finish(),
 * which appends one line to the results file and only then fails the Check
 * test if an expectation did not hold. Nothing here asserts, so the server
 * thread of a pair fills its own outcome and the test thread merges it.
 *
 * Results line: "<case-id> | key=value key=value ...". Values are escaped
 * (%XX for bytes outside 0x21..0x7E and for '%' and '|'), so a line splits on
 * spaces. Only deterministic, provider-neutral facts go in a line: status
 * names, versions, IANA names, verification errors, alerts, counts, hashes;
 * never unitls_*_error() text, pointers or times. */
#ifndef CONF_OUTCOME_H
#define CONF_OUTCOME_H

#include <stddef.h>

#define OC_KV_MAX 8192
#define OC_FAIL_MAX 4096

struct outcome {
    char id[160];
    char prefix[8];   /* prepended to every key: "c.", "s." or "" */
    char kv[OC_KV_MAX];
    size_t kv_len;
    char fails[OC_FAIL_MAX];
    size_t fails_len;
    int nfail;
};

/* Marks a value that a case records but does not check (see ALERT_ANY). */
#define OC_UNCHECKED (-1000)

void oc_init(struct outcome *o, const char *id, const char *prefix);

/* Records key=value with no expectation. */
void oc_put(struct outcome *o, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Notes a failed expectation that is not a single value. */
void oc_fail(struct outcome *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Record the observed value and expect `want` (OC_UNCHECKED: any). */
void oc_status(struct outcome *o, const char *key, int got, int want);
void oc_int(struct outcome *o, const char *key, long long got,
            long long want);
/* NULL is recorded as "<null>"; want == NULL expects NULL. */
void oc_str(struct outcome *o, const char *key, const char *got,
            const char *want);
/* Records key=1 or key=0 and expects 1. */
void oc_true(struct outcome *o, const char *key, int cond);

/* Appends src's observations and failures to dst. */
void oc_merge(struct outcome *dst, const struct outcome *src);

/* Writes the line (one write(2) on an O_APPEND descriptor, so lines from
 * forked tests never interleave), then fails the test if any expectation
 * failed, listing them all. */
void oc_finish(struct outcome *o);

/* The name of a status code, from the suite's own table (so the results file
 * does not depend on the library's unitls_status_name()). */
const char *oc_status_name(int status);

#endif
