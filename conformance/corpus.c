#include "corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"

/* Every certificate of conformance/certs (corpus.every_crt_is_tested
 * checks that the list and the directory agree). */
const char *const corpus_stems[] = {
    "aia-both",          "aia-ocsp",
    "bc-only",           "ca-pathlen0",
    "ca-pathlen7",       "ca-root",
    "crldp-multi",       "crldp-simple",
    "eku-all",           "ext-duplicate-san",
    "ext-trailing-data", "full",
    "key-dsa2048",       "key-ec-p521",
    "key-ec-secp256k1",  "key-ed25519",
    "key-ed448",         "key-rsa-pss",
    "key-rsa1024-sha1",  "key-rsa4096",
    "key-x25519",        "ku-agreement",
    "ku-all",            "name-attributes",
    "name-empty-subject", "name-multivalued-unsorted",
    "name-multivalued",  "name-unknown-oid",
    "san-all",           "san-dirname",
    "san-dns",           "san-email-uri",
    "san-empty",         "san-ip",
    "san-nul",           "san-othername",
    "san-rid",           "serial-20-bytes-high-bit",
    "serial-20-bytes",   "serial-high-bit",
    "serial-long",       "serial-negative",
    "serial-zero",       "string-all-types",
    "string-bmp",        "string-escapes",
    "string-ia5",        "string-printable",
    "string-t61",        "string-universal",
    "string-utf8",       "time-boundary",
    "time-generalized-pre2050", "time-generalized",
    "time-lenient",      "time-max",
    "time-pre-1970",     "time-utc",
    "v1-rsa2048",        "v1-selfsigned",
    "v2-unique-ids",
};
const size_t corpus_count = sizeof(corpus_stems) / sizeof(corpus_stems[0]);

struct path corpus_path(const char *name)
{
    struct path p;

    snprintf(p.s, sizeof(p.s), "%s/../certs/%s", conf.pki_dir, name);
    return p;
}

char *corpus_read(const char *name, size_t *len)
{
    return read_file(corpus_path(name).s, len);
}

char *corpus_expected_json(const char *stem)
{
    return expected_json_in(corpus_path(".").s, stem);
}

int corpus_fact(const char *stem, const char *key, char *buf, size_t size)
{
    char name[256];
    size_t klen = strlen(key);
    char *facts, *line;

    snprintf(buf, size, "<missing>");
    snprintf(name, sizeof(name), "expected/%s.facts", stem);
    facts = corpus_read(name, NULL);
    for (line = facts; line != NULL && *line != '\0';) {
        char *nl = strchr(line, '\n');
        size_t n = nl != NULL ? (size_t)(nl - line) : strlen(line);
        if (n > klen && strncmp(line, key, klen) == 0 && line[klen] == '=') {
            snprintf(buf, size, "%.*s", (int)(n - klen - 1), line + klen + 1);
            free(facts);
            return 0;
        }
        line = nl != NULL ? nl + 1 : line + n;
    }
    free(facts);
    return -1;
}

static int sextet(int c)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const char *p = c != '\0' ? strchr(alphabet, c) : NULL;

    return p != NULL ? (int)(p - alphabet) : -1;
}

unsigned char *pem_to_der(const char *pem, size_t *len)
{
    const char *begin = strstr(pem, "-----BEGIN CERTIFICATE-----");
    const char *end = begin ? strstr(begin, "-----END CERTIFICATE-----") : NULL;
    unsigned char *der;
    unsigned long bits = 0;
    int nbits = 0;
    size_t n = 0;

    if (end == NULL)
        return NULL;
    begin += strlen("-----BEGIN CERTIFICATE-----");
    der = malloc((size_t)(end - begin));
    if (der == NULL)
        return NULL;
    for (; begin < end; begin++) {
        int v = sextet((unsigned char)*begin);
        if (v < 0)
            continue; /* line ends and '=' padding */
        bits = (bits << 6) | (unsigned long)v;
        nbits += 6;
        if (nbits >= 8) {
            nbits -= 8;
            der[n++] = (unsigned char)(bits >> nbits);
        }
    }
    *len = n;
    return der;
}

/* Reads the TLV at der[pos]: single-octet tag, definite length. */
static int read_tlv(const unsigned char *der, size_t len, size_t pos,
                    struct tlv_at *at)
{
    size_t n, value = 0, i;

    if (pos + 2 > len || (der[pos] & 0x1f) == 0x1f)
        return -1;
    at->start = pos;
    n = der[pos + 1];
    pos += 2;
    if (n & 0x80) {
        n &= 0x7f;
        if (n == 0 || n > 4 || pos + n > len)
            return -1;
        for (i = 0; i < n; i++)
            value = (value << 8) | der[pos + i];
        pos += n;
    } else {
        value = n;
    }
    if (value > len - pos)
        return -1;
    at->content = pos;
    at->end = pos + value;
    return 0;
}

int der_walk(const unsigned char *der, size_t len, const size_t *path,
             size_t depth, struct tlv_at *at)
{
    size_t d, k;

    if (read_tlv(der, len, 0, &at[0]) != 0)
        return -1;
    for (d = 0; d < depth; d++) {
        size_t pos = at[d].content;
        for (k = 0;; k++) {
            if (pos >= at[d].end ||
                read_tlv(der, at[d].end, pos, &at[d + 1]) != 0)
                return -1;
            if (k == path[d])
                break;
            pos = at[d + 1].end;
        }
    }
    return 0;
}

size_t der_header(unsigned char *out, unsigned char tag, size_t len)
{
    size_t n = 0, shift;

    out[0] = tag;
    if (len < 0x80) {
        out[1] = (unsigned char)len;
        return 2;
    }
    for (shift = len; shift > 0; shift >>= 8)
        n++;
    out[1] = (unsigned char)(0x80 | n);
    for (shift = 0; shift < n; shift++)
        out[2 + shift] = (unsigned char)(len >> (8 * (n - 1 - shift)));
    return 2 + n;
}

unsigned char *der_splice(const unsigned char *der, size_t len,
                          const struct tlv_at *at, size_t n, size_t from,
                          size_t to, const void *ins, size_t ins_len,
                          size_t *out_len)
{
    unsigned char headers[8][6];
    size_t header_len[8], new_len, k, used = 0;
    long long delta = (long long)ins_len - (long long)(to - from);
    unsigned char *out;

    if (n > 8)
        return NULL;
    /* Innermost first: each container grows by what grew inside it. */
    for (k = n; k-- > 0;) {
        new_len = (size_t)((long long)(at[k].end - at[k].content) + delta);
        header_len[k] = der_header(headers[k], der[at[k].start], new_len);
        delta += (long long)header_len[k] - (long long)(at[k].content -
                                                         at[k].start);
    }
    out = malloc((size_t)((long long)len + delta) + 1);
    if (out == NULL)
        return NULL;
    memcpy(out, der, n > 0 ? at[0].start : from);
    used = n > 0 ? at[0].start : from;
    for (k = 0; k < n; k++) {
        size_t next = k + 1 < n ? at[k + 1].start : from;
        memcpy(out + used, headers[k], header_len[k]);
        used += header_len[k];
        memcpy(out + used, der + at[k].content, next - at[k].content);
        used += next - at[k].content;
    }
    if (ins_len > 0)
        memcpy(out + used, ins, ins_len);
    used += ins_len;
    memcpy(out + used, der + to, len - to);
    used += len - to;
    *out_len = used;
    return out;
}
