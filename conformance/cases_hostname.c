/* unitls_cert_check_host(): the committed certificates with a handful of
 * names, and every case of hostname_cases.inc on synthetic certificates. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>

#include "outcome.h"
#include "pki.h"
#include "suites.h"
#include "synthcert.h"

struct pki_host_case {
    const char *file, *name;
    int want;
};

static const struct pki_host_case pki_cases[] = {
    {"server.crt", "localhost", UNITLS_OK},
    {"server.crt", "LOCALHOST.", UNITLS_OK},
    {"server.crt", "a.test.example", UNITLS_OK},
    {"server.crt", "A.Test.Example", UNITLS_OK},
    {"server.crt", "a.b.test.example", UNITLS_E_VERIFY},
    {"server.crt", "test.example", UNITLS_E_VERIFY},
    {"server.crt", "127.0.0.1", UNITLS_OK},
    {"server.crt", "127.0.0.2", UNITLS_E_VERIFY},
    {"server.crt", "::1", UNITLS_OK},
    {"server.crt", "0:0:0:0:0:0:0:1", UNITLS_OK},
    {"server.crt", "::2", UNITLS_E_VERIFY},
    {"server.crt", "wrong.example", UNITLS_E_VERIFY},
    {"server.crt", "", UNITLS_E_INVALID_ARG},
    {"server.crt", NULL, UNITLS_E_INVALID_ARG},
    {"server.crt", "server@test.example", UNITLS_E_INVALID_ARG},
    {"wronghost.crt", "wrong.example", UNITLS_OK},
    {"wronghost.crt", "localhost", UNITLS_E_VERIFY},
    {"wronghost.crt", "127.0.0.1", UNITLS_E_VERIFY},
    {"expired.crt", "::1", UNITLS_E_VERIFY},
    {"client.crt", "unitls test client", UNITLS_E_INVALID_ARG},
};

START_TEST(host_pki)
{
    const struct pki_host_case *hc = &pki_cases[_i];
    struct outcome o;
    unitls_cert *cert = NULL;
    char id[160];

    snprintf(id, sizeof(id), "host.%s.%s", hc->file,
             hc->name != NULL ? hc->name : "<null>");
    oc_init(&o, id, "");
    oc_status(&o, "load", unitls_cert_load_file(pki_path(hc->file).s, &cert),
              UNITLS_OK);
    if (cert != NULL)
        oc_status(&o, "check_host", unitls_cert_check_host(cert, hc->name),
                  hc->want);
    unitls_cert_free(cert);
    oc_finish(&o);
}
END_TEST

/* --- hostname_cases.inc -------------------------------------------------- */

enum inc_kind { INC_DNS, INC_IP, INC_CN, INC_CN_SAN };

struct inc_case {
    enum inc_kind kind;
    const char *cn;
    size_t cn_len;
    const char *san; /* dNSName bytes, or an IP address in text */
    size_t san_len;
    const char *ref;
    int want;
    int line;
};

#define UT_MATCH UNITLS_OK
#define UT_MISMATCH UNITLS_E_VERIFY
#define UT_INVALID UNITLS_E_INVALID_ARG
#define SYNTH_SUBJECT "unitls synthetic subject"
#define HOST_CASE(san, ref, want)                                            \
    {INC_DNS, SYNTH_SUBJECT, sizeof(SYNTH_SUBJECT) - 1, san,                 \
     sizeof(san) - 1, ref, want, __LINE__},
#define IP_CASE(ip, ref, want)                                               \
    {INC_IP, SYNTH_SUBJECT, sizeof(SYNTH_SUBJECT) - 1, ip, sizeof(ip) - 1,   \
     ref, want, __LINE__},
#define CN_CASE(cn, ref, want)                                               \
    {INC_CN, cn, sizeof(cn) - 1, NULL, 0, ref, want, __LINE__},
#define CN_SAN_CASE(cn, san, ref, want)                                      \
    {INC_CN_SAN, cn, sizeof(cn) - 1, san, sizeof(san) - 1, ref, want,        \
     __LINE__},

static const struct inc_case inc_cases[] = {
#include "hostname_cases.inc"
};

static const char *const kind_names[] = {"dns", "ip", "cn", "cn_san"};

/* The synthetic certificate an .inc case describes; the IP text becomes
 * its 4 or 16 address bytes. Returns 0, or -1 for an unusable case. */
static int inc_spec(const struct inc_case *c, struct synth_spec *s,
                    unsigned char ip[16])
{
    s->cn = c->cn;
    s->cn_len = c->cn_len;
    s->san = c->san;
    s->san_len = c->san_len;
    switch (c->kind) {
    case INC_DNS:
        s->san_kind = SYNTH_SAN_DNS;
        return 0;
    case INC_CN:
        s->san_kind = SYNTH_NO_SAN;
        return 0;
    case INC_CN_SAN:
        s->san_kind = c->san_len > 0 ? SYNTH_SAN_DNS : SYNTH_SAN_EMPTY;
        return 0;
    case INC_IP:
        s->san_kind = SYNTH_SAN_IP;
        s->san = ip;
        s->san_len = inet_pton(AF_INET, c->san, ip) == 1 ? 4 : 16;
        return s->san_len == 4 || inet_pton(AF_INET6, c->san, ip) == 1 ? 0 : -1;
    }
    return -1;
}

START_TEST(host_inc)
{
    const struct inc_case *c = &inc_cases[_i];
    struct synth_spec spec;
    unsigned char ip[16], *der = NULL;
    size_t len = 0;
    unitls_cert *cert = NULL;
    struct outcome o;
    char id[64];

    snprintf(id, sizeof(id), "host.inc.%s.line%d", kind_names[c->kind],
             c->line);
    oc_init(&o, id, "");
    oc_put(&o, "ref", "%s", c->ref);
    oc_true(&o, "spec", inc_spec(c, &spec, ip) == 0);
    der = synth_cert_der(&spec, &len);
    oc_status(&o, "from_der", unitls_cert_from_der(der, len, &cert),
              UNITLS_OK);
    if (cert != NULL)
        oc_status(&o, "check_host", unitls_cert_check_host(cert, c->ref),
                  c->want);
    unitls_cert_free(cert);
    free(der);
    oc_finish(&o);
}
END_TEST

Suite *suite_hostname(void)
{
    Suite *s = suite_create("hostname");
    TCase *tc = conf_tcase("hostname");

    ADD_TABLE(tc, host_pki, pki_cases);
    ADD_TABLE(tc, host_inc, inc_cases);
    suite_add_tcase(s, tc);
    return s;
}
