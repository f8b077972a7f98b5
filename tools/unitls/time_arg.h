/* Points in time given on the command line: RFC 3339 or seconds since the
 * epoch. */
#ifndef UNITLS_CLI_TIME_ARG_H
#define UNITLS_CLI_TIME_ARG_H

#include <stdint.h>

/* Parses `text` into seconds since 1970-01-01T00:00:00Z (leap seconds not
 * counted, as POSIX time). Accepted:
 *  - digits only: seconds since the epoch ("1893456000");
 *  - RFC 3339 date-time: "2030-01-02T03:04:05Z", with 't' or one space for
 *    'T', 'z' for 'Z', a numeric offset ("+01:00", "-05:30") in place of
 *    'Z', and fractional seconds (".25", dropped: the time is truncated to
 *    the second). Second 60 (a leap second) is the next minute's first.
 * Returns 0, or -1 for anything else (nothing is written to *out then). */
int time_arg_parse(const char *text, int64_t *out);

#endif
