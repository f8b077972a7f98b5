/* The backends' i2d/d2i pair for one object type, used the same way by
 * every provider: serialize into a malloc'ed buffer, and read back only
 * input that is consumed whole. */
#ifndef UT_SERIAL_H
#define UT_SERIAL_H

#include <stddef.h>

/* The backend's i2d (NULL pp: the length) and d2i (advancing *pp), behind
 * adapters with these types. */
typedef int (*ut_i2d_fn)(void *obj, unsigned char **pp);
typedef void *(*ut_d2i_fn)(const unsigned char **pp, long len);
typedef void (*ut_obj_free_fn)(void *obj);

/* Serializes obj into a new buffer (*out, freed with free()). Returns
 * UNITLS_OK or UNITLS_E_NOMEM (also when the backend fails). */
int ut_i2d_alloc(void *obj, ut_i2d_fn i2d, unsigned char **out, size_t *len);

/* Reads data[0..len) into a new object (*obj), which must use every byte.
 * Returns UNITLS_OK or UNITLS_E_PARSE (nothing is left allocated). */
int ut_d2i_exact(const unsigned char *data, size_t len, ut_d2i_fn d2i,
                 ut_obj_free_fn obj_free, void **obj);

#endif
