/* The key-exchange groups unitls knows; see group_registry.h. The code
 * points are IANA's (https://www.iana.org/assignments/tls-parameters/,
 * tls-parameters-8); the canonical names are those users know from
 * OpenSSL, curl and Go ("P-256"), the IANA names are accepted too. */
#include "group_registry.h"

#include <strings.h>

struct ut_group_entry {
    int id;
    const char *name; /* canonical */
    const char *iana; /* the registry's description */
};

/* In code point order. */
static const struct ut_group_entry ut_groups[] = {
    {23, "P-256", "secp256r1"},      {24, "P-384", "secp384r1"},
    {25, "P-521", "secp521r1"},      {29, "X25519", "x25519"},
    {30, "X448", "x448"},            {256, "ffdhe2048", "ffdhe2048"},
    {257, "ffdhe3072", "ffdhe3072"}, {258, "ffdhe4096", "ffdhe4096"},
};

#define UT_GROUP_COUNT (sizeof(ut_groups) / sizeof(ut_groups[0]))

const char *ut_group_name(int id)
{
    for (size_t i = 0; i < UT_GROUP_COUNT; i++)
        if (ut_groups[i].id == id)
            return ut_groups[i].name;
    return NULL;
}

int ut_group_id_by_name(const char *name)
{
    if (name == NULL)
        return -1;
    for (size_t i = 0; i < UT_GROUP_COUNT; i++)
        if (strcasecmp(ut_groups[i].name, name) == 0 ||
            strcasecmp(ut_groups[i].iana, name) == 0)
            return ut_groups[i].id;
    return -1;
}

size_t ut_group_registry_count(void)
{
    return UT_GROUP_COUNT;
}

int ut_group_registry_id(size_t index)
{
    return index < UT_GROUP_COUNT ? ut_groups[index].id : -1;
}

int ut_group_is_ffdhe(int id)
{
    return id >= 256 && id <= 511;
}
