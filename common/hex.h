/* Hexadecimal digits. */
#ifndef UT_HEX_H
#define UT_HEX_H

/* The value of the hex digit c (either case), or -1 when it is none. */
int ut_hex_value(unsigned char c);

#endif
