#include "wipe.h"

void ut_wipe(void *p, size_t len)
{
    volatile unsigned char *bytes = p;
    while (len--)
        *bytes++ = 0;
}
