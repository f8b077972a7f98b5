/* Plain TCP for the subcommands. */
#include "net.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <unitls/unitls.h>

#include "report.h"

#define LISTEN_BACKLOG 16

int net_parse_port(const char *text, unsigned *port)
{
    unsigned value = 0;
    if (text[0] == '\0' || strlen(text) > 5)
        return -1;
    for (const char *c = text; *c != '\0'; c++) {
        if (*c < '0' || *c > '9')
            return -1;
        value = value * 10 + (unsigned)(*c - '0');
    }
    if (value > 65535)
        return -1;
    *port = value;
    return 0;
}

/* Splits "HOST:PORT" or "[HOST]:PORT"; *host_len receives the host's length
 * and the return value points at the port, or NULL for a malformed text. */
static const char *split_target(const char *text, const char **host,
                                size_t *host_len)
{
    if (text[0] == '[') {
        const char *close = strchr(text, ']');
        if (close == NULL || close[1] != ':')
            return NULL;
        *host = text + 1;
        *host_len = (size_t)(close - *host);
        return close + 2;
    }
    const char *colon = strchr(text, ':');
    /* A second colon means an IPv6 literal without brackets: ambiguous. */
    if (colon == NULL || strchr(colon + 1, ':') != NULL)
        return NULL;
    *host = text;
    *host_len = (size_t)(colon - text);
    return colon + 1;
}

int net_parse_target(const char *text, struct net_target *target)
{
    const char *host;
    size_t host_len;
    unsigned port;
    const char *port_text = split_target(text, &host, &host_len);
    if (port_text == NULL || host_len == 0 || host_len >= NET_HOST_MAX)
        return -1;
    if (net_parse_port(port_text, &port) != 0 || port == 0)
        return -1;
    memcpy(target->host, host, host_len);
    target->host[host_len] = '\0';
    snprintf(target->port, sizeof(target->port), "%u", port);
    return 0;
}

/* "host:port", or "[host]:port" for an IPv6 literal. */
static void format_address(char *out, size_t size, const char *host,
                           const char *port)
{
    const char *format = strchr(host, ':') != NULL ? "[%s]:%s" : "%s:%s";
    snprintf(out, size, format, host, port);
}

static int connect_first(const struct addrinfo *addresses, int *error)
{
    for (const struct addrinfo *ai = addresses; ai != NULL; ai = ai->ai_next) {
        int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd < 0) {
            *error = errno;
            continue;
        }
        int status;
        do
            status = connect(fd, ai->ai_addr, ai->ai_addrlen);
        while (status != 0 && errno == EINTR);
        if (status == 0)
            return fd;
        *error = errno;
        close(fd);
    }
    return -1;
}

int net_connect(const char *command, const struct net_target *target)
{
    char address[NET_ADDRESS_MAX];
    struct addrinfo hints;
    struct addrinfo *addresses = NULL;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    format_address(address, sizeof(address), target->host, target->port);
    int status = getaddrinfo(target->host, target->port, &hints, &addresses);
    if (status != 0) {
        const char *why = status == EAI_SYSTEM ? strerror(errno)
                                               : gai_strerror(status);
        char what[NET_HOST_MAX + 16];
        snprintf(what, sizeof(what), "resolve %s", target->host);
        report_status(command, what, UNITLS_E_IO, why);
        return -1;
    }
    int error = 0;
    int fd = connect_first(addresses, &error);
    freeaddrinfo(addresses);
    if (fd < 0) {
        char what[NET_ADDRESS_MAX + 16];
        snprintf(what, sizeof(what), "connect to %s", address);
        report_status(command, what, UNITLS_E_IO, strerror(error));
    }
    return fd;
}

static int bind_and_listen(int fd, unsigned port)
{
    int on = 1;
    struct sockaddr_in address;
    memset(&address, 0, sizeof(address));
    address.sin_family = AF_INET;
    address.sin_port = htons((uint16_t)port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) != 0)
        return -1;
    if (bind(fd, (struct sockaddr *)&address, sizeof(address)) != 0)
        return -1;
    return listen(fd, LISTEN_BACKLOG);
}

static int bound_port_of(int fd, unsigned *port)
{
    struct sockaddr_in address;
    socklen_t length = sizeof(address);
    if (getsockname(fd, (struct sockaddr *)&address, &length) != 0)
        return -1;
    *port = ntohs(address.sin_port);
    return 0;
}

int net_listen_loopback(const char *command, unsigned port,
                        unsigned *bound_port)
{
    char what[64];
    snprintf(what, sizeof(what), "listen on 127.0.0.1:%u", port);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        report_status(command, what, UNITLS_E_IO, strerror(errno));
        return -1;
    }
    if (bind_and_listen(fd, port) != 0 || bound_port_of(fd, bound_port) != 0) {
        report_status(command, what, UNITLS_E_IO, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

static void format_peer(const struct sockaddr *address, socklen_t length,
                        char *out, size_t size)
{
    char host[NET_HOST_MAX];
    char port[8];
    if (getnameinfo(address, length, host, sizeof(host), port, sizeof(port),
                    NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
        snprintf(out, size, "unknown peer");
        return;
    }
    format_address(out, size, host, port);
}

/* Errors after which accept() can simply be called again: the client went
 * away before we accepted it, or a signal interrupted the wait. */
static int accept_error_is_transient(int error)
{
    return error == EINTR || error == ECONNABORTED || error == EPROTO;
}

int net_accept(const char *command, int listener, char *peer,
               size_t peer_size)
{
    for (;;) {
        struct sockaddr_storage address;
        socklen_t length = sizeof(address);
        int fd = accept(listener, (struct sockaddr *)&address, &length);
        if (fd >= 0) {
            format_peer((struct sockaddr *)&address, length, peer, peer_size);
            return fd;
        }
        if (!accept_error_is_transient(errno)) {
            report_status(command, "accept", UNITLS_E_IO, strerror(errno));
            return -1;
        }
    }
}

int net_set_nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0)
        return -1;
    return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}
