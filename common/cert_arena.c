/* The certificate's arena: many small allocations, one free. */
#include "cert_internal.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK 4096

struct ut_arena_chunk {
    struct ut_arena_chunk *next;
    size_t used;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

static size_t round_up(size_t n)
{
    const size_t a = alignof(max_align_t);
    return (n + a - 1) / a * a;
}

static struct ut_arena_chunk *new_chunk(struct ut_arena *arena, size_t size)
{
    struct ut_arena_chunk *c = malloc(sizeof(*c) + size);
    if (c == NULL)
        return NULL;
    c->next = arena->head;
    c->used = 0;
    c->size = size;
    arena->head = c;
    return c;
}

void *ut_arena_alloc(struct ut_arena *arena, size_t size)
{
    if (size > (size_t)-1 / 2)
        return NULL;
    size_t need = round_up(size ? size : 1);
    struct ut_arena_chunk *c = arena->head;
    if (c == NULL || c->size - c->used < need) {
        /* Big requests get a chunk of their own. */
        c = new_chunk(arena, need > ARENA_CHUNK ? need : ARENA_CHUNK);
        if (c == NULL)
            return NULL;
    }
    void *p = c->data + c->used;
    c->used += need;
    memset(p, 0, need);
    return p;
}

void *ut_arena_array(struct ut_arena *arena, size_t count, size_t size)
{
    if (size && count > ((size_t)-1 / 2) / size)
        return NULL;
    return ut_arena_alloc(arena, count * size);
}

char *ut_arena_strndup(struct ut_arena *arena, const void *data, size_t len)
{
    if (len == (size_t)-1)
        return NULL;
    char *s = ut_arena_alloc(arena, len + 1);
    if (s == NULL)
        return NULL;
    if (len)
        memcpy(s, data, len);
    s[len] = '\0';
    return s;
}

char *ut_arena_take(struct ut_arena *arena, struct ut_strbuf *sb, size_t *len)
{
    char *s = sb->failed ? NULL : ut_arena_strndup(arena, sb->data, sb->len);
    if (s != NULL && len != NULL)
        *len = sb->len;
    ut_strbuf_free(sb);
    return s;
}

void ut_arena_free(struct ut_arena *arena)
{
    struct ut_arena_chunk *c = arena->head;
    while (c != NULL) {
        struct ut_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    arena->head = NULL;
}
