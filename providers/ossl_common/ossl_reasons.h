/* What a library error reason (ERR_LIB_SSL) means for unitls. The reason
 * numbers differ between OpenSSL and BoringSSL; only the names are shared,
 * so the table goes by name. */
#ifndef OSSL_REASONS_H
#define OSSL_REASONS_H

#include "provider.h"

/* The kind of an ERR_LIB_SSL reason (UT_FAILURE_OTHER if unlisted). */
enum ut_failure ossl_reason_kind(int reason);

/* The alert description a reason reports as received from the peer, or -1
 * when the reason is not a received alert. */
int ossl_reason_received_alert(int reason);

#endif
