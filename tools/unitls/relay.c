/* The data phase of `unitls connect`: a poll() loop over stdin and the
 * socket. The socket is non-blocking so that a TLS record that carries no
 * application data (a session ticket, a partial record) can never stall the
 * other direction; unitls_conn_pending() covers data the library has already
 * decrypted, which poll() cannot see. */
#include "relay.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "net.h"
#include "output.h"
#include "report.h"

#define RELAY_BUFFER 16384
/* Reads per round before stdin gets its turn again. */
#define READS_PER_ROUND 16

enum step { STEP_GO_ON, STEP_DONE, STEP_FAILED };

struct relay {
    const char *command;
    unitls_conn *conn;
    int sock;
    /* Bytes read from stdin that the connection has not taken yet. */
    unsigned char outgoing[RELAY_BUFFER];
    size_t out_start;
    size_t out_end;
    /* POLLIN or POLLOUT that a write or shutdown which returned WANT waits
     * for; 0 when nothing is blocked. */
    short blocked_on;
    int stdin_open;
    int shutdown_sent;
    /* --sess-out: close_notify waits for the session (tickets arriving
     * after it are not kept) or the server's first data. */
    int hold_for_session;
    int got_data;
};

static short poll_event_for(int want)
{
    return want == UNITLS_WANT_WRITE ? POLLOUT : POLLIN;
}

static int is_want(int status)
{
    return status == UNITLS_WANT_READ || status == UNITLS_WANT_WRITE;
}

/* Hands the stdin bytes waiting in r->outgoing to the connection. */
static enum step push_outgoing(struct relay *r)
{
    while (r->out_start < r->out_end) {
        size_t written = 0;
        int status = unitls_conn_write(r->conn, r->outgoing + r->out_start,
                                       r->out_end - r->out_start, &written);
        if (is_want(status)) {
            r->blocked_on = poll_event_for(status);
            return STEP_GO_ON;
        }
        if (status != UNITLS_OK) {
            report_conn_failure(r->command, "send", status, r->conn);
            return STEP_FAILED;
        }
        if (written == 0) { /* nothing taken: wait, never spin */
            r->blocked_on = POLLOUT;
            return STEP_GO_ON;
        }
        r->out_start += written;
    }
    r->out_start = r->out_end = 0;
    r->blocked_on = 0;
    return STEP_GO_ON;
}

static int session_ready(unitls_conn *conn)
{
    unitls_session *sess = NULL;
    int ready = unitls_conn_session(conn, &sess) == UNITLS_OK;
    unitls_session_free(sess);
    return ready;
}

/* After stdin EOF and once everything read from it is sent. */
static enum step send_close_notify(struct relay *r)
{
    if (r->stdin_open || r->shutdown_sent || r->out_end > 0 ||
        (r->hold_for_session && !r->got_data && !session_ready(r->conn)))
        return STEP_GO_ON;
    int status = unitls_conn_shutdown(r->conn);
    if (is_want(status)) {
        r->blocked_on = poll_event_for(status);
        return STEP_GO_ON;
    }
    if (status != UNITLS_OK) {
        report_conn_failure(r->command, "shutdown", status, r->conn);
        return STEP_FAILED;
    }
    r->shutdown_sent = 1;
    r->blocked_on = 0;
    return STEP_GO_ON;
}

/* What a failed read means: a bare EOF after our close_notify is how many
 * servers close, so it only earns a note; anything else is a failure. */
static enum step read_failed(struct relay *r, int status)
{
    if (status == UNITLS_E_EOF && r->shutdown_sent) {
        fprintf(stderr, "unitls: %s: note: the server closed the connection "
                        "without close_notify\n", r->command);
        return STEP_DONE;
    }
    report_conn_failure(r->command, "receive", status, r->conn);
    return STEP_FAILED;
}

/* Copies what the server sent to stdout, up to READS_PER_ROUND records. */
static enum step pull_incoming(struct relay *r)
{
    unsigned char buffer[RELAY_BUFFER];
    for (int i = 0; i < READS_PER_ROUND; i++) {
        size_t got = 0;
        int status = unitls_conn_read(r->conn, buffer, sizeof(buffer), &got);
        if (is_want(status))
            return STEP_GO_ON;
        if (status != UNITLS_OK)
            return read_failed(r, status);
        if (got == 0)
            return STEP_DONE; /* the server's close_notify */
        r->got_data = 1;
        if (output_write_fd(STDOUT_FILENO, buffer, got) != 0) {
            report_status(r->command, "write to stdout", UNITLS_E_IO,
                          strerror(errno));
            return STEP_FAILED;
        }
    }
    return STEP_GO_ON;
}

static enum step read_stdin(struct relay *r)
{
    ssize_t got = read(STDIN_FILENO, r->outgoing, sizeof(r->outgoing));
    if (got > 0) {
        r->out_start = 0;
        r->out_end = (size_t)got;
    } else if (got == 0) {
        r->stdin_open = 0;
    } else if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) {
        report_status(r->command, "read stdin", UNITLS_E_IO, strerror(errno));
        return STEP_FAILED;
    }
    return STEP_GO_ON;
}

static int wants_stdin(const struct relay *r)
{
    return r->stdin_open && r->out_end == 0 && r->blocked_on == 0;
}

/* Waits until the socket or stdin can make progress, then reads stdin if it
 * is ready. Does not wait while decrypted data is already pending. */
static enum step wait_and_read_stdin(struct relay *r)
{
    struct pollfd fds[2] = {
        {.fd = r->sock, .events = (short)(POLLIN | r->blocked_on)},
        {.fd = wants_stdin(r) ? STDIN_FILENO : -1, .events = POLLIN},
    };
    int timeout = unitls_conn_pending(r->conn) > 0 ? 0 : -1;
    if (poll(fds, 2, timeout) < 0) {
        if (errno == EINTR)
            return STEP_GO_ON;
        report_status(r->command, "poll", UNITLS_E_IO, strerror(errno));
        return STEP_FAILED;
    }
    if (fds[1].revents & POLLNVAL) {
        r->stdin_open = 0; /* stdin is not open at all: same as empty */
        return STEP_GO_ON;
    }
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR))
        return read_stdin(r);
    return STEP_GO_ON;
}

static enum step relay_round(struct relay *r)
{
    enum step step = push_outgoing(r);
    if (step == STEP_GO_ON)
        step = send_close_notify(r);
    if (step == STEP_GO_ON)
        step = pull_incoming(r);
    if (step == STEP_GO_ON && r->hold_for_session) /* what came may free it */
        step = send_close_notify(r);
    if (step == STEP_GO_ON)
        step = wait_and_read_stdin(r);
    return step;
}

int relay_run(const char *command, unitls_conn *conn, int sock,
              int hold_for_session)
{
    struct relay r = {.command = command,
                      .conn = conn,
                      .sock = sock,
                      .stdin_open = 1,
                      .hold_for_session = hold_for_session};
    if (net_set_nonblocking(sock) != 0) {
        report_status(command, "socket", UNITLS_E_IO, strerror(errno));
        return EXIT_FAILED;
    }
    enum step step = STEP_GO_ON;
    while (step == STEP_GO_ON)
        step = relay_round(&r);
    /* The server closed first: answer its close_notify (best effort). */
    if (step == STEP_DONE && !r.shutdown_sent)
        (void)unitls_conn_shutdown(conn);
    return step == STEP_DONE ? EXIT_OK : EXIT_FAILED;
}
