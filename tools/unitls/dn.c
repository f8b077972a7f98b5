/* Distinguished names on one line, for logs. */
#include "dn.h"

#include <string.h>

/* OpenSSL long names (what unitls_cert_rdn_attr gives) to the short names
 * people read in DNs. Anything else is printed as it comes. */
static const char *short_name(const char *type)
{
    static const struct {
        const char *long_name;
        const char *short_name;
    } names[] = {
        {"countryName", "C"},
        {"stateOrProvinceName", "ST"},
        {"localityName", "L"},
        {"organizationName", "O"},
        {"organizationalUnitName", "OU"},
        {"commonName", "CN"},
        {"domainComponent", "DC"},
        {"userId", "UID"},
        {"streetAddress", "street"},
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcmp(names[i].long_name, type) == 0)
            return names[i].short_name;
    return type;
}

static void print_value(FILE *out, const char *value, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char byte = (unsigned char)value[i];
        if (byte < 0x20 || byte == 0x7f)
            fprintf(out, "\\x%02X", byte);
        else if (byte == ',' || byte == '+' || byte == '\\')
            fprintf(out, "\\%c", byte);
        else
            fputc(byte, out);
    }
}

static void print_rdn(FILE *out, const unitls_cert *cert,
                      unitls_cert_name which, size_t rdn)
{
    size_t count = unitls_cert_rdn_attr_count(cert, which, rdn);
    for (size_t attr = 0; attr < count; attr++) {
        const char *type;
        const char *value;
        size_t len;
        if (unitls_cert_rdn_attr(cert, which, rdn, attr, &type, &value,
                                 &len) != UNITLS_OK)
            continue;
        fprintf(out, "%s%s=", attr > 0 ? " + " : "", short_name(type));
        print_value(out, value, len);
    }
}

void dn_print(FILE *out, const unitls_cert *cert, unitls_cert_name which)
{
    size_t count = unitls_cert_rdn_count(cert, which);
    for (size_t rdn = 0; rdn < count; rdn++) {
        if (rdn > 0)
            fputs(", ", out);
        print_rdn(out, cert, which, rdn);
    }
}
