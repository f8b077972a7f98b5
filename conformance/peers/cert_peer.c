/* cert_peer: a real TLS 1.3 server on the system's OpenSSL 3 (never
 * unitls) that presents a certificate chain no unitls end would present,
 * for the conformance suite (cases_verifyctl.c): a weak one. It runs at
 * security level 0, so OpenSSL takes such a chain too.
 *
 *   cert_peer FD CHAIN.pem KEY.pem
 *
 * It handshakes once over the connected socket FD, then prints one line and
 * exits 0 (2: bad usage or set-up):
 *
 *   hs=ok|fail alerts_recv=<list> alerts_sent=<list>
 *
 * with the alert lists of peer_common.h. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/ssl.h>

#include "peer_common.h"

static SSL_CTX *make_ctx(const char *chain, const char *key)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (ctx == NULL)
        return NULL;
    SSL_CTX_set_security_level(ctx, 0);
    SSL_CTX_set_info_callback(ctx, peer_on_info);
    if (!SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION) ||
        SSL_CTX_use_certificate_chain_file(ctx, chain) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1) {
        SSL_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: cert_peer FD CHAIN KEY\n");
        return 2;
    }
    int fd = atoi(argv[1]);
    signal(SIGPIPE, SIG_IGN);
    SSL_CTX *ctx = make_ctx(argv[2], argv[3]);
    SSL *ssl = ctx ? SSL_new(ctx) : NULL;
    if (ssl == NULL || !peer_set_timeouts(fd) || !SSL_set_fd(ssl, fd)) {
        fprintf(stderr, "cert_peer: set-up failed\n");
        return 2;
    }
    int hs = SSL_accept(ssl) == 1;
    if (hs) { /* in TLS 1.3 the client's verdict may follow its Finished */
        char byte;
        hs = SSL_read(ssl, &byte, 1) >= 0 || !peer_alerts.fatal_recv;
    }
    printf("hs=%s alerts_recv=%s alerts_sent=%s\n", hs ? "ok" : "fail",
           peer_list(peer_alerts.recv), peer_list(peer_alerts.sent));
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    return 0;
}
