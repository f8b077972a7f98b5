#include "pem.h"

#include <stdlib.h>
#include <string.h>

#include <unitls/status.h>

#include "base64.h"
#include "strbuf.h"

#define PEM_DASHES "-----"
#define PEM_DASHES_LEN 5

/* One line of text: [start, end) without the line ending. */
struct line {
    size_t start;
    size_t end;
    size_t next; /* where the following line starts */
};

static void line_at(const char *text, size_t len, size_t pos, struct line *l)
{
    const char *nl = memchr(text + pos, '\n', len - pos);
    l->start = pos;
    l->end = nl ? (size_t)(nl - text) : len;
    l->next = nl ? l->end + 1 : len;
    while (l->end > l->start &&
           (text[l->end - 1] == '\r' || text[l->end - 1] == ' ' ||
            text[l->end - 1] == '\t'))
        l->end--;
}

/* Returns 1 if the line is exactly "-----<word> <label>-----". */
static int is_marker(const char *text, const struct line *l, const char *word,
                     const char *label)
{
    size_t wlen = strlen(word), llen = strlen(label);
    size_t need = PEM_DASHES_LEN + wlen + 1 + llen + PEM_DASHES_LEN;
    const char *p = text + l->start;
    if (l->end - l->start != need)
        return 0;
    return memcmp(p, PEM_DASHES, PEM_DASHES_LEN) == 0 &&
           memcmp(p + PEM_DASHES_LEN, word, wlen) == 0 &&
           p[PEM_DASHES_LEN + wlen] == ' ' &&
           memcmp(p + PEM_DASHES_LEN + wlen + 1, label, llen) == 0 &&
           memcmp(p + need - PEM_DASHES_LEN, PEM_DASHES, PEM_DASHES_LEN) == 0;
}

/* Finds the next block labelled `label` at or after *pos. On success sets
 * [*body, *body_end) to the base64 between the marker lines and *pos past
 * the END line. Returns 1 if found, 0 if there is none, UNITLS_E_PARSE for a
 * BEGIN without END. */
static int find_block(const char *text, size_t len, size_t *pos,
                      const char *label, size_t *body, size_t *body_end)
{
    struct line l;
    size_t at = *pos;
    while (at < len) {
        line_at(text, len, at, &l);
        at = l.next;
        if (!is_marker(text, &l, "BEGIN", label))
            continue;
        *body = at;
        while (at < len) {
            line_at(text, len, at, &l);
            if (is_marker(text, &l, "END", label)) {
                *body_end = l.start;
                *pos = l.next;
                return 1;
            }
            at = l.next;
        }
        return UNITLS_E_PARSE;
    }
    *pos = len;
    return 0;
}

int ut_pem_decode_first(const char *text, size_t len, const char *label,
                        unsigned char **der, size_t *der_len)
{
    size_t pos = 0, body, body_end;
    *der = NULL;
    *der_len = 0;
    int found = find_block(text, len, &pos, label, &body, &body_end);
    if (found != 1)
        return UNITLS_E_PARSE;
    return ut_base64_decode(text + body, body_end - body, der, der_len);
}

int ut_pem_decode_all(const char *text, size_t len, const char *label,
                      struct ut_blob_list *out)
{
    size_t pos = 0, body, body_end;
    for (;;) {
        int found = find_block(text, len, &pos, label, &body, &body_end);
        if (found != 1)
            return found == 0 ? UNITLS_OK : found;
        unsigned char *der;
        size_t der_len;
        int rc = ut_base64_decode(text + body, body_end - body, &der,
                                  &der_len);
        if (rc != UNITLS_OK)
            return rc;
        rc = ut_blob_list_add(out, der, der_len);
        free(der);
        if (rc != UNITLS_OK)
            return rc;
    }
}

int ut_is_pem(const void *data, size_t len)
{
    static const char marker[] = "-----BEGIN ";
    const size_t mlen = sizeof(marker) - 1;
    const char *p = data;
    if (p == NULL)
        return 0;
    for (size_t i = 0; i + mlen <= len; i++) {
        if (p[i] == '-' && memcmp(p + i, marker, mlen) == 0)
            return 1;
    }
    return 0;
}

int ut_pem_encode(const char *label, const unsigned char *der, size_t len,
                  char **out, size_t *out_len)
{
    struct ut_strbuf sb;
    ut_strbuf_init(&sb);
    ut_strbuf_printf(&sb, "-----BEGIN %s-----\n", label);
    ut_base64_encode(der, len, 64, &sb);
    ut_strbuf_printf(&sb, "-----END %s-----\n", label);
    return ut_strbuf_finish(&sb, out, out_len);
}
