/* subjectAltName entries, rendered as Python's _get_peer_alt_names() does. */
#include "cert_internal.h"

#include <string.h>

#include <unitls/status.h>

#include "oid_names.h"

/* Python reads OpenSSL's printed forms into a 2048-byte buffer with
 * BIO_gets(), which keeps at most 2046 characters and stops after a '\n'. */
#define PY_LINE_MAX 2046
#define PY_OID_BUF 2048

/* The otherName types OpenSSL's GENERAL_NAME_print() knows by name. */
struct known_other_name {
    const char *name;
    unsigned char oid[10];
    size_t oid_len;
    unsigned char value_ident; /* the only value type it prints */
};

static const struct known_other_name known_other_names[] = {
    {"SmtpUTF8Mailbox", {0x2b, 6, 1, 5, 5, 7, 8, 9}, 8, 0x0c},
    {"XmppAddr", {0x2b, 6, 1, 5, 5, 7, 8, 5}, 8, 0x0c},
    {"SRVName", {0x2b, 6, 1, 5, 5, 7, 8, 7}, 8, 0x16},
    {"UPN", {0x2b, 6, 1, 4, 1, 0x82, 0x37, 0x14, 2, 3}, 10, 0x0c},
    {"NAIRealm", {0x2b, 6, 1, 5, 5, 7, 8, 8}, 8, 0x0c},
};

static int set_value(struct ut_arena *arena, struct ut_san *san,
                     const void *data, size_t len)
{
    char *copy = ut_arena_strndup(arena, data, len);
    if (copy == NULL)
        return UNITLS_E_NOMEM;
    san->value.data = copy;
    san->value.len = len;
    return UNITLS_OK;
}

static int render_ip(struct ut_arena *arena, struct ut_san *san,
                     const unsigned char *ip, size_t len)
{
    char room[UT_CERT_STRING_ROOM];
    struct ut_strbuf sb;
    ut_strbuf_init_with(&sb, room, sizeof(room));
    if (len == 4) { /* "%d.%d.%d.%d" */
        for (size_t i = 0; i < 4; i++) {
            if (i)
                ut_strbuf_putc(&sb, '.');
            ut_strbuf_put_decimal(&sb, ip[i], 1, '0');
        }
    } else if (len == 16) { /* "%X:%X:...", no compression */
        for (size_t i = 0; i < 16; i += 2) {
            if (i)
                ut_strbuf_putc(&sb, ':');
            ut_strbuf_put_hex(&sb, (unsigned)(ip[i] << 8 | ip[i + 1]), 1);
        }
    } else {
        ut_strbuf_puts(&sb, "<invalid>");
    }
    san->value.data = ut_arena_take(arena, &sb, &san->value.len);
    return san->value.data ? UNITLS_OK : UNITLS_E_NOMEM;
}

/* Registered ID: the OID's long name or dotted form (i2t_ASN1_OBJECT), with
 * Python's limits on its 2048-byte buffer. */
static int render_rid(struct ut_arena *arena, struct ut_san *san,
                      const struct ut_der_tlv *oid)
{
    const char *long_name, *short_name;
    int rc = ut_cert_oid_names(arena, oid, &long_name, &short_name);
    if (rc != UNITLS_OK)
        return rc;
    size_t len = strlen(long_name);
    if (len >= PY_OID_BUF)
        return set_value(arena, san, "<INVALID>", 9);
    if (len == PY_OID_BUF - 1) { /* truncated by one, read with its NUL */
        char *v = ut_arena_strndup(arena, long_name, len);
        if (v == NULL)
            return UNITLS_E_NOMEM;
        v[len - 1] = '\0';
        san->value.data = v;
        san->value.len = len;
        return UNITLS_OK;
    }
    san->value.data = long_name;
    san->value.len = len;
    return UNITLS_OK;
}

/* What GENERAL_NAME_print() writes after "othername:" for this value. */
static void other_name_text(const struct ut_general_name *gn,
                            struct ut_strbuf *sb)
{
    const size_t count = sizeof(known_other_names) / sizeof(known_other_names[0]);
    for (size_t i = 0; i < count; i++) {
        const struct known_other_name *k = &known_other_names[i];
        if (!ut_der_oid_equals(&gn->type_id, k->oid, k->oid_len))
            continue;
        if (!ut_der_is(&gn->value, k->value_ident))
            break;
        /* printed with "%.*s": stops at a NUL byte */
        const void *nul = memchr(gn->value.content, 0, gn->value.content_len);
        size_t n = nul ? (size_t)((const unsigned char *)nul -
                                  gn->value.content)
                       : gn->value.content_len;
        ut_strbuf_printf(sb, "%s:", k->name);
        ut_strbuf_append(sb, gn->value.content, n);
        return;
    }
    ut_strbuf_puts(sb, "<unsupported>");
}

/* Python's ("othername", value): the printed line "othername:..." cut as
 * BIO_gets() cuts it, split at its first ':'. */
static int render_other_name(struct ut_arena *arena, struct ut_san *san,
                             const struct ut_general_name *gn)
{
    static const char prefix[] = "othername:";
    const size_t prefix_len = sizeof(prefix) - 1;
    struct ut_strbuf sb;
    ut_strbuf_init(&sb);
    other_name_text(gn, &sb);
    if (sb.failed) {
        ut_strbuf_free(&sb);
        return UNITLS_E_NOMEM;
    }
    size_t len = sb.len;
    const char *nl = sb.data ? memchr(sb.data, '\n', sb.len) : NULL;
    if (nl != NULL)
        len = (size_t)(nl - sb.data) + 1;
    if (len > PY_LINE_MAX - prefix_len)
        len = PY_LINE_MAX - prefix_len;
    int rc = set_value(arena, san, sb.data ? sb.data : "", len);
    ut_strbuf_free(&sb);
    return rc;
}

static int render_dirname(struct ut_arena *arena, struct ut_san *san,
                          const struct ut_general_name *gn)
{
    struct ut_strbuf sb;
    ut_strbuf_init(&sb);
    ut_cert_name_json(&sb, &gn->dirname);
    san->dirname = gn->dirname;
    san->value.data = ut_arena_take(arena, &sb, &san->value.len);
    return san->value.data ? UNITLS_OK : UNITLS_E_NOMEM;
}

static int render_entry(struct ut_arena *arena, struct ut_san *san,
                        const struct ut_general_name *gn)
{
    const struct ut_der_tlv *v = &gn->value;
    san->kind = gn->kind;
    san->raw.data = (const char *)gn->tlv.raw;
    san->raw.len = gn->tlv.raw_len;
    switch (gn->kind) {
    case UT_SAN_EMAIL:
    case UT_SAN_DNS:
    case UT_SAN_URI:
        san->label = gn->kind == UT_SAN_EMAIL ? "email"
                     : gn->kind == UT_SAN_DNS ? "DNS" : "URI";
        san->raw.data = (const char *)v->content;
        san->raw.len = v->content_len;
        return set_value(arena, san, v->content, v->content_len);
    case UT_SAN_IP:
        san->label = "IP Address";
        san->raw.data = (const char *)v->content;
        san->raw.len = v->content_len;
        return render_ip(arena, san, v->content, v->content_len);
    case UT_SAN_RID:
        san->label = "Registered ID";
        return render_rid(arena, san, v);
    case UT_SAN_OTHERNAME:
        san->label = "othername";
        return render_other_name(arena, san, gn);
    case UT_SAN_DIRNAME:
        san->label = "DirName";
        return render_dirname(arena, san, gn);
    case UT_SAN_X400:
        san->label = "X400Name";
        return set_value(arena, san, "<unsupported>", 13);
    default:
        san->label = "EdiPartyName";
        return set_value(arena, san, "<unsupported>", 13);
    }
}

/* Parses GeneralNames into a new array; PARSE if any entry is unusable. */
static int parse_names(unitls_cert *cert, const struct ut_der_tlv *value,
                       struct ut_san **sans, size_t *count)
{
    struct ut_der list;
    if (ut_cert_ext_sequence(value, &list) != UNITLS_OK ||
        ut_der_count(&list, count) != UNITLS_OK)
        return UNITLS_E_PARSE;
    *sans = ut_arena_array(&cert->arena, *count, sizeof(**sans));
    if (*sans == NULL)
        return UNITLS_E_NOMEM;
    for (size_t i = 0; i < *count; i++) {
        struct ut_general_name gn;
        int rc = ut_cert_read_general_name(&cert->arena, &list, &gn);
        if (rc == UNITLS_OK)
            rc = render_entry(&cert->arena, &(*sans)[i], &gn);
        if (rc != UNITLS_OK)
            return rc;
    }
    return UNITLS_OK;
}

int ut_cert_parse_san(unitls_cert *cert, const struct ut_der_tlv *value)
{
    struct ut_san *sans;
    size_t count;
    int rc = parse_names(cert, value, &sans, &count);
    if (rc == UNITLS_E_PARSE) /* present but unusable: no entries */
        return UNITLS_OK;
    if (rc != UNITLS_OK)
        return rc;
    cert->san_decoded = 1;
    cert->sans = sans;
    cert->san_count = count;
    return UNITLS_OK;
}
