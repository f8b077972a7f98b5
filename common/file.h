/* Reading whole files, with one error behaviour for every provider. */
#ifndef UT_FILE_H
#define UT_FILE_H

#include <stddef.h>

/* Reads the regular file at `path` into a new buffer (NUL-terminated, the NUL
 * not counted in *len; free with free()). Returns UNITLS_OK; UNITLS_E_FILE if
 * it is missing, unreadable, not a regular file or larger than 64 MiB (the
 * reason is written to err[errlen]); UNITLS_E_NOMEM. */
int ut_read_file(const char *path, unsigned char **data, size_t *len,
                 char *err, size_t errlen);

/* Returns UNITLS_OK if `path` is a readable directory, else UNITLS_E_FILE
 * with the reason in err[errlen]. */
int ut_check_dir(const char *path, char *err, size_t errlen);

#endif
