/* OCSP stapling (issue 8): a server staples the response it was given
 * (pki/server-ocsp.der, a real response for server.crt signed by its
 * issuer) for a client that asks, and the client reads exactly those
 * bytes, in TLS 1.2 and 1.3; a client that does not ask gets nothing; a
 * server without a response staples nothing, which a client that requires
 * one refuses with bad_certificate_status_response (113). Without the
 * capability bits every case checks that the functions answer
 * UNITLS_E_UNSUPPORTED instead. */
#include <stdlib.h>
#include <string.h>

#include "memlink.h"
#include "outcome.h"
#include "pki.h"
#include "suites.h"

#define ALERT_BAD_CERTIFICATE_STATUS_RESPONSE 113
#define STATUS_REQUEST 5     /* the ClientHello extension */
#define CERTIFICATE_STATUS 22 /* the TLS 1.2 handshake message */
#define OCSP_CAPS (UNITLS_CAP_OCSP_STAPLE | UNITLS_CAP_OCSP_CLIENT)

/* Without the bits: the setters and the getter refuse. Returns 1 when
 * both bits are set. */
static int ocsp_supported(struct outcome *o)
{
    if (unitls_provider_has(OCSP_CAPS))
        return 1;
    unitls_ctx *server = unitls_ctx_new(UNITLS_ROLE_SERVER);
    unitls_ctx *client = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    static const unsigned char der[] = {0x30, 0x00};
    oc_status(o, "set_response",
              unitls_ctx_set_ocsp_response(server, der, sizeof(der)),
              unitls_provider_has(UNITLS_CAP_OCSP_STAPLE)
                  ? UNITLS_OK
                  : UNITLS_E_UNSUPPORTED);
    oc_status(o, "set_stapling",
              unitls_ctx_set_ocsp_stapling(client, UNITLS_OCSP_REQUEST),
              unitls_provider_has(UNITLS_CAP_OCSP_CLIENT)
                  ? UNITLS_OK
                  : UNITLS_E_UNSUPPORTED);
    unitls_ctx_free(server);
    unitls_ctx_free(client);
    return 0;
}

struct ocsp_case {
    const char *id;
    int version;
    int staple;            /* the server has pki/server-ocsp.der */
    unitls_ocsp_mode mode; /* the client's */
    int client_hs, server_hs;
    int stapled;           /* the client reads the response */
};

/* The same case in TLS 1.3 and in TLS 1.2. */
#define BOTH(name, staple, mode, client_hs, server_hs, stapled)               \
    {"ocsp." name "_tls13", UNITLS_TLS1_3, staple, mode, client_hs,           \
     server_hs, stapled},                                                     \
    {"ocsp." name "_tls12", UNITLS_TLS1_2, staple, mode, client_hs,           \
     server_hs, stapled}

static const struct ocsp_case cases[] = {
    BOTH("stapled", 1, UNITLS_OCSP_REQUEST, UNITLS_OK, UNITLS_OK, 1),
    BOTH("required_stapled", 1, UNITLS_OCSP_REQUIRE, UNITLS_OK, UNITLS_OK, 1),
    BOTH("not_requested", 1, UNITLS_OCSP_OFF, UNITLS_OK, UNITLS_OK, 0),
    BOTH("none_requested", 0, UNITLS_OCSP_REQUEST, UNITLS_OK, UNITLS_OK, 0),
    BOTH("none_required", 0, UNITLS_OCSP_REQUIRE, UNITLS_E_HANDSHAKE,
         UNITLS_E_PEER_ALERT, 0),
};

static void configure(struct outcome *o, const struct ocsp_case *c,
                      unitls_ctx *client, unitls_ctx *server,
                      const unsigned char *der, size_t len)
{
    oc_status(o, "set_versions",
              unitls_ctx_set_versions(client, c->version, c->version),
              UNITLS_OK);
    if (c->staple)
        oc_status(o, "set_response",
                  unitls_ctx_set_ocsp_response(server, der, len), UNITLS_OK);
    oc_status(o, "set_stapling", unitls_ctx_set_ocsp_stapling(client, c->mode),
              UNITLS_OK);
}

/* The handshake's outcome on both ends, and what the client read. */
static void observe(struct outcome *o, const struct ocsp_case *c,
                    const struct memlink *l, const unsigned char *der,
                    size_t len)
{
    int failed = c->client_hs != UNITLS_OK;
    oc_status(o, "c.hs", l->client_hs, c->client_hs);
    oc_status(o, "s.hs", l->server_hs, c->server_hs);
    oc_int(o, "c.alert_sent", unitls_conn_alert_sent(l->client),
           failed ? ALERT_BAD_CERTIFICATE_STATUS_RESPONSE : -1);
    oc_int(o, "s.alert_recv", unitls_conn_alert_received(l->server),
           failed ? ALERT_BAD_CERTIFICATE_STATUS_RESPONSE : -1);
    oc_int(o, "c.asked", memlink_hello_has_extension(l, STATUS_REQUEST),
           c->mode != UNITLS_OCSP_OFF);
    if (c->version == UNITLS_TLS1_2)
        oc_int(o, "s.certificate_status",
               memlink_server_flight_has(l, CERTIFICATE_STATUS), c->stapled);
    if (failed)
        return;
    const unsigned char *got = NULL;
    size_t got_len = 1;
    oc_status(o, "get", unitls_conn_ocsp_response(l->client, &got, &got_len),
              UNITLS_OK);
    oc_int(o, "len", (long long)got_len, c->stapled ? (long long)len : 0);
    oc_true(o, "bytes", c->stapled ? got != NULL && got_len == len &&
                                         memcmp(got, der, len) == 0
                                   : got == NULL);
}

START_TEST(ocsp_case)
{
    const struct ocsp_case *c = &cases[_i];
    struct outcome o;
    struct memlink l;
    size_t len = 0;
    oc_init(&o, c->id, "");
    if (!ocsp_supported(&o)) {
        oc_finish(&o);
        return;
    }
    unsigned char *der = (unsigned char *)pki_read("server-ocsp.der", &len);
    unitls_ctx *client = memlink_client_ctx();
    unitls_ctx *server = memlink_server_ctx();
    oc_true(&o, "inputs", der != NULL && client != NULL && server != NULL);
    if (der != NULL && client != NULL && server != NULL) {
        configure(&o, c, client, server, der, len);
        oc_true(&o, "open", memlink_open(&l, client, server) == 0);
        memlink_handshake(&l);
        observe(&o, c, &l, der, len);
        memlink_free(&l);
    }
    unitls_ctx_free(client);
    unitls_ctx_free(server);
    free(der);
    oc_finish(&o);
}
END_TEST

static void setters(struct outcome *o, unitls_ctx *client,
                    unitls_ctx *server)
{
    static const unsigned char der[] = {0x30, 0x03, 0x0a, 0x01, 0x00};
    static const char pem[] = "-----BEGIN OCSP RESPONSE-----\n";
    static const unsigned char trailing[] = {0x30, 0x00, 0x00};
    oc_status(o, "client_response",
              unitls_ctx_set_ocsp_response(client, der, sizeof(der)),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "server_stapling",
              unitls_ctx_set_ocsp_stapling(server, UNITLS_OCSP_REQUEST),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "pem", unitls_ctx_set_ocsp_response(
                            server, (const unsigned char *)pem, strlen(pem)),
              UNITLS_E_PARSE);
    oc_status(o, "trailing_bytes",
              unitls_ctx_set_ocsp_response(server, trailing,
                                           sizeof(trailing)),
              UNITLS_E_PARSE);
    oc_status(o, "null_with_len", unitls_ctx_set_ocsp_response(server, NULL, 5),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "zero_len", unitls_ctx_set_ocsp_response(server, der, 0),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "set", unitls_ctx_set_ocsp_response(server, der, sizeof(der)),
              UNITLS_OK);
    oc_status(o, "remove", unitls_ctx_set_ocsp_response(server, NULL, 0),
              UNITLS_OK);
    oc_status(o, "unknown_mode",
              unitls_ctx_set_ocsp_stapling(client, (unitls_ocsp_mode)7),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "null_ctx", unitls_ctx_set_ocsp_stapling(NULL,
                                                          UNITLS_OCSP_OFF),
              UNITLS_E_INVALID_ARG);
}

static void getter(struct outcome *o, unitls_ctx *client, unitls_ctx *server)
{
    const unsigned char *der = (const unsigned char *)"x";
    size_t len = 1;
    unitls_conn *c = unitls_conn_new(client);
    unitls_conn *s = unitls_conn_new(server);
    oc_status(o, "get_before_handshake",
              unitls_conn_ocsp_response(c, &der, &len), UNITLS_E_STATE);
    oc_true(o, "get_before_handshake_empty", der == NULL && len == 0);
    oc_status(o, "get_on_server", unitls_conn_ocsp_response(s, &der, &len),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "get_null", unitls_conn_ocsp_response(NULL, &der, &len),
              UNITLS_E_INVALID_ARG);
    oc_status(o, "in_use", unitls_ctx_set_ocsp_stapling(client,
                                                        UNITLS_OCSP_OFF),
              UNITLS_E_STATE);
    unitls_conn_free(c);
    unitls_conn_free(s);
}

/* The setters' and the getter's arguments, roles and state. */
START_TEST(ocsp_arguments)
{
    struct outcome o;
    oc_init(&o, "ocsp.arguments", "");
    if (ocsp_supported(&o)) {
        unitls_ctx *client = unitls_ctx_new(UNITLS_ROLE_CLIENT);
        unitls_ctx *server = unitls_ctx_new(UNITLS_ROLE_SERVER);
        setters(&o, client, server);
        getter(&o, client, server);
        unitls_ctx_free(client);
        unitls_ctx_free(server);
    }
    oc_finish(&o);
}
END_TEST

Suite *suite_ocsp(void)
{
    Suite *s = suite_create("ocsp");
    TCase *tc = conf_tcase("ocsp");

    ADD_TABLE(tc, ocsp_case, cases);
    tcase_add_test(tc, ocsp_arguments);
    suite_add_tcase(s, tc);
    return s;
}
