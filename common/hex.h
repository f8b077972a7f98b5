/* Hexadecimal digits. */
#ifndef UT_HEX_H
#define UT_HEX_H

#include <stddef.h>

/* The value of the hex digit c (either case), or -1 when it is none. */
int ut_hex_value(unsigned char c);

/* Decodes the whole string `hex`, an even number of hex digits of either
 * case, into out[0..cap). Returns the number of bytes, or 0 when `hex` is
 * empty, of odd length, longer than 2 * cap digits, or holds anything
 * else. */
size_t ut_hex_decode(const char *hex, unsigned char *out, size_t cap);

#endif
