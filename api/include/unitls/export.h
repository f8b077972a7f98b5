/** @file
 * unitls: symbol visibility for the public API. */
#ifndef UNITLS_EXPORT_H
#define UNITLS_EXPORT_H

/** Every public function is marked UNITLS_API; the library is built with hidden
 * visibility, so nothing else is exported from libunitls. */
#if defined(__GNUC__) || defined(__clang__)
#define UNITLS_API __attribute__((visibility("default")))
#else
#define UNITLS_API
#endif

#endif
