#define _POSIX_C_SOURCE 200809L
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unitls/status.h>

#define UT_FILE_MAX (64u * 1024u * 1024u)

static int file_error(const char *path, const char *why, char *err,
                      size_t errlen)
{
    snprintf(err, errlen, "%s: %s", path, why);
    return UNITLS_E_FILE;
}

static int read_all(int fd, unsigned char *buf, size_t len)
{
    size_t done = 0;
    while (done < len) {
        ssize_t n = read(fd, buf + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        done += (size_t)n;
    }
    return 0;
}

int ut_read_file(const char *path, unsigned char **data, size_t *len,
                 char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return file_error(path, strerror(errno), err, errlen);
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return file_error(path, "not a regular file", err, errlen);
    }
    if ((unsigned long long)st.st_size > UT_FILE_MAX) {
        close(fd);
        return file_error(path, "file too large", err, errlen);
    }
    size_t size = (size_t)st.st_size;
    unsigned char *buf = malloc(size + 1);
    if (buf == NULL) {
        close(fd);
        return UNITLS_E_NOMEM;
    }
    int bad = read_all(fd, buf, size);
    int saved = errno;
    close(fd);
    if (bad) {
        free(buf);
        return file_error(path, saved ? strerror(saved) : "short read", err,
                          errlen);
    }
    buf[size] = '\0';
    *data = buf;
    *len = size;
    return UNITLS_OK;
}

int ut_check_dir(const char *path, char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return file_error(path, strerror(errno), err, errlen);
    if (!S_ISDIR(st.st_mode))
        return file_error(path, "not a directory", err, errlen);
    if (access(path, R_OK | X_OK) != 0)
        return file_error(path, strerror(errno), err, errlen);
    return UNITLS_OK;
}
