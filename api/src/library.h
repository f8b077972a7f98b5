/* One-time library initialisation, shared by the API's object constructors. */
#ifndef UT_LIBRARY_H
#define UT_LIBRARY_H

/* Initialises the provider once per process (thread-safe). Returns the
 * provider's init status, the same on every call. */
int ut_library_init(void);

#endif
