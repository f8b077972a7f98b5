#include "blob.h"

#include <stdlib.h>
#include <string.h>

#include <unitls/status.h>

int ut_blob_list_add(struct ut_blob_list *list, const void *data, size_t len)
{
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 4;
        struct ut_blob *items = realloc(list->items, cap * sizeof(*items));
        if (items == NULL)
            return UNITLS_E_NOMEM;
        list->items = items;
        list->cap = cap;
    }
    unsigned char *copy = malloc(len ? len : 1);
    if (copy == NULL)
        return UNITLS_E_NOMEM;
    if (len)
        memcpy(copy, data, len);
    list->items[list->count].data = copy;
    list->items[list->count].len = len;
    list->count++;
    return UNITLS_OK;
}

void ut_blob_list_free(struct ut_blob_list *list)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i].data);
    free(list->items);
    list->items = NULL;
    list->count = 0;
    list->cap = 0;
}
