/* Writing results to stdout, with every write checked. */
#include "output.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <unitls/unitls.h>

#include "commands.h"
#include "report.h"

void output_text(const char *text, size_t len)
{
    fwrite(text, 1, len, stdout);
}

void output_line(const char *text, size_t len)
{
    output_text(text, len);
    if (len == 0 || text[len - 1] != '\n')
        fputc('\n', stdout);
}

int output_finish(const char *command)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return EXIT_OK;
    int error = errno;
    report_status(command, "write to stdout", UNITLS_E_IO,
                  error != 0 ? strerror(error) : "write failed");
    return EXIT_FAILED;
}

static int wait_writable(int fd)
{
    struct pollfd waiter = {.fd = fd, .events = POLLOUT, .revents = 0};
    int ready = poll(&waiter, 1, -1);
    return ready < 0 && errno != EINTR ? -1 : 0;
}

int output_write_fd(int fd, const void *data, size_t len)
{
    const unsigned char *next = data;
    while (len > 0) {
        ssize_t written = write(fd, next, len);
        if (written >= 0) {
            next += written;
            len -= (size_t)written;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            if (wait_writable(fd) != 0)
                return -1;
        } else if (errno != EINTR) {
            return -1;
        }
    }
    return 0;
}
