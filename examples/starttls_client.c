/* starttls_client: an SMTP-like STARTTLS exchange, both ends.
 *
 *   starttls_client --serve PKI_DIR     one-shot server; prints "port N"
 *   starttls_client PORT PKI_DIR        the client
 *
 * The conversation starts in plain text on an ordinary connected socket:
 *
 *   S: 220 example ESMTP
 *   C: EHLO client.example          (the client sends both commands in one
 *   C: STARTTLS                      write: pipelining makes a lost or
 *   S: 250 hello                     double-read byte at the switch visible)
 *   S: 220 go ahead
 *
 * and then both ends start TLS on the same descriptor (a delayed handshake on
 * an already connected socket, unitls_conn_set_fd() after plain I/O). The
 * rule that makes the switch safe: in plain mode, never read past the end of
 * the last plain line. Both ends read the plain part one byte at a time with
 * recv(), so the first TLS byte stays in the kernel for unitls to read.
 *
 * Inside TLS the server reports how many plain bytes it received and what
 * they were ("250 plain 26 <hex digest>"); the client checks that against
 * what it sent, and both check that the first TLS record parsed (any stray
 * plain byte would make the handshake fail). Blocking sockets with
 * SO_RCVTIMEO/SO_SNDTIMEO bound every wait. */
#include <stdlib.h>

#include "example_util.h"

static const char GREETING[] = "220 example ESMTP\r\n";
static const char COMMANDS[] = "EHLO client.example\r\nSTARTTLS\r\n";
static const char REPLIES[] = "250 hello\r\n220 go ahead\r\n";

/* Reads one plain line, byte by byte, never past its '\n'. Returns its
 * length (with "\r\n"), or -1. */
static long recv_line(int fd, char *buf, size_t cap)
{
    size_t len = 0;
    while (len + 1 < cap) {
        ssize_t n = recv(fd, buf + len, 1, 0);
        if (n <= 0) {
            fprintf(stderr, "plain read: %s\n", n == 0 ? "EOF" : strerror(errno));
            return -1;
        }
        if (buf[len++] == '\n')
            break;
    }
    buf[len] = '\0';
    return (long)len;
}

static int send_plain(int fd, const char *s)
{
    size_t len = strlen(s), off = 0;
    while (off < len) {
        ssize_t n = send(fd, s + off, len - off, MSG_NOSIGNAL);
        if (n <= 0) {
            perror("plain write");
            return -1;
        }
        off += (size_t)n;
    }
    return 0;
}

/* A small, order-sensitive digest (FNV-1a) of the plain bytes. */
static unsigned long digest(const char *s, size_t len)
{
    unsigned long h = 2166136261UL;
    size_t i;
    for (i = 0; i < len; i++)
        h = ((h ^ (unsigned char)s[i]) * 16777619UL) & 0xffffffffUL;
    return h;
}

/* Blocking TLS I/O: with SO_RCVTIMEO a WANT can only mean "timed out". */
static int tls_write_all(unitls_conn *conn, const char *s)
{
    size_t len = strlen(s), off = 0;
    while (off < len) {
        size_t n = 0;
        int st = unitls_conn_write(conn, s + off, len - off, &n);
        if (st != UNITLS_OK) {
            fprintf(stderr, "tls write: %s: %s\n", unitls_status_name(st),
                    unitls_conn_error(conn));
            return -1;
        }
        off += n;
    }
    return 0;
}

static long tls_read_line(unitls_conn *conn, char *buf, size_t cap)
{
    size_t len = 0;
    while (len + 1 < cap && memchr(buf, '\n', len) == NULL) {
        size_t n = 0;
        int st = unitls_conn_read(conn, buf + len, cap - 1 - len, &n);
        if (st != UNITLS_OK || n == 0) {
            fprintf(stderr, "tls read: %s: %s\n", unitls_status_name(st),
                    unitls_conn_error(conn));
            return -1;
        }
        len += n;
    }
    buf[len] = '\0';
    return (long)len;
}

static int tls_handshake(unitls_conn *conn, int fd)
{
    int st;
    if (unitls_conn_set_fd(conn, fd) != UNITLS_OK)
        return -1;
    st = unitls_conn_handshake(conn);
    if (st != UNITLS_OK) {
        fprintf(stderr, "handshake: %s: %s\n", unitls_status_name(st),
                unitls_conn_error(conn));
        return -1;
    }
    return 0;
}

/* Both ends finish the same way: close_notify each way. */
static int tls_close(unitls_conn *conn)
{
    char buf[64];
    size_t n = 0;
    int st = unitls_conn_shutdown(conn);
    if (st == UNITLS_OK)
        st = unitls_conn_read(conn, buf, sizeof buf, &n);
    if (st != UNITLS_OK || n != 0) {
        fprintf(stderr, "close: %s: %s\n", unitls_status_name(st),
                unitls_conn_error(conn));
        return -1;
    }
    return 0;
}

static int serve_one(int fd, unitls_conn *conn)
{
    char plain[256], line[128], reply[128];
    size_t plen = 0;
    long n;

    if (send_plain(fd, GREETING) != 0)
        return -1;
    /* Plain commands until STARTTLS, each line read exactly. */
    for (;;) {
        n = recv_line(fd, line, sizeof line);
        if (n < 0 || plen + (size_t)n >= sizeof plain)
            return -1;
        memcpy(plain + plen, line, (size_t)n);
        plen += (size_t)n;
        if (strncmp(line, "EHLO ", 5) == 0) {
            if (send_plain(fd, "250 hello\r\n") != 0)
                return -1;
        } else if (strcmp(line, "STARTTLS\r\n") == 0) {
            if (send_plain(fd, "220 go ahead\r\n") != 0)
                return -1;
            break;
        } else {
            send_plain(fd, "500 what?\r\n");
            return -1;
        }
    }
    /* Everything from here on is TLS, on the same descriptor. */
    if (tls_handshake(conn, fd) != 0)
        return -1;
    if (tls_read_line(conn, line, sizeof line) < 0 ||
        strcmp(line, "QUIT\r\n") != 0)
        return -1;
    snprintf(reply, sizeof reply, "250 plain %zu %08lx\r\n", plen,
             digest(plain, plen));
    if (tls_write_all(conn, reply) != 0 || tls_close(conn) != 0)
        return -1;
    printf("starttls_client --serve: ok: %zu plain bytes, then %s\n", plen,
           unitls_conn_version(conn));
    return 0;
}

static int client(int fd, unitls_conn *conn)
{
    char line[128], expect[128], replies[128];
    size_t rlen = 0;
    long n;
    int i;

    if (recv_line(fd, line, sizeof line) < 0 || strcmp(line, GREETING) != 0) {
        fprintf(stderr, "unexpected greeting\n");
        return -1;
    }
    if (send_plain(fd, COMMANDS) != 0)
        return -1;
    for (i = 0; i < 2; i++) { /* the two replies, exactly */
        n = recv_line(fd, replies + rlen, sizeof replies - rlen);
        if (n < 0)
            return -1;
        rlen += (size_t)n;
    }
    if (strcmp(replies, REPLIES) != 0) {
        fprintf(stderr, "unexpected replies: %s", replies);
        return -1;
    }
    if (tls_handshake(conn, fd) != 0 || tls_write_all(conn, "QUIT\r\n") != 0 ||
        tls_read_line(conn, line, sizeof line) < 0)
        return -1;
    /* The server saw exactly our plain bytes: none lost, none twice. */
    snprintf(expect, sizeof expect, "250 plain %zu %08lx\r\n",
             strlen(COMMANDS), digest(COMMANDS, strlen(COMMANDS)));
    if (strcmp(line, expect) != 0) {
        fprintf(stderr, "server saw other plain bytes: %s", line);
        return -1;
    }
    if (tls_close(conn) != 0)
        return -1;
    printf("starttls_client: ok: the server got exactly our %zu plain bytes, then %s %s\n",
           strlen(COMMANDS), unitls_conn_version(conn), unitls_conn_cipher(conn));
    return 0;
}

int main(int argc, char **argv)
{
    int serve = argc == 3 && strcmp(argv[1], "--serve") == 0;
    unitls_ctx *ctx;
    unitls_conn *conn = NULL;
    int fd = -1, rc = 1;

    if (argc != 3) {
        fprintf(stderr, "usage: starttls_client --serve PKI_DIR\n"
                        "       starttls_client PORT PKI_DIR\n");
        return 2;
    }
    ctx = serve ? example_server_ctx(argv[2]) : example_client_ctx(argv[2]);
    if (ctx == NULL)
        return 1;
    if (serve) {
        unsigned short port;
        int lfd = example_listen(&port);
        if (lfd >= 0) {
            struct pollfd p = {lfd, POLLIN, 0};
            printf("port %u\n", (unsigned)port);
            fflush(stdout);
            /* Bounded wait for the one client. */
            if (poll(&p, 1, EXAMPLE_TIMEOUT_MS) == 1)
                fd = accept(lfd, NULL, NULL);
            close(lfd);
        }
        if (fd >= 0)
            example_set_timeouts(fd);
    } else {
        fd = example_connect((unsigned short)atoi(argv[1]));
    }
    if (fd >= 0 && (conn = unitls_conn_new(ctx)) != NULL &&
        (serve || unitls_conn_set_server_name(conn, "localhost") == UNITLS_OK))
        rc = (serve ? serve_one(fd, conn) : client(fd, conn)) == 0 ? 0 : 1;
    else
        fprintf(stderr, "starttls_client: setup failed\n");
    unitls_conn_free(conn);
    unitls_ctx_free(ctx);
    if (fd >= 0)
        close(fd);
    return rc;
}
