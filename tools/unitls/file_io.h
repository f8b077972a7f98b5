/* Reading a small file whole. */
#ifndef UNITLS_CLI_FILE_IO_H
#define UNITLS_CLI_FILE_IO_H

#include <stddef.h>

/* Reads the whole file at `path` into a new buffer (*data, freed with
 * free()) of *len bytes. Files larger than `max_len` are refused.
 * Returns 0, or an errno value: the open or read error, EFBIG when the file
 * is too large, ENOMEM. */
int file_read_all(const char *path, size_t max_len, unsigned char **data,
                  size_t *len);

#endif
