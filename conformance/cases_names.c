/* Status codes and verification errors: every one has its stable name and a
 * non-empty, distinct description. */
#include <stdio.h>
#include <string.h>

#include <unitls/unitls.h>

#include "outcome.h"
#include "suites.h"

/* Every status code, in ABI order (0, 1, 2, -1 ... -17). */
static const int statuses[] = {
    UNITLS_OK,           UNITLS_WANT_READ,      UNITLS_WANT_WRITE,
    UNITLS_E_INVALID_ARG, UNITLS_E_NOMEM,       UNITLS_E_UNSUPPORTED,
    UNITLS_E_STATE,      UNITLS_E_FILE,         UNITLS_E_PARSE,
    UNITLS_E_KEY_PASSWORD, UNITLS_E_KEY_MISMATCH, UNITLS_E_VERIFY,
    UNITLS_E_VERSION,    UNITLS_E_HANDSHAKE,    UNITLS_E_PEER_ALERT,
    UNITLS_E_PROTOCOL,   UNITLS_E_EOF,          UNITLS_E_IO,
    UNITLS_E_CLOSED,     UNITLS_E_INTERNAL,
};
#define NSTATUS (sizeof(statuses) / sizeof(statuses[0]))

static const char *const verr_names[] = {
    "unknown",          "expired",          "not_yet_valid",
    "self_signed",      "self_signed_in_chain", "unable_to_get_issuer",
    "hostname_mismatch", "ip_mismatch",     "invalid_ca",
    "path_length_exceeded", "revoked",      "crl_unavailable",
    "invalid_purpose",  "signature_failure", "weak_key",
    "chain_too_long",   "no_peer_certificate", "bad_certificate",
};
#define NVERR (sizeof(verr_names) / sizeof(verr_names[0]))

/* Fails the outcome if two of the n strings are equal or one is empty. */
static void expect_distinct(struct outcome *o, const char *what,
                            const char *const *s, size_t n)
{
    size_t i, j;

    for (i = 0; i < n; i++) {
        if (s[i] == NULL || s[i][0] == '\0')
            oc_fail(o, "%s #%zu is empty", what, i);
        for (j = 0; j < i && s[i] != NULL; j++)
            if (s[j] != NULL && strcmp(s[i], s[j]) == 0)
                oc_fail(o, "%s #%zu and #%zu are both \"%s\"", what, j, i,
                        s[i]);
    }
}

START_TEST(status_names)
{
    const char *names[NSTATUS], *texts[NSTATUS];
    struct outcome o;
    size_t i;

    oc_init(&o, "lib.status_names", "");
    for (i = 0; i < NSTATUS; i++) {
        names[i] = unitls_status_name(statuses[i]);
        texts[i] = unitls_strerror(statuses[i]);
        oc_str(&o, oc_status_name(statuses[i]), names[i],
               oc_status_name(statuses[i]));
    }
    expect_distinct(&o, "unitls_strerror", texts, NSTATUS);
    expect_distinct(&o, "unitls_status_name", names, NSTATUS);
    oc_str(&o, "name_unknown", unitls_status_name(-999), "UNITLS_E_UNKNOWN");
    oc_str(&o, "name_unknown_positive", unitls_status_name(3),
           "UNITLS_E_UNKNOWN");
    oc_str(&o, "strerror_unknown", unitls_strerror(-999), "unknown status");
    oc_str(&o, "strerror_verify", unitls_strerror(UNITLS_E_VERIFY),
           "certificate verification failed");
    oc_finish(&o);
}
END_TEST

START_TEST(verify_error_names)
{
    const char *names[NVERR], *texts[NVERR];
    struct outcome o;
    char key[32];
    size_t i;

    oc_init(&o, "lib.verify_error_names", "");
    for (i = 0; i < NVERR; i++) {
        unitls_verify_error e = (unitls_verify_error)(i + 1);
        names[i] = unitls_verify_error_name(e);
        texts[i] = unitls_verify_error_string(e);
        snprintf(key, sizeof(key), "verr%zu", i + 1);
        oc_str(&o, key, names[i], verr_names[i]);
    }
    expect_distinct(&o, "unitls_verify_error_string", texts, NVERR);
    expect_distinct(&o, "unitls_verify_error_name", names, NVERR);
    oc_str(&o, "name_0", unitls_verify_error_name((unitls_verify_error)0),
           "unknown");
    oc_str(&o, "name_999", unitls_verify_error_name((unitls_verify_error)999),
           "unknown");
    oc_true(&o, "string_999",
            unitls_verify_error_string((unitls_verify_error)999)[0] != '\0');
    oc_finish(&o);
}
END_TEST

void library_names_add(TCase *tc)
{
    tcase_add_test(tc, status_names);
    tcase_add_test(tc, verify_error_names);
}
