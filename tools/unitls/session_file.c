#include "session_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "file_io.h"
#include "report.h"

int session_file_offer(const char *command, const char *path,
                       unitls_conn *conn)
{
    unsigned char *data;
    size_t len;
    int error = file_read_all(path, UNITLS_SESSION_BYTES_MAX, &data, &len);
    if (error != 0) {
        report_error(command, "--sess-in %s: %s", path, strerror(error));
        return EXIT_FAILED;
    }
    unitls_session *sess = NULL;
    int status = unitls_session_from_bytes(data, len, &sess);
    free(data);
    if (status != UNITLS_OK) {
        report_status(command, "--sess-in", status, path);
        return EXIT_FAILED;
    }
    status = unitls_conn_set_session(conn, sess);
    unitls_session_free(sess);
    if (status != UNITLS_OK) {
        report_conn_failure(command, "--sess-in", status, conn);
        return EXIT_FAILED;
    }
    return EXIT_OK;
}

static int write_all(int fd, const unsigned char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return errno != 0 ? errno : EIO;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

static int write_file(const char *path, const unsigned char *data,
                      size_t len)
{
    errno = 0;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno;
    int error = write_all(fd, data, len);
    if (close(fd) != 0 && error == 0)
        error = errno;
    return error;
}

int session_file_save(const char *command, const char *path,
                      unitls_conn *conn)
{
    unitls_session *sess = NULL;
    int status = unitls_conn_session(conn, &sess);
    if (status != UNITLS_OK) {
        report_conn_failure(command, "--sess-out", status, conn);
        return EXIT_FAILED;
    }
    unsigned char *bytes = NULL;
    size_t len = 0;
    status = unitls_session_to_bytes(sess, &bytes, &len);
    unitls_session_free(sess);
    if (status != UNITLS_OK) {
        report_status(command, "--sess-out", status, NULL);
        return EXIT_FAILED;
    }
    int error = write_file(path, bytes, len);
    unitls_free(bytes);
    if (error != 0) {
        report_error(command, "--sess-out %s: %s", path, strerror(error));
        return EXIT_FAILED;
    }
    return EXIT_OK;
}
