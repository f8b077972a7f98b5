/* The key log (issue 8): what a handshake logs, in the NSS key log format,
 * checked against the wire (the ClientHello's random, captured through
 * callback I/O) and against a real decryption of an application record by
 * a separate program on the system's libcrypto; the file (0600, appended,
 * whole lines); and that nothing is logged unless asked, SSLKEYLOGFILE
 * included. Without UNITLS_CAP_KEYLOG every case checks that the setters
 * answer UNITLS_E_UNSUPPORTED instead. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"
#include "keylog_lines.h"
#include "memlink.h"
#include "peerproc.h"
#include "pki.h"
#include "suites.h"

#ifndef UT_KEYLOG_DECRYPT
#error "UT_KEYLOG_DECRYPT (the path of keylog_decrypt) is set by CMakeLists.txt"
#endif

static const char *const tls13_labels[] = {
    "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
    "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET"};
static const char *const tls12_labels[] = {"CLIENT_RANDOM"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Without the bit: both setters refuse. Returns 1 when the bit is set. */
static int keylog_supported(struct outcome *o)
{
    if (unitls_provider_has(UNITLS_CAP_KEYLOG))
        return 1;
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    oc_status(o, "set_callback",
              unitls_ctx_set_keylog_callback(ctx, keylog_collect, NULL),
              UNITLS_E_UNSUPPORTED);
    oc_status(o, "set_file", unitls_ctx_set_keylog_file(ctx, "/dev/null"),
              UNITLS_E_UNSUPPORTED);
    unitls_ctx_free(ctx);
    return 0;
}

/* A client and a server logging to their own lines. */
struct logged {
    unitls_ctx *cctx, *sctx;
    struct memlink l;
    struct keylog_lines c, s;
};

/* Both ends at `version`, the client offering only `suite13` if not NULL;
 * records the set-up and the handshake. Returns 1 when it succeeded. */
static int logged_run(struct logged *g, struct outcome *o, int version,
                      const char *suite13)
{
    memset(g, 0, sizeof(*g));
    g->cctx = memlink_client_ctx();
    g->sctx = memlink_server_ctx();
    oc_true(o, "contexts", g->cctx != NULL && g->sctx != NULL);
    if (g->cctx == NULL || g->sctx == NULL)
        return 0;
    oc_status(o, "set_versions",
              unitls_ctx_set_versions(g->cctx, version, version), UNITLS_OK);
    if (suite13 != NULL)
        oc_status(o, "set_suites",
                  unitls_ctx_set_tls13_suites(g->cctx, suite13), UNITLS_OK);
    oc_status(o, "c.set_callback",
              unitls_ctx_set_keylog_callback(g->cctx, keylog_collect, &g->c),
              UNITLS_OK);
    oc_status(o, "s.set_callback",
              unitls_ctx_set_keylog_callback(g->sctx, keylog_collect, &g->s),
              UNITLS_OK);
    int opened = memlink_open(&g->l, g->cctx, g->sctx) == 0;
    oc_true(o, "open", opened);
    int ok = opened && memlink_handshake(&g->l);
    oc_status(o, "c.hs", g->l.client_hs, UNITLS_OK);
    oc_status(o, "s.hs", g->l.server_hs, UNITLS_OK);
    return ok;
}

static void logged_free(struct logged *g)
{
    memlink_free(&g->l);
    unitls_ctx_free(g->cctx);
    unitls_ctx_free(g->sctx);
}

/* One handshake: the client's lines checked against the wire, the
 * server's the same lines. */
static void logged_case(const char *id, int version, const char *suite13,
                        const char *cipher, size_t secret_len)
{
    struct outcome o;
    struct logged g;
    int tls13 = version == UNITLS_TLS1_3;
    oc_init(&o, id, "");
    if (!keylog_supported(&o)) {
        oc_finish(&o);
        return;
    }
    if (logged_run(&g, &o, version, suite13)) {
        oc_str(&o, "cipher", unitls_conn_cipher(g.l.client), cipher);
        keylog_check(&o, &g.c, memlink_client_random(&g.l),
                     tls13 ? tls13_labels : tls12_labels,
                     tls13 ? COUNT(tls13_labels) : COUNT(tls12_labels),
                     secret_len);
        oc_true(&o, "server_logs_the_same", keylog_same(&g.c, &g.s));
    }
    logged_free(&g);
    oc_finish(&o);
}

START_TEST(keylog_tls13)
{
    logged_case("keylog.tls13", UNITLS_TLS1_3, NULL,
                "TLS_AES_128_GCM_SHA256", 32);
}
END_TEST

START_TEST(keylog_tls12)
{
    logged_case("keylog.tls12", UNITLS_TLS1_2, NULL,
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", 48);
}
END_TEST

/* A SHA-384 suite: 48-byte secrets. Needs the TLS 1.3 suites to be
 * chosen (UNITLS_CAP_TLS13_SUITES). */
START_TEST(keylog_tls13_sha384)
{
    if (unitls_provider_has(UNITLS_CAP_TLS13_SUITES)) {
        logged_case("keylog.tls13_sha384", UNITLS_TLS1_3,
                    "TLS_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384", 48);
        return;
    }
    struct outcome o;
    oc_init(&o, "keylog.tls13_sha384", "");
    unitls_ctx *ctx = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    oc_status(&o, "set_suites",
              unitls_ctx_set_tls13_suites(ctx, "TLS_AES_256_GCM_SHA384"),
              UNITLS_E_UNSUPPORTED);
    unitls_ctx_free(ctx);
    oc_finish(&o);
}
END_TEST

/* The last field of a key log line (its secret). */
static const char *secret_of(const char *line)
{
    const char *s = line ? strrchr(line, ' ') : NULL;
    return s ? s + 1 : "";
}

/* Runs keylog_decrypt on `record` with `secret` (sequence number 0) and
 * returns its exit status, its line in out[size]. */
static int decrypt(const char *secret, const unsigned char *record,
                   size_t len, char *out, size_t size)
{
    char *hex = malloc(2 * len + 1);
    struct peerproc p;
    int st = -1;
    if (hex == NULL)
        return -1;
    for (size_t i = 0; i < len; i++)
        sprintf(hex + 2 * i, "%02x", record[i]);
    hex[2 * len] = '\0';
    char *argv[] = {(char *)UT_KEYLOG_DECRYPT, (char *)secret, hex,
                    (char *)"0", NULL};
    if (peerproc_start(&p, argv, STDERR_FILENO) == 0)
        st = peerproc_finish(&p, out, size, IO_TIMEOUT_SECONDS);
    free(hex);
    return st;
}

/* What Wireshark does with the log: the client's first application record,
 * taken from the wire, opens with the logged CLIENT_TRAFFIC_SECRET_0
 * (HKDF-Expand-Label, AES-128-GCM) and gives back what was sent; with
 * SERVER_TRAFFIC_SECRET_0 it does not. */
START_TEST(keylog_decrypt_tls13)
{
    static const char msg[] = "unitls key log check";
    char want[2 * sizeof(msg) + 16], line[512];
    struct outcome o;
    struct logged g;
    oc_init(&o, "keylog.decrypt_tls13", "");
    if (!keylog_supported(&o)) {
        oc_finish(&o);
        return;
    }
    if (logged_run(&g, &o, UNITLS_TLS1_3, NULL)) {
        oc_str(&o, "cipher", unitls_conn_cipher(g.l.client),
               "TLS_AES_128_GCM_SHA256");
        size_t at = g.l.c2s.len;
        oc_true(&o, "sent", memlink_client_send(&g.l, msg, strlen(msg)));
        const unsigned char *rec = g.l.c2s.buf + at;
        size_t len = g.l.c2s.len - at;
        strcpy(want, "plain=");
        for (size_t i = 0; i < strlen(msg); i++)
            sprintf(want + 6 + 2 * i, "%02x", (unsigned char)msg[i]);
        strcat(want, " type=23");
        int st = decrypt(secret_of(keylog_find(&g.c,
                                               "CLIENT_TRAFFIC_SECRET_0")),
                         rec, len, line, sizeof(line));
        oc_int(&o, "decrypt_exit", st, 0);
        oc_str(&o, "decrypted", line, want);
        decrypt(secret_of(keylog_find(&g.c, "SERVER_TRAFFIC_SECRET_0")), rec,
                len, line, sizeof(line));
        oc_str(&o, "wrong_secret", line, "auth=fail");
    }
    logged_free(&g);
    oc_finish(&o);
}
END_TEST

/* A fresh directory for a case's files; removed by tmp_done. */
struct tmp {
    char dir[64], file[96];
};

static int tmp_make(struct tmp *t, const char *name)
{
    snprintf(t->dir, sizeof(t->dir), "/tmp/unitls-keylog-XXXXXX");
    if (mkdtemp(t->dir) == NULL)
        return 0;
    snprintf(t->file, sizeof(t->file), "%s/%s", t->dir, name);
    return 1;
}

static void tmp_done(struct tmp *t)
{
    unlink(t->file);
    rmdir(t->dir);
}

/* One handshake of a client of ctx with a fresh server. */
static int handshake_with(unitls_ctx *cctx)
{
    struct memlink l;
    unitls_ctx *sctx = memlink_server_ctx();
    int ok = memlink_open(&l, cctx, sctx) == 0 && memlink_handshake(&l);
    memlink_free(&l);
    unitls_ctx_free(sctx);
    return ok;
}

/* The callback's lines, each followed by '\n', as the file must hold them. */
static void joined(const struct keylog_lines *k, char *out, size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; i < k->count; i++) {
        strncat(out, k->line[i], size - strlen(out) - 1);
        strncat(out, "\n", size - strlen(out) - 1);
    }
}

static void file_checks(struct outcome *o, const struct tmp *t)
{
    struct keylog_lines k = {0};
    char want[KEYLOG_LINES_MAX * KEYLOG_LINE_MAX];
    struct stat st;
    unitls_ctx *ctx = memlink_client_ctx();
    oc_status(o, "set_file", unitls_ctx_set_keylog_file(ctx, t->file),
              UNITLS_OK);
    oc_status(o, "set_callback",
              unitls_ctx_set_keylog_callback(ctx, keylog_collect, &k),
              UNITLS_OK);
    oc_true(o, "hs1", handshake_with(ctx));
    oc_true(o, "hs2", handshake_with(ctx));
    unitls_ctx_free(ctx);
    oc_int(o, "lines", (long long)k.count, 2 * (long long)COUNT(tls13_labels));
    joined(&k, want, sizeof(want));
    size_t len = 0;
    char *got = read_file(t->file, &len);
    oc_true(o, "file_is_the_lines", got != NULL && strcmp(got, want) == 0);
    oc_true(o, "mode_0600",
            stat(t->file, &st) == 0 && (st.st_mode & 0777) == 0600);
    /* A second context appends to what is there. */
    ctx = memlink_client_ctx();
    oc_status(o, "set_file_again", unitls_ctx_set_keylog_file(ctx, t->file),
              UNITLS_OK);
    oc_true(o, "hs3", handshake_with(ctx));
    unitls_ctx_free(ctx);
    size_t len2 = 0;
    char *after = read_file(t->file, &len2);
    oc_true(o, "appended", got != NULL && after != NULL &&
                               len2 == len + len / 2 &&
                               memcmp(after, got, len) == 0);
    free(got);
    free(after);
}

/* The file: exactly the callback's lines, '\n' after each; created 0600;
 * appended to by another context; turned off with NULL; refused when it
 * cannot be opened. */
START_TEST(keylog_file)
{
    struct outcome o;
    struct tmp t;
    oc_init(&o, "keylog.file", "");
    if (keylog_supported(&o) && tmp_make(&t, "keys.log")) {
        file_checks(&o, &t);
        unitls_ctx *ctx = memlink_client_ctx();
        oc_status(&o, "missing_dir",
                  unitls_ctx_set_keylog_file(ctx, "/nonexistent/unitls/k"),
                  UNITLS_E_FILE);
        oc_status(&o, "empty_path", unitls_ctx_set_keylog_file(ctx, ""),
                  UNITLS_E_INVALID_ARG);
        oc_status(&o, "set_then_off",
                  unitls_ctx_set_keylog_file(ctx, t.file) == UNITLS_OK
                      ? unitls_ctx_set_keylog_file(ctx, NULL)
                      : UNITLS_E_INTERNAL,
                  UNITLS_OK);
        struct stat before, after;
        stat(t.file, &before);
        oc_true(&o, "hs_off", handshake_with(ctx));
        oc_true(&o, "off_logs_nothing", stat(t.file, &after) == 0 &&
                                            after.st_size == before.st_size);
        unitls_ctx_free(ctx);
        tmp_done(&t);
    }
    oc_finish(&o);
}
END_TEST

/* Nothing is logged unless asked: SSLKEYLOGFILE is not read by the
 * library (Check runs each case in its own process). */
START_TEST(keylog_env_ignored)
{
    struct outcome o;
    struct tmp t;
    oc_init(&o, "keylog.env_ignored", "");
    if (tmp_make(&t, "env.log")) {
        setenv("SSLKEYLOGFILE", t.file, 1);
        unitls_ctx *ctx = memlink_client_ctx();
        oc_true(&o, "hs", handshake_with(ctx));
        unitls_ctx_free(ctx);
        oc_true(&o, "no_file", access(t.file, F_OK) != 0);
        unsetenv("SSLKEYLOGFILE");
        tmp_done(&t);
    }
    oc_finish(&o);
}
END_TEST

/* The setters' arguments and state. */
START_TEST(keylog_setters)
{
    struct outcome o;
    oc_init(&o, "keylog.setters", "");
    if (keylog_supported(&o)) {
        unitls_ctx *ctx = memlink_client_ctx();
        oc_status(&o, "null_ctx_file",
                  unitls_ctx_set_keylog_file(NULL, "/dev/null"),
                  UNITLS_E_INVALID_ARG);
        oc_status(&o, "null_ctx_callback",
                  unitls_ctx_set_keylog_callback(NULL, keylog_collect, NULL),
                  UNITLS_E_INVALID_ARG);
        oc_status(&o, "remove_callback",
                  unitls_ctx_set_keylog_callback(ctx, NULL, NULL), UNITLS_OK);
        unitls_conn *conn = unitls_conn_new(ctx);
        oc_status(&o, "in_use_file", unitls_ctx_set_keylog_file(ctx, NULL),
                  UNITLS_E_STATE);
        oc_status(&o, "in_use_callback",
                  unitls_ctx_set_keylog_callback(ctx, NULL, NULL),
                  UNITLS_E_STATE);
        unitls_conn_free(conn);
        unitls_ctx_free(ctx);
    }
    oc_finish(&o);
}
END_TEST

Suite *suite_keylog(void)
{
    Suite *s = suite_create("keylog");
    TCase *tc = conf_tcase("keylog");

    tcase_add_test(tc, keylog_tls13);
    tcase_add_test(tc, keylog_tls12);
    tcase_add_test(tc, keylog_tls13_sha384);
    tcase_add_test(tc, keylog_decrypt_tls13);
    tcase_add_test(tc, keylog_file);
    tcase_add_test(tc, keylog_env_ignored);
    tcase_add_test(tc, keylog_setters);
    suite_add_tcase(s, tc);
    return s;
}
