#include "cipher_registry.h"
#include "conn_internal.h"

const char *ut_cipher_name_or_unknown(int id)
{
    const char *name = ut_cipher_iana_name(id);
    return name ? name : "unknown";
}
