/* Contexts: defaults, the version range, and immutability once a connection
 * has been made from one. */
#include "outcome.h"
#include "pki.h"
#include "suites.h"

START_TEST(ctx_defaults)
{
    unitls_ctx *client = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    unitls_ctx *server = unitls_ctx_new(UNITLS_ROLE_SERVER);
    struct outcome o;

    oc_init(&o, "ctx.defaults", "");
    oc_true(&o, "created", client != NULL && server != NULL);
    oc_int(&o, "client_role", unitls_ctx_role(client), UNITLS_ROLE_CLIENT);
    oc_int(&o, "server_role", unitls_ctx_role(server), UNITLS_ROLE_SERVER);
    oc_int(&o, "client_verify", unitls_ctx_verify_mode(client),
           UNITLS_VERIFY_REQUIRED);
    oc_int(&o, "server_verify", unitls_ctx_verify_mode(server),
           UNITLS_VERIFY_NONE);
    oc_status(&o, "set_optional",
              unitls_ctx_set_verify_mode(server, UNITLS_VERIFY_OPTIONAL),
              UNITLS_OK);
    oc_int(&o, "server_verify_now", unitls_ctx_verify_mode(server),
           UNITLS_VERIFY_OPTIONAL);
    unitls_ctx_free(client);
    unitls_ctx_free(server);
    oc_finish(&o);
}
END_TEST

START_TEST(ctx_versions)
{
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    struct outcome o;

    oc_init(&o, "ctx.set_versions", "");
    oc_status(&o, "min_gt_max",
              unitls_ctx_set_versions(ctx, UNITLS_TLS1_3, UNITLS_TLS1_2),
              UNITLS_E_INVALID_ARG);
    oc_true(&o, "error_message", unitls_ctx_error(ctx)[0] != '\0');
    oc_status(&o, "tls1_1", unitls_ctx_set_versions(ctx, 0x0302, 0),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "garbage", unitls_ctx_set_versions(ctx, 0, 12345),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "keep_both", unitls_ctx_set_versions(ctx, 0, 0), UNITLS_OK);
    oc_status(&o, "equal", unitls_ctx_set_versions(ctx, UNITLS_TLS1_2,
                                                    UNITLS_TLS1_2), UNITLS_OK);
    oc_status(&o, "min13_keep_max12", unitls_ctx_set_versions(ctx, UNITLS_TLS1_3, 0),
              UNITLS_E_INVALID_ARG);
    oc_status(&o, "widen", unitls_ctx_set_versions(ctx, 0, UNITLS_TLS1_3),
              UNITLS_OK);
    oc_status(&o, "min13_keep_max13", unitls_ctx_set_versions(ctx, UNITLS_TLS1_3, 0),
              UNITLS_OK);
    oc_status(&o, "max12_keep_min13", unitls_ctx_set_versions(ctx, 0, UNITLS_TLS1_2),
              UNITLS_E_INVALID_ARG);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

/* Every setter and loader of a context in use answers UNITLS_E_STATE. */
static void expect_frozen(struct outcome *o, unitls_ctx *ctx)
{
    struct path root = pki_path("root-ca.crt");
    struct path chain = pki_path("server-chain.pem");
    struct path key = pki_path("server.key");

    oc_status(o, "set_verify_mode",
              unitls_ctx_set_verify_mode(ctx, UNITLS_VERIFY_NONE),
              UNITLS_E_STATE);
    oc_status(o, "set_check_hostname", unitls_ctx_set_check_hostname(ctx, 0),
              UNITLS_E_STATE);
    oc_status(o, "set_versions",
              unitls_ctx_set_versions(ctx, UNITLS_TLS1_2, UNITLS_TLS1_3),
              UNITLS_E_STATE);
    oc_status(o, "load_verify_file", unitls_ctx_load_verify_file(ctx, root.s),
              UNITLS_E_STATE);
    oc_status(o, "use_certificate_file",
              unitls_ctx_use_certificate_file(ctx, chain.s, key.s, NULL),
              UNITLS_E_STATE);
    oc_true(o, "error_message", unitls_ctx_error(ctx)[0] != '\0');
    oc_int(o, "verify_mode_unchanged", unitls_ctx_verify_mode(ctx),
           unitls_ctx_role(ctx) == UNITLS_ROLE_CLIENT ? UNITLS_VERIFY_REQUIRED
                                                      : UNITLS_VERIFY_NONE);
}

START_TEST(ctx_immutable)
{
    unitls_role role = _i == 0 ? UNITLS_ROLE_CLIENT : UNITLS_ROLE_SERVER;
    unitls_ctx *ctx = unitls_ctx_new(role);
    unitls_conn *conn = unitls_conn_new(ctx);
    struct outcome o;

    oc_init(&o, _i == 0 ? "ctx.immutable_client" : "ctx.immutable_server", "");
    oc_true(&o, "conn", conn != NULL);
    expect_frozen(&o, ctx);
    unitls_conn_free(conn);
    oc_status(&o, "after_conn_freed",
              unitls_ctx_set_verify_mode(ctx, UNITLS_VERIFY_NONE),
              UNITLS_E_STATE);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

void state_ctx_add(TCase *tc)
{
    tcase_add_test(tc, ctx_defaults);
    tcase_add_test(tc, ctx_versions);
    tcase_add_loop_test(tc, ctx_immutable, 0, 2);
}
