/* The human-readable rendering (what `unitls decode` prints): one field per
 * line, lists indented below their heading; beyond getpeercert(), the usage
 * extensions, the public key and the fingerprints. Control characters,
 * bytes that are not UTF-8 and backslashes are escaped, so that the text is
 * safe to print; in names ',' and '+' are escaped too (RFC 4514 style). */
#include "cert_internal.h"

#include <string.h>

#include "json.h"
#include "oid_names.h"
#include "sha.h"

#define INDENT "    "

static void escaped(struct ut_strbuf *sb, const char *s, size_t len,
                    const char *specials)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        unsigned long cp;
        size_t n = ut_utf8_decode(p + i, len - i, &cp);
        if (n == 0 || cp < 0x20 || cp == 0x7f) {
            ut_strbuf_printf(sb, "\\x%02X", p[i]);
            i++;
            continue;
        }
        if (cp >= 0x80 && cp < 0xa0)
            ut_strbuf_printf(sb, "\\u%04lX", cp);
        else if (cp == '\\' || (cp < 0x80 && strchr(specials, (int)cp)))
            ut_strbuf_printf(sb, "\\%c", (char)cp);
        else
            ut_strbuf_append(sb, p + i, n);
        i += n;
    }
}

void ut_cert_name_text(struct ut_strbuf *sb, const struct ut_name *name)
{
    for (size_t i = 0; i < name->count; i++) {
        const struct ut_rdn *rdn = &name->rdns[i];
        for (size_t k = 0; k < rdn->count; k++) {
            const struct ut_attr *a = &rdn->attrs[k];
            if (i || k)
                ut_strbuf_puts(sb, k ? " + " : ", ");
            ut_strbuf_printf(sb, "%s=", a->short_name);
            escaped(sb, a->value.data, a->value.len, ",+");
        }
    }
}

static void text_sans(struct ut_strbuf *sb, const unitls_cert *cert)
{
    if (cert->san_count == 0)
        return;
    ut_strbuf_puts(sb, "Subject Alternative Names:\n");
    for (size_t i = 0; i < cert->san_count; i++) {
        const struct ut_san *san = &cert->sans[i];
        ut_strbuf_printf(sb, INDENT "%s:", san->label);
        if (san->kind == UT_SAN_DIRNAME)
            ut_cert_name_text(sb, &san->dirname);
        else
            escaped(sb, san->value.data, san->value.len, "");
        ut_strbuf_putc(sb, '\n');
    }
}

static void text_uris(struct ut_strbuf *sb, const char *heading,
                      const struct ut_uri_list *list)
{
    if (list->count == 0)
        return;
    ut_strbuf_printf(sb, "%s:\n", heading);
    for (size_t i = 0; i < list->count; i++) {
        ut_strbuf_puts(sb, INDENT);
        escaped(sb, list->items[i].data, list->items[i].len, "");
        ut_strbuf_putc(sb, '\n');
    }
}

static void text_fingerprint(struct ut_strbuf *sb, const char *heading,
                             const unsigned char *digest, size_t len)
{
    ut_strbuf_printf(sb, "%s:", heading);
    for (size_t i = 0; i < len; i++)
        ut_strbuf_printf(sb, i ? ":%02X" : " %02X", digest[i]);
    ut_strbuf_putc(sb, '\n');
}

/* basicConstraints, keyUsage (OpenSSL's names for the bits) and
 * extendedKeyUsage, each when present. */
static void text_usage(struct ut_strbuf *sb, const unitls_cert *cert)
{
    static const char *const usages[9] = {
        "Digital Signature", "Non Repudiation",   "Key Encipherment",
        "Data Encipherment", "Key Agreement",     "Certificate Sign",
        "CRL Sign",          "Encipher Only",     "Decipher Only"};
    const struct ut_basic_constraints *bc = &cert->basic_constraints;
    if (bc->present) {
        ut_strbuf_printf(sb, "Basic Constraints: CA:%s",
                         bc->is_ca ? "TRUE" : "FALSE");
        if (bc->pathlen >= 0)
            ut_strbuf_printf(sb, ", pathlen:%d", bc->pathlen);
        ut_strbuf_putc(sb, '\n');
    }
    if (cert->has_key_usage) {
        ut_strbuf_puts(sb, "Key Usage:");
        for (unsigned n = 0, first = 1; n < 9; n++) {
            if (!(cert->key_usage & (1u << n)))
                continue;
            ut_strbuf_printf(sb, "%s%s", first ? " " : ", ", usages[n]);
            first = 0;
        }
        ut_strbuf_putc(sb, '\n');
    }
    if (cert->eku_count > 0)
        ut_strbuf_puts(sb, "Extended Key Usage:\n");
    for (size_t i = 0; i < cert->eku_count; i++) {
        const struct ut_oid_name *known = ut_oid_lookup(cert->eku_oids[i]);
        ut_strbuf_printf(sb, INDENT "%s", cert->eku_oids[i]);
        if (known != NULL)
            ut_strbuf_printf(sb, " (%s)", known->long_name);
        ut_strbuf_putc(sb, '\n');
    }
}

static void text_key_and_digests(struct ut_strbuf *sb, const unitls_cert *cert)
{
    unsigned char sha256[UT_SHA256_LEN], sha1[UT_SHA1_LEN];
    ut_strbuf_printf(sb, "Public Key Algorithm: %s", cert->key_algorithm);
    if (cert->key_parameter != NULL)
        ut_strbuf_printf(sb, " (%s)", cert->key_parameter);
    if (cert->key_bits > 0)
        ut_strbuf_printf(sb, "\nPublic Key Size: %d bits", cert->key_bits);
    ut_strbuf_printf(sb, "\nSignature Algorithm: %s\n",
                     cert->signature_algorithm);
    ut_sha256(cert->der, cert->der_len, sha256);
    ut_sha1(cert->der, cert->der_len, sha1);
    text_fingerprint(sb, "SHA-256 Fingerprint", sha256, sizeof(sha256));
    text_fingerprint(sb, "SHA-1 Fingerprint", sha1, sizeof(sha1));
}

int ut_cert_to_text(const unitls_cert *cert, char **out, size_t *len)
{
    struct ut_strbuf sb;
    ut_strbuf_init(&sb);
    ut_strbuf_puts(&sb, "Subject: ");
    ut_cert_name_text(&sb, &cert->subject);
    ut_strbuf_puts(&sb, "\nIssuer: ");
    ut_cert_name_text(&sb, &cert->issuer);
    ut_strbuf_printf(&sb, "\nVersion: %d\nSerial Number: %s\n",
                     cert->version, cert->serial_hex);
    ut_strbuf_printf(&sb, "Not Before: %s\nNot After: %s\n",
                     cert->not_before.text, cert->not_after.text);
    text_sans(&sb, cert);
    text_uris(&sb, "OCSP", &cert->ocsp);
    text_uris(&sb, "CA Issuers", &cert->ca_issuers);
    text_uris(&sb, "CRL Distribution Points", &cert->crl_uris);
    text_usage(&sb, cert);
    text_key_and_digests(&sb, cert);
    return ut_strbuf_finish(&sb, out, len);
}
