#include "keylog.h"

#include <string.h>

#include "hex.h"

enum { RANDOM_LEN = 32, SECRET_MAX = 64 };

static const struct {
    const char *label;
    size_t len_a, len_b; /* the secret lengths it may have */
} labels[] = {
    {"CLIENT_RANDOM", 48, 48},
    {"CLIENT_EARLY_TRAFFIC_SECRET", 32, 48},
    {"CLIENT_HANDSHAKE_TRAFFIC_SECRET", 32, 48},
    {"SERVER_HANDSHAKE_TRAFFIC_SECRET", 32, 48},
    {"CLIENT_TRAFFIC_SECRET_0", 32, 48},
    {"SERVER_TRAFFIC_SECRET_0", 32, 48},
    {"EARLY_EXPORTER_SECRET", 32, 48},
    {"EXPORTER_SECRET", 32, 48},
};

/* Copies the hex field at *in (up to the next space or the end) to *out in
 * lowercase, moving both. Returns its length in bytes, or 0 when it is not
 * an even run of 2..2*SECRET_MAX hex digits. */
static size_t copy_hex(const char **in, char **out)
{
    size_t n = 0;
    const char *p = *in;
    while (*p != '\0' && *p != ' ') {
        int v = ut_hex_value((unsigned char)*p);
        if (v < 0 || n == 2 * SECRET_MAX)
            return 0;
        (*out)[n++] = "0123456789abcdef"[v];
        p++;
    }
    if (n == 0 || n % 2 != 0)
        return 0;
    *in = p;
    *out += n;
    return n / 2;
}

static int label_index(const char *in, size_t len)
{
    for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
        if (strlen(labels[i].label) == len &&
            memcmp(labels[i].label, in, len) == 0)
            return (int)i;
    return -1;
}

int ut_keylog_normalize(const char *in, char out[UT_KEYLOG_LINE_MAX])
{
    char line[UT_KEYLOG_LINE_MAX];
    const char *space = strchr(in, ' ');
    int k = space ? label_index(in, (size_t)(space - in)) : -1;
    if (k < 0)
        return 0;
    size_t label_len = (size_t)(space - in);
    memcpy(line, in, label_len);
    char *w = line + label_len;
    const char *r = space + 1;
    *w++ = ' ';
    if (copy_hex(&r, &w) != RANDOM_LEN || *r++ != ' ')
        return 0;
    *w++ = ' ';
    size_t secret = copy_hex(&r, &w);
    if (*r != '\0' || (secret != labels[k].len_a && secret != labels[k].len_b))
        return 0;
    *w = '\0';
    memcpy(out, line, (size_t)(w - line) + 1);
    return 1;
}
