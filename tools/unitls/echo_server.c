/* One connection of `unitls serve`: handshake, echo, close. */
#include "echo_server.h"

#include <stdio.h>

#include "report.h"
#include "session_info.h"

#define ECHO_BUFFER 16384

static int handshake(const char *command, unitls_conn *conn, int fd,
                     const char *peer)
{
    int status = unitls_conn_set_fd(conn, fd);
    if (status == UNITLS_OK)
        status = unitls_conn_handshake(conn);
    if (status != UNITLS_OK) {
        report_conn_failure(command, peer, status, conn);
        return 0;
    }
    fprintf(stderr, "unitls: %s: %s: ", command, peer);
    session_print_brief(stderr, conn);
    const char *name = unitls_conn_server_name(conn);
    fprintf(stderr, ", server name: %s\n", name != NULL ? name : "(none)");
    return 1;
}

static int write_all(unitls_conn *conn, const unsigned char *data, size_t len)
{
    size_t written = 0;
    int status = UNITLS_OK;
    while (len > 0) {
        status = unitls_conn_write(conn, data, len, &written);
        if (status != UNITLS_OK)
            return status;
        if (written == 0) /* a blocking write takes everything */
            return UNITLS_E_INTERNAL;
        data += written;
        len -= written;
    }
    return status;
}

/* Echoes until the client closes. Returns UNITLS_OK after its close_notify,
 * or the status that ended the echo; *echoed counts the bytes. */
static int echo_until_closed(unitls_conn *conn, unsigned long long *echoed)
{
    unsigned char buffer[ECHO_BUFFER];
    for (;;) {
        size_t got = 0;
        int status = unitls_conn_read(conn, buffer, sizeof(buffer), &got);
        if (status != UNITLS_OK || got == 0)
            return status;
        status = write_all(conn, buffer, got);
        if (status != UNITLS_OK)
            return status;
        *echoed += got;
    }
}

static void log_closed(const char *command, const char *peer,
                       const char *how, unsigned long long echoed)
{
    fprintf(stderr, "unitls: %s: %s: %s, %llu bytes echoed\n", command, peer,
            how, echoed);
}

static void echo_and_close(const char *command, unitls_conn *conn,
                           const char *peer)
{
    unsigned long long echoed = 0;
    int status = echo_until_closed(conn, &echoed);
    if (status == UNITLS_E_EOF) {
        log_closed(command, peer, "closed without close_notify", echoed);
        return;
    }
    if (status != UNITLS_OK) {
        report_conn_failure(command, peer, status, conn);
        return;
    }
    status = unitls_conn_shutdown(conn);
    if (status != UNITLS_OK)
        report_conn_failure(command, peer, status, conn);
    else
        log_closed(command, peer, "closed", echoed);
}

int echo_serve_connection(const char *command, unitls_ctx *ctx, int fd,
                          const char *peer)
{
    unitls_conn *conn = unitls_conn_new(ctx);
    if (conn == NULL) {
        report_status(command, peer, UNITLS_E_NOMEM,
                      "cannot create a connection");
        return 0;
    }
    int handshake_ok = handshake(command, conn, fd, peer);
    if (handshake_ok)
        echo_and_close(command, conn, peer);
    fflush(stderr);
    unitls_conn_free(conn);
    return handshake_ok;
}
