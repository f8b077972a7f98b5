/* What the fuzz targets do with a certificate that parsed: every rendering
 * and getter, and the invariants that must hold for any input. A broken
 * invariant aborts, which libFuzzer reports as a finding. */
#ifndef UNITLS_FUZZ_EXERCISE_H
#define UNITLS_FUZZ_EXERCISE_H

#include <stddef.h>

#include <unitls/cert.h>

/* Renders and inspects `cert`; aborts if an invariant does not hold:
 *  - the JSON is pure ASCII (json.dumps' ensure_ascii) and the text and PEM
 *    renderings are NUL-free;
 *  - PEM out parses back to the same DER and the same JSON;
 *  - the getters agree with one another (index bounds, known digests);
 *  - a validity string that cert_time_to_seconds accepts gives the
 *    certificate's own time. */
void fuzz_exercise(const unitls_cert *cert);

/* Aborts with a message (a finding) when `cond` is false. */
#define FUZZ_CHECK(cond) fuzz_check((cond), #cond, __FILE__, __LINE__)
void fuzz_check(int cond, const char *what, const char *file, int line);

#endif
