/* The NSS key log format, one line per secret:
 *   <LABEL> <client random: 64 hex digits> <secret: lowercase hex>
 * Every provider's lines go through ut_keylog_normalize, so they are
 * identical in form whichever backend wrote them. */
#ifndef UT_KEYLOG_H
#define UT_KEYLOG_H

#include <stddef.h>

/* The longest label, the random, the longest secret (64 bytes), two
 * spaces and the NUL. */
#define UT_KEYLOG_LINE_MAX (sizeof("SERVER_HANDSHAKE_TRAFFIC_SECRET") + \
                            64 + 128 + 2)

/* Checks a line a backend produced (`in`, NUL-terminated, no newline) and
 * writes it to out[UT_KEYLOG_LINE_MAX] in the one form unitls logs: a known
 * label, the 32-byte client random and a secret of the length the label
 * allows (CLIENT_RANDOM: 48 bytes; the TLS 1.3 labels: 32 or 48), single
 * spaces, lowercase hex. Returns 1, or 0 when the line is not such a line
 * (nothing is written then). */
int ut_keylog_normalize(const char *in, char out[UT_KEYLOG_LINE_MAX]);

#endif
