/* NULL (and otherwise invalid) arguments to every public function that
 * takes pointers: UNITLS_E_INVALID_ARG, or the NULL / "" / 0 / -1 answer
 * the header documents. Nothing may crash. */
#include <stdio.h>
#include <string.h>

#include "outcome.h"
#include "pki.h"
#include "suites.h"

/* Records `call` under `key` in the case's outcome `o` and expects
 * UNITLS_E_INVALID_ARG. */
#define SUBJ UNITLS_CERT_SUBJECT
#define INVALID(key, call) oc_status(&o, key, (call), UNITLS_E_INVALID_ARG)

START_TEST(null_cert)
{
    struct outcome o;
    struct path crt = pki_path("server.crt");
    unitls_cert *c = NULL, *out = (unitls_cert *)1;
    const char *t, *v;
    char *s;
    size_t n;

    oc_init(&o, "null.cert", "");
    oc_status(&o, "load_ok", unitls_cert_load_file(crt.s, &c), UNITLS_OK);
    INVALID("from_der_null", unitls_cert_from_der(NULL, 10, &out));
    oc_true(&o, "from_der_null_out", out == NULL);
    INVALID("from_der_out", unitls_cert_from_der("x", 1, NULL));
    INVALID("from_pem_null", unitls_cert_from_pem(NULL, 10, &out));
    INVALID("from_pem_out", unitls_cert_from_pem("x", 1, NULL));
    INVALID("load_file_null", unitls_cert_load_file(NULL, &out));
    INVALID("load_file_out", unitls_cert_load_file(crt.s, NULL));
    INVALID("to_pem_null", unitls_cert_to_pem(NULL, &s, &n));
    INVALID("to_pem_out", unitls_cert_to_pem(c, NULL, &n));
    INVALID("to_json_null", unitls_cert_to_json(NULL, &s, &n));
    INVALID("to_json_out", unitls_cert_to_json(c, NULL, &n));
    INVALID("to_text_null", unitls_cert_to_text(NULL, &s, &n));
    INVALID("to_text_out", unitls_cert_to_text(c, NULL, &n));
    INVALID("check_host_null_cert", unitls_cert_check_host(NULL, "localhost"));
    INVALID("check_host_null_name", unitls_cert_check_host(c, NULL));
    INVALID("check_host_empty", unitls_cert_check_host(c, ""));
    INVALID("rdn_attr_null", unitls_cert_rdn_attr(NULL, SUBJ, 0, 0, &t, &v, &n));
    INVALID("rdn_attr_type_out", unitls_cert_rdn_attr(c, SUBJ, 0, 0, NULL, &v, &n));
    INVALID("rdn_attr_value_out", unitls_cert_rdn_attr(c, SUBJ, 0, 0, &t, NULL, &n));
    INVALID("san_null", unitls_cert_san(NULL, 0, &t, &v, &n));
    INVALID("san_type_out", unitls_cert_san(c, 0, NULL, &v, &n));
    oc_status(&o, "with_len_null", unitls_cert_to_json(c, &s, NULL), UNITLS_OK);
    unitls_free(s);
    unitls_cert_free(NULL);
    unitls_free(NULL);
    unitls_cert_free(c);
    oc_finish(&o);
}
END_TEST

START_TEST(null_ctx)
{
    struct outcome o;
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_SERVER);
    struct path chain = pki_path("server-chain.pem");
    const char *crt = chain.s;

    oc_init(&o, "null.ctx", "");
    oc_true(&o, "ctx_new_bad_role", unitls_ctx_new((unitls_role)7) == NULL);
    oc_str(&o, "ctx_error_null", unitls_ctx_error(NULL), "");
    oc_str(&o, "ctx_error_fresh", unitls_ctx_error(ctx), "");
    INVALID("set_verify_mode_null", unitls_ctx_set_verify_mode(NULL, UNITLS_VERIFY_NONE));
    INVALID("set_verify_mode_bad",
            unitls_ctx_set_verify_mode(ctx, (unitls_verify_mode)9));
    INVALID("set_check_hostname_null", unitls_ctx_set_check_hostname(NULL, 1));
    INVALID("set_versions_null", unitls_ctx_set_versions(NULL, 0, 0));
    INVALID("load_verify_file_null_ctx", unitls_ctx_load_verify_file(NULL, crt));
    INVALID("load_verify_file_null_path", unitls_ctx_load_verify_file(ctx, NULL));
    INVALID("load_verify_mem_null_ctx", unitls_ctx_load_verify_mem(NULL, "x", 1));
    INVALID("load_verify_mem_null_data", unitls_ctx_load_verify_mem(ctx, NULL, 5));
    INVALID("load_verify_dir_null_ctx", unitls_ctx_load_verify_dir(NULL, crt));
    INVALID("load_system_trust_null", unitls_ctx_load_system_trust(NULL));
    INVALID("use_cert_file_null_ctx",
            unitls_ctx_use_certificate_file(NULL, crt, NULL, NULL));
    INVALID("use_cert_file_null_path",
            unitls_ctx_use_certificate_file(ctx, NULL, NULL, NULL));
    INVALID("use_cert_mem_null_ctx",
            unitls_ctx_use_certificate_mem(NULL, "x", 1, NULL, 0, NULL));
    INVALID("use_cert_mem_null_cert",
            unitls_ctx_use_certificate_mem(ctx, NULL, 5, NULL, 0, NULL));
    unitls_ctx_free(NULL);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

START_TEST(null_conn)
{
    struct outcome o;
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    unitls_conn *conn = unitls_conn_new(ctx);
    char buf[4];
    size_t n = 7;

    oc_init(&o, "null.conn", "");
    oc_true(&o, "conn_new_null", unitls_conn_new(NULL) == NULL);
    INVALID("set_fd_null", unitls_conn_set_fd(NULL, 0));
    INVALID("set_fd_negative", unitls_conn_set_fd(conn, -1));
    INVALID("set_server_name_null_conn", unitls_conn_set_server_name(NULL, "localhost"));
    INVALID("set_server_name_null", unitls_conn_set_server_name(conn, NULL));
    INVALID("set_server_name_empty", unitls_conn_set_server_name(conn, ""));
    INVALID("set_verify_name_null_conn", unitls_conn_set_verify_name(NULL, "localhost"));
    INVALID("set_verify_name_null", unitls_conn_set_verify_name(conn, NULL));
    INVALID("set_verify_name_empty", unitls_conn_set_verify_name(conn, ""));
    INVALID("handshake_null", unitls_conn_handshake(NULL));
    INVALID("read_null", unitls_conn_read(NULL, buf, sizeof(buf), &n));
    oc_int(&o, "read_null_nread", (long long)n, 0);
    INVALID("write_null", unitls_conn_write(NULL, buf, sizeof(buf), &n));
    INVALID("shutdown_null", unitls_conn_shutdown(NULL));
    oc_int(&o, "pending_null", (long long)unitls_conn_pending(NULL), 0);
    oc_int(&o, "peer_closed_null", unitls_conn_peer_closed(NULL), 0);
    oc_str(&o, "version_null", unitls_conn_version(NULL), NULL);
    oc_str(&o, "cipher_null", unitls_conn_cipher(NULL), NULL);
    oc_true(&o, "peer_cert_null", unitls_conn_peer_cert(NULL) == NULL);
    oc_int(&o, "verify_error_count_null",
           (long long)unitls_conn_verify_error_count(NULL), 0);
    oc_int(&o, "verify_error_null", unitls_conn_verify_error(NULL, 0, NULL, NULL), 0);
    oc_int(&o, "alert_received_null", unitls_conn_alert_received(NULL), -1);
    oc_int(&o, "alert_sent_null", unitls_conn_alert_sent(NULL), -1);
    oc_str(&o, "conn_error_null", unitls_conn_error(NULL), "");
    unitls_conn_free(NULL);
    unitls_conn_free(conn);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

Suite *suite_nullargs(void)
{
    Suite *s = suite_create("nullargs");
    TCase *tc = conf_tcase("nullargs");

    tcase_add_test(tc, null_cert);
    tcase_add_test(tc, null_ctx);
    tcase_add_test(tc, null_conn);
    suite_add_tcase(s, tc);
    return s;
}
