/* The conformance suites, one per area; main.c runs them. */
#ifndef CONF_SUITES_H
#define CONF_SUITES_H

#include <stdint.h>

#include <check.h>

Suite *suite_library(void);
Suite *suite_handshake(void);
Suite *suite_verify(void);
Suite *suite_clientcert(void);
Suite *suite_data(void);
Suite *suite_close(void);
Suite *suite_cert(void);
Suite *suite_hostname(void);
Suite *suite_badinput(void);
Suite *suite_nullargs(void);
Suite *suite_rawpeer(void);
Suite *suite_state(void);
Suite *suite_corpus(void);
Suite *suite_io(void);
Suite *suite_ciphers(void);
Suite *suite_hostile(void);
Suite *suite_renego(void);
Suite *suite_verifyctl(void);
Suite *suite_alpn(void);
Suite *suite_sni(void);
Suite *suite_mtls(void);
Suite *suite_groups(void);
Suite *suite_keylog(void);
Suite *suite_ocsp(void);
Suite *suite_psk(void);
Suite *suite_resume(void);

/* Parts of suites kept in their own files. */
void cert_fields_add(TCase *tc);
void cert_peer_add(TCase *tc);
void badinput_more_add(TCase *tc);
void state_ctx_add(TCase *tc);
void library_names_add(TCase *tc);
void resume_forged_add(TCase *tc);
void corpus_getters_add(TCase *tc);
void corpus_time_add(TCase *tc);
void corpus_pem_add(TCase *tc);
void corpus_der_add(TCase *tc);

/* lib.caps: the key log and OCSP setters answer by their capability bits
 * (cases_keylog.c). */
struct outcome;
void keylog_ocsp_setters_match_caps(struct outcome *o, uint32_t caps);

/* A test case with the suite's timeout (a safety net only). */
TCase *conf_tcase(const char *name);

/* Adds a loop test running `fn` once per row of a table of n rows. */
#define ADD_TABLE(tc, fn, table)                                             \
    tcase_add_loop_test((tc), (fn), 0,                                       \
                        (int)(sizeof(table) / sizeof((table)[0])))

#endif
