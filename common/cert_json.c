/* The JSON rendering: exactly json.dumps(getpeercert()) for the same
 * certificate (CPython's _decode_certificate in Modules/_ssl.c). Tuples
 * become arrays; separators are json.dumps' defaults, ", " and ": ". */
#include "cert_internal.h"

#include <string.h>

#include <unitls/status.h>

#include "json.h"

static void json_bytes(struct ut_strbuf *sb, const struct ut_bytes *b)
{
    ut_json_append_string(sb, b->data, b->len);
}

static void json_key(struct ut_strbuf *sb, const char *key)
{
    ut_strbuf_printf(sb, ", \"%s\": ", key);
}

/* (("countryName", "XY"),) per RDN, all RDNs in a tuple. */
void ut_cert_name_json(struct ut_strbuf *sb, const struct ut_name *name)
{
    ut_strbuf_putc(sb, '[');
    for (size_t i = 0; i < name->count; i++) {
        const struct ut_rdn *rdn = &name->rdns[i];
        ut_strbuf_puts(sb, i ? ", [" : "[");
        for (size_t k = 0; k < rdn->count; k++) {
            const struct ut_attr *a = &rdn->attrs[k];
            ut_strbuf_puts(sb, k ? ", [" : "[");
            ut_json_append_string(sb, a->long_name, strlen(a->long_name));
            ut_strbuf_puts(sb, ", ");
            json_bytes(sb, &a->value);
            ut_strbuf_putc(sb, ']');
        }
        ut_strbuf_putc(sb, ']');
    }
    ut_strbuf_putc(sb, ']');
}

static void json_sans(struct ut_strbuf *sb, const unitls_cert *cert)
{
    json_key(sb, "subjectAltName");
    ut_strbuf_putc(sb, '[');
    for (size_t i = 0; i < cert->san_count; i++) {
        const struct ut_san *san = &cert->sans[i];
        ut_strbuf_puts(sb, i ? ", [\"" : "[\"");
        ut_strbuf_puts(sb, san->label);
        ut_strbuf_puts(sb, "\", ");
        if (san->kind == UT_SAN_DIRNAME)
            ut_cert_name_json(sb, &san->dirname);
        else
            json_bytes(sb, &san->value);
        ut_strbuf_putc(sb, ']');
    }
    ut_strbuf_putc(sb, ']');
}

/* A URI list, shown only when it has entries. */
static void json_uris(struct ut_strbuf *sb, const char *key,
                      const struct ut_uri_list *list)
{
    if (list->count == 0)
        return;
    json_key(sb, key);
    ut_strbuf_putc(sb, '[');
    for (size_t i = 0; i < list->count; i++) {
        if (i)
            ut_strbuf_puts(sb, ", ");
        json_bytes(sb, &list->items[i]);
    }
    ut_strbuf_putc(sb, ']');
}

static void json_string(struct ut_strbuf *sb, const char *key,
                        const char *value)
{
    json_key(sb, key);
    ut_json_append_string(sb, value, strlen(value));
}

int ut_cert_to_json(const unitls_cert *cert, char **out, size_t *len)
{
    struct ut_strbuf sb;
    ut_strbuf_init(&sb);
    ut_strbuf_puts(&sb, "{\"subject\": ");
    ut_cert_name_json(&sb, &cert->subject);
    json_key(&sb, "issuer");
    ut_cert_name_json(&sb, &cert->issuer);
    json_key(&sb, "version");
    ut_strbuf_printf(&sb, "%d", cert->version);
    json_string(&sb, "serialNumber", cert->serial);
    json_string(&sb, "notBefore", cert->not_before.text);
    json_string(&sb, "notAfter", cert->not_after.text);
    /* Python lists subjectAltName whenever the extension decodes, even to
     * no entries; an unusable or repeated one is left out. */
    if (cert->san_decoded)
        json_sans(&sb, cert);
    json_uris(&sb, "OCSP", &cert->ocsp);
    json_uris(&sb, "caIssuers", &cert->ca_issuers);
    json_uris(&sb, "crlDistributionPoints", &cert->crl_uris);
    ut_strbuf_putc(&sb, '}');
    return ut_strbuf_finish(&sb, out, len);
}
