/* unitls-conformance: runs the conformance suites against the unitls built
 * in this tree and appends one line per case to the results file.
 *
 *   unitls-conformance --pki DIR --results FILE --provider NAME
 *                      [--suite NAME] [--reset]
 *
 * Without --suite every suite runs and the results file is truncated first.
 * With --suite only that suite runs and the file is appended to (CTest runs
 * one suite per test, after a --reset). The environment variables
 * UNITLS_PKI_DIR, UNITLS_RESULTS and UNITLS_EXPECT_PROVIDER are used for
 * options not given. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "suites.h"

struct conf conf;

static Suite *(*const all_suites[])(void) = {
    suite_library,  suite_handshake, suite_verify,   suite_clientcert,
    suite_data,     suite_close,     suite_cert,     suite_hostname,
    suite_badinput, suite_nullargs,  suite_rawpeer,  suite_state,
    suite_corpus,   suite_io,        suite_ciphers,  suite_hostile,
    suite_renego,   suite_verifyctl, suite_alpn,     suite_sni,
    suite_mtls,     suite_groups,    suite_keylog,   suite_ocsp,
    suite_psk,      suite_resume,
};

struct options {
    const char *suite;
    int reset;
};

TCase *conf_tcase(const char *name)
{
    TCase *tc = tcase_create(name);

    tcase_set_timeout(tc, CASE_TIMEOUT_SECONDS);
    return tc;
}

static int usage(void)
{
    fprintf(stderr, "usage: unitls-conformance --pki DIR --results FILE "
                    "--provider NAME [--suite NAME] [--reset]\n");
    return 2;
}

static int parse_args(int argc, char **argv, struct options *opt)
{
    int i;

    conf.pki_dir = getenv("UNITLS_PKI_DIR");
    conf.results = getenv("UNITLS_RESULTS");
    conf.provider = getenv("UNITLS_EXPECT_PROVIDER");
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--reset") == 0) {
            opt->reset = 1;
            continue;
        }
        if (v == NULL)
            return -1;
        if (strcmp(a, "--pki") == 0)
            conf.pki_dir = v;
        else if (strcmp(a, "--results") == 0)
            conf.results = v;
        else if (strcmp(a, "--provider") == 0)
            conf.provider = v;
        else if (strcmp(a, "--suite") == 0)
            opt->suite = v;
        else
            return -1;
        i++;
    }
    return conf.pki_dir != NULL && conf.provider != NULL ? 0 : -1;
}

static int truncate_results(void)
{
    int fd;

    if (conf.results == NULL)
        return 0;
    fd = open(conf.results, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        perror(conf.results);
        return -1;
    }
    close(fd);
    return 0;
}

static int run(const char *suite)
{
    SRunner *sr = srunner_create(NULL);
    size_t i;
    int failed, ran;

    for (i = 0; i < sizeof(all_suites) / sizeof(all_suites[0]); i++)
        srunner_add_suite(sr, all_suites[i]());
    srunner_run(sr, suite, NULL, CK_ENV);
    failed = srunner_ntests_failed(sr);
    ran = srunner_ntests_run(sr);
    srunner_free(sr);
    if (ran == 0) {
        fprintf(stderr, "no test ran (unknown suite \"%s\"?)\n",
                suite != NULL ? suite : "");
        return 1;
    }
    return failed == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    struct options opt = {NULL, 0};

    if (parse_args(argc, argv, &opt) != 0)
        return usage();
    if ((opt.reset || opt.suite == NULL) && truncate_results() != 0)
        return 1;
    if (opt.reset)
        return 0;
    return run(opt.suite);
}
