/* renego_peer: a real TLS 1.2 peer, on the system's OpenSSL 3 (never
 * unitls), that completes a handshake over an already connected socket and
 * then attempts a renegotiation, for the conformance suite
 * (cases_renego.c).
 *
 *   renego_peer FD client
 *       handshake as a client, then SSL_renegotiate() + SSL_do_handshake():
 *       a new ClientHello;
 *   renego_peer FD server CHAIN.pem KEY.pem
 *       handshake as a server, then SSL_renegotiate() + SSL_do_handshake()
 *       (a HelloRequest), then SSL_read() for the client's answer.
 *
 * It prints one line of words and exits 0 (2: bad usage or set-up):
 *
 *   hs=ok|fail reneg=<end> alerts_recv=<list> alerts_sent=<list>
 *
 * <end> is how the renegotiation attempt ended: "ok" (it completed, or
 * data arrived), "close_notify", "alert" (a fatal alert arrived), "eof"
 * (the transport ended without an alert), "reset" (the same, the other
 * end having closed with bytes of ours unread), or "error:<reason>".
 * Alert lists are "none" or "<W|F>:<description>" joined by ",", in order.
 * The socket gets 10 s send and receive timeouts, so the peer never hangs,
 * and SIGPIPE is ignored: the unitls end may close first. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "peer_common.h"

/* How a failed (ret <= 0) renegotiation step ended. */
static const char *ending(SSL *ssl, int ret, char *buf, size_t size)
{
    int err = SSL_get_error(ssl, ret);
    unsigned long e = ERR_peek_error();
    if (peer_alerts.fatal_recv)
        return "alert";
    if (err == SSL_ERROR_ZERO_RETURN)
        return "close_notify";
    if ((err == SSL_ERROR_SYSCALL && e == 0 && errno == 0) ||
        ERR_GET_REASON(e) == SSL_R_UNEXPECTED_EOF_WHILE_READING)
        return "eof";
    /* A socket closed with bytes of ours unread resets the connection. */
    if (err == SSL_ERROR_SYSCALL && e == 0 &&
        (errno == ECONNRESET || errno == EPIPE))
        return "reset";
    if (err == SSL_ERROR_SYSCALL && e == 0) {
        snprintf(buf, size, "error:errno_%d", errno);
        return buf;
    }
    const char *why = ERR_reason_error_string(e);
    snprintf(buf, size, "error:%s", why ? why : "unknown");
    for (char *p = buf; *p; p++)
        if (*p == ' ')
            *p = '_';
    return buf;
}

/* The renegotiation attempt; returns how it ended. */
static const char *renegotiate(SSL *ssl, int server, char *buf, size_t size)
{
    char data[256];
    errno = 0;
    if (!SSL_renegotiate(ssl))
        return "error:SSL_renegotiate_refused";
    int ret = SSL_do_handshake(ssl);
    if (ret == 1 && server) /* the HelloRequest went: wait for the answer */
        ret = SSL_read(ssl, data, sizeof(data));
    return ret > 0 ? "ok" : ending(ssl, ret, buf, size);
}

static SSL_CTX *make_ctx(int server, const char *chain, const char *key)
{
    SSL_CTX *ctx = SSL_CTX_new(server ? TLS_server_method()
                                      : TLS_client_method());
    if (ctx == NULL || !SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) ||
        !SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION))
        return NULL;
    SSL_CTX_set_info_callback(ctx, peer_on_info);
    if (server && (SSL_CTX_use_certificate_chain_file(ctx, chain) != 1 ||
                   SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) !=
                       1)) {
        SSL_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

int main(int argc, char **argv)
{
    int server = argc == 5 && strcmp(argv[2], "server") == 0;
    if (!server && !(argc == 3 && strcmp(argv[2], "client") == 0)) {
        fprintf(stderr, "usage: renego_peer FD client | "
                        "renego_peer FD server CHAIN KEY\n");
        return 2;
    }
    int fd = atoi(argv[1]);
    signal(SIGPIPE, SIG_IGN);
    SSL_CTX *ctx = make_ctx(server, server ? argv[3] : NULL,
                            server ? argv[4] : NULL);
    SSL *ssl = ctx ? SSL_new(ctx) : NULL;
    if (ssl == NULL || !peer_set_timeouts(fd) || !SSL_set_fd(ssl, fd)) {
        fprintf(stderr, "renego_peer: set-up failed\n");
        return 2;
    }
    char buf[160];
    int hs = (server ? SSL_accept(ssl) : SSL_connect(ssl)) == 1;
    const char *reneg = hs ? renegotiate(ssl, server, buf, sizeof(buf))
                           : "not_tried";
    printf("hs=%s reneg=%s alerts_recv=%s alerts_sent=%s\n",
           hs ? "ok" : "fail", reneg, peer_list(peer_alerts.recv),
           peer_list(peer_alerts.sent));
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    return 0;
}
