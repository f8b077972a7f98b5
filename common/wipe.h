/* Erasing secrets (key material, passwords) from memory before it is freed. */
#ifndef UT_WIPE_H
#define UT_WIPE_H

#include <stddef.h>

/* Overwrites p[0..len) with zeros in a way the compiler cannot drop. */
void ut_wipe(void *p, size_t len);

#endif
