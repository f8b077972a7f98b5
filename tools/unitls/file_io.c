/* Reading a small file whole. */
#include "file_io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

/* Reads up to max_len + 1 bytes, so that "too large" can be told apart. */
static int read_stream(FILE *file, size_t max_len, unsigned char *buffer,
                       size_t *len)
{
    *len = fread(buffer, 1, max_len + 1, file);
    if (ferror(file))
        return errno != 0 ? errno : EIO;
    return *len > max_len ? EFBIG : 0;
}

int file_read_all(const char *path, size_t max_len, unsigned char **data,
                  size_t *len)
{
    *data = NULL;
    *len = 0;
    errno = 0;
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        return errno != 0 ? errno : EIO;
    unsigned char *buffer = malloc(max_len + 1);
    if (buffer == NULL) {
        fclose(file);
        return ENOMEM;
    }
    int error = read_stream(file, max_len, buffer, len);
    fclose(file);
    if (error != 0) {
        free(buffer);
        *len = 0;
        return error;
    }
    *data = buffer;
    return 0;
}
