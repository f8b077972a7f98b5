#include "peer_common.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

struct peer_alerts peer_alerts;

static void append(char *list, int level, int description)
{
    size_t used = strlen(list);
    snprintf(list + used, PEER_LIST_MAX - used, "%s%c:%d", used ? "," : "",
             level == SSL3_AL_FATAL ? 'F' : 'W', description);
}

void peer_on_info(const SSL *ssl, int where, int value)
{
    (void)ssl;
    if (!(where & SSL_CB_ALERT))
        return;
    int level = value >> 8, description = value & 0xff;
    if (where & SSL_CB_READ) {
        append(peer_alerts.recv, level, description);
        peer_alerts.fatal_recv |= level == SSL3_AL_FATAL;
    } else {
        append(peer_alerts.sent, level, description);
    }
}

int peer_set_timeouts(int fd)
{
    struct timeval tv = {.tv_sec = PEER_IO_TIMEOUT_SECONDS, .tv_usec = 0};
    return setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) == 0 &&
           setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) == 0;
}

const char *peer_list(const char *list)
{
    return list[0] ? list : "none";
}
