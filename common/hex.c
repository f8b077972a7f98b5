#include "hex.h"

int ut_hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

size_t ut_hex_decode(const char *hex, unsigned char *out, size_t cap)
{
    size_t n = 0;
    for (; hex[2 * n] != '\0'; n++) {
        int hi = ut_hex_value((unsigned char)hex[2 * n]);
        int lo = hi < 0 ? -1 : ut_hex_value((unsigned char)hex[2 * n + 1]);
        if (lo < 0 || n == cap)
            return 0;
        out[n] = (unsigned char)(hi << 4 | lo);
    }
    return n;
}
