/* Decrypts one TLS 1.3 record with a traffic secret from a key log, the way
 * Wireshark does, on the system's libcrypto (never unitls): the check that
 * the lines unitls logs really open the connection they belong to.
 *
 *   unitls-keylog-decrypt <secret hex> <record hex> <seq>
 *
 * The secret is a TLS_AES_128_GCM_SHA256 traffic secret
 * (CLIENT_TRAFFIC_SECRET_0, ...); the record is a whole TLSCiphertext,
 * header included, sent with sequence number <seq> under that secret.
 * Prints one line: "plain=<hex> type=<inner content type>", or
 * "auth=fail" when the record does not open with it, or "usage" / "error".
 * Key and IV are HKDF-Expand-Label(secret, "key"/"iv", "", 16/12) (RFC 8446
 * section 7.3), the nonce the IV XOR the sequence number, the additional
 * data the record header (section 5.2). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "hex.h"

enum { KEY_LEN = 16, IV_LEN = 12, TAG_LEN = 16, HASH_LEN = 32,
       HEADER_LEN = 5, RECORD_MAX = 16384 + 256 + HEADER_LEN };

/* HKDF-Expand-Label with SHA-256, for out_len <= 32 (one HMAC block). */
static int expand_label(const unsigned char *secret, const char *label,
                        unsigned char *out, size_t out_len)
{
    unsigned char info[64], block[EVP_MAX_MD_SIZE];
    unsigned block_len = 0;
    size_t label_len = strlen("tls13 ") + strlen(label), n = 0;
    info[n++] = 0;
    info[n++] = (unsigned char)out_len;
    info[n++] = (unsigned char)label_len;
    memcpy(info + n, "tls13 ", 6);
    memcpy(info + n + 6, label, strlen(label));
    n += label_len;
    info[n++] = 0;    /* empty context */
    info[n++] = 0x01; /* HKDF-Expand's first block counter */
    if (HMAC(EVP_sha256(), secret, HASH_LEN, info, n, block, &block_len) ==
            NULL ||
        block_len < out_len)
        return 0;
    memcpy(out, block, out_len);
    return 1;
}

/* Returns the plaintext length, or -1 when authentication fails. */
static int open_record(const unsigned char *key, const unsigned char *nonce,
                       const unsigned char *rec, size_t len,
                       unsigned char *plain)
{
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int n = 0, fin = 0, ok = c != NULL;
    size_t body = len - HEADER_LEN - TAG_LEN;
    ok = ok && EVP_DecryptInit_ex(c, EVP_aes_128_gcm(), NULL, key, nonce);
    ok = ok && EVP_DecryptUpdate(c, NULL, &n, rec, HEADER_LEN);
    ok = ok && EVP_DecryptUpdate(c, plain, &n, rec + HEADER_LEN, (int)body);
    ok = ok && EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, TAG_LEN,
                                   (void *)(rec + HEADER_LEN + body));
    ok = ok && EVP_DecryptFinal_ex(c, plain + n, &fin);
    EVP_CIPHER_CTX_free(c);
    return ok ? n + fin : -1;
}

int main(int argc, char **argv)
{
    static unsigned char rec[RECORD_MAX], plain[RECORD_MAX];
    unsigned char secret[HASH_LEN], key[KEY_LEN], iv[IV_LEN];
    if (argc != 4 || ut_hex_decode(argv[1], secret, sizeof(secret)) != HASH_LEN) {
        puts("usage");
        return 2;
    }
    size_t len = ut_hex_decode(argv[2], rec, sizeof(rec));
    unsigned long long seq = strtoull(argv[3], NULL, 10);
    if (len < HEADER_LEN + TAG_LEN + 1 ||
        len != HEADER_LEN + ((size_t)rec[3] << 8 | rec[4]) ||
        !expand_label(secret, "key", key, KEY_LEN) ||
        !expand_label(secret, "iv", iv, IV_LEN)) {
        puts("error");
        return 1;
    }
    for (int i = 0; i < 8; i++)
        iv[IV_LEN - 1 - i] ^= (unsigned char)(seq >> (8 * i));
    int n = open_record(key, iv, rec, len, plain);
    while (n > 0 && plain[n - 1] == 0) /* the padding */
        n--;
    if (n <= 0) {
        puts("auth=fail");
        return 0;
    }
    printf("plain=");
    for (int i = 0; i < n - 1; i++)
        printf("%02x", plain[i]);
    printf(" type=%d\n", plain[n - 1]);
    return 0;
}
