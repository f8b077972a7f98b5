/* The key-exchange groups unitls knows (IANA "TLS Supported Groups",
 * tls-parameters-8), each with one canonical name that every provider
 * reports and accepts, whatever its backend calls it ("prime256v1",
 * "secp256r1" and "P-256" are all P-256 here). */
#ifndef UT_GROUP_REGISTRY_H
#define UT_GROUP_REGISTRY_H

#include <stddef.h>

/* The canonical name of the group with the NamedGroup code point `id`
 * ("X25519" for 29, "P-256" for 23, "ffdhe2048" for 256), or NULL if the
 * registry has no such group. Static string. */
const char *ut_group_name(int id);

/* The code point of the group called `name`: its canonical name or its
 * IANA name ("x25519", "secp256r1", ...), compared without regard to case.
 * -1 for NULL or an unknown name. */
int ut_group_id_by_name(const char *name);

/* The registry in code point order: ut_group_registry_count() groups,
 * ut_group_registry_id(i) the code point of group i (-1 out of range). */
size_t ut_group_registry_count(void);
int ut_group_registry_id(size_t index);

/* 1 for a finite-field group (RFC 7919 ffdhe*), which only TLS 1.3 uses
 * through this list (TLS 1.2 uses these groups only with DHE suites, which
 * unitls' defaults leave out), 0 for an elliptic-curve group. */
int ut_group_is_ffdhe(int id);

#endif
