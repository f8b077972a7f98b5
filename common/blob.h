/* Owned byte buffers and lists of them (DER certificates, file contents). */
#ifndef UT_BLOB_H
#define UT_BLOB_H

#include <stddef.h>

struct ut_blob {
    unsigned char *data;
    size_t len;
};

/* A growable list of owned blobs; zero-initialised is an empty list. */
struct ut_blob_list {
    struct ut_blob *items;
    size_t count;
    size_t cap;
};

/* Appends a copy of data[0..len). Returns UNITLS_OK or UNITLS_E_NOMEM. */
int ut_blob_list_add(struct ut_blob_list *list, const void *data, size_t len);

/* Frees every blob and the list storage; leaves an empty list. NULL-safe. */
void ut_blob_list_free(struct ut_blob_list *list);

#endif
