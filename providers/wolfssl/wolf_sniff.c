/* Is the peer speaking TLS at all? */
#include "wolf.h"

/*
 * Whether the peer's first bytes can start a TLS record: a known content
 * type and major version 3 (OpenSSL's "wrong version number" check). wolfSSL
 * accepts any record version in the first record, so garbage that happens
 * to start with 0x16 makes it wait for more data instead of failing. A
 * server also lets an SSLv2-format ClientHello (top bit set) through, as
 * both libraries accept one.
 */
int wolf_sniff(struct wolf_conn *wc, const unsigned char *buf, size_t n)
{
    for (size_t i = 0; i < n && wc->sniffed < 3; i++, wc->sniffed++) {
        unsigned char b = buf[i];
        if (wc->sniffed == 0 && (b & 0x80) &&
            wc->conn->ctx->role == UNITLS_ROLE_SERVER) {
            wc->sniffed = 3;
            break;
        }
        int ok = wc->sniffed == 0   ? b >= 20 && b <= 23
                 : wc->sniffed == 1 ? b == 3
                                    : b <= 4;
        if (!ok) {
            wc->not_tls = 1;
            return 0;
        }
    }
    return 1;
}
