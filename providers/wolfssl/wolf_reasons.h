/* What a wolfSSL error code (wolfSSL_get_error()) means for unitls. */
#ifndef UT_WOLF_REASONS_H
#define UT_WOLF_REASONS_H

#include "wolf.h"

/* The kind of wolfSSL error `err` (UT_FAILURE_OTHER if unlisted). */
enum ut_failure wolf_reason_kind(int err);

#endif
