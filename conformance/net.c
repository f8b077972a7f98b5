#include "net.h"

#include <netinet/in.h>
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "conf.h"

static int set_timeouts(int fd)
{
    struct timeval tv = {.tv_sec = IO_TIMEOUT_SECONDS, .tv_usec = 0};

    if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) != 0 ||
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) != 0)
        return -1;
    return 0;
}

static int prepare_pair(int fds[2])
{
    if (set_timeouts(fds[0]) == 0 && set_timeouts(fds[1]) == 0)
        return 0;
    close(fds[0]);
    close(fds[1]);
    return -1;
}

int net_socketpair(int fds[2])
{
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return -1;
    return prepare_pair(fds);
}

/* A listening socket on 127.0.0.1 with an ephemeral port, in *addr. */
static int tcp_listener(struct sockaddr_in *addr)
{
    socklen_t len = sizeof(*addr);
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

    if (fd < 0)
        return -1;
    memset(addr, 0, sizeof(*addr));
    addr->sin_family = AF_INET;
    addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr->sin_port = 0;
    if (bind(fd, (struct sockaddr *)addr, sizeof(*addr)) != 0 ||
        listen(fd, 1) != 0 ||
        getsockname(fd, (struct sockaddr *)addr, &len) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* The kernel completes the TCP handshake against the backlog, so a blocking
 * connect() followed by accept() needs no second thread. */
int net_tcp_pair(int fds[2])
{
    struct sockaddr_in addr;
    int lfd = tcp_listener(&addr);

    if (lfd < 0)
        return -1;
    fds[0] = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fds[0] < 0 || set_timeouts(lfd) != 0 ||
        connect(fds[0], (struct sockaddr *)&addr, sizeof(addr)) != 0) {
        if (fds[0] >= 0)
            close(fds[0]);
        close(lfd);
        return -1;
    }
    fds[1] = accept(lfd, NULL, NULL);
    close(lfd);
    if (fds[1] < 0) {
        close(fds[0]);
        return -1;
    }
    return prepare_pair(fds);
}

int net_send_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;

    while (len > 0) {
        ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

ssize_t net_recv_some(int fd, void *buf, size_t len)
{
    ssize_t n;

    do
        n = recv(fd, buf, len, 0);
    while (n < 0 && errno == EINTR);
    return n;
}

size_t net_drain(int fd)
{
    char buf[4096];
    size_t total = 0;
    ssize_t n;

    while ((n = net_recv_some(fd, buf, sizeof(buf))) > 0)
        total += (size_t)n;
    return total;
}
