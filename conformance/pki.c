#include "pki.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "outcome.h"

struct path pki_path(const char *name)
{
    struct path p;

    snprintf(p.s, sizeof(p.s), "%s/%s", conf.pki_dir, name);
    return p;
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;

    if (f == NULL)
        return NULL;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            char *grown = realloc(buf, cap = (cap + 4096) * 2);
            if (grown == NULL)
                break;
            buf = grown;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f) || buf == NULL) {
        free(buf);
        buf = NULL;
    } else {
        buf[n] = '\0';
        if (len != NULL)
            *len = n;
    }
    fclose(f);
    return buf;
}

char *pki_read(const char *name, size_t *len)
{
    return read_file(pki_path(name).s, len);
}

char *expected_json_in(const char *dir, const char *stem)
{
    char path[1200];
    size_t len = 0;
    char *json;

    snprintf(path, sizeof(path), "%s/expected/%s.json", dir, stem);
    json = read_file(path, &len);
    if (json != NULL && len > 0 && json[len - 1] == '\n')
        json[len - 1] = '\0';
    return json;
}

char *pki_expected_json(const char *stem)
{
    return expected_json_in(conf.pki_dir, stem);
}

unitls_cert *load_crt_in(struct outcome *o, const char *dir,
                         const char *stem)
{
    char path[1200];
    unitls_cert *cert = NULL;

    snprintf(path, sizeof(path), "%s/%s.crt", dir, stem);
    oc_status(o, "load", unitls_cert_load_file(path, &cert), UNITLS_OK);
    return cert;
}

void check_every_crt_listed(struct outcome *o, const char *dir,
                            int (*listed)(const char *file), size_t want)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t found = 0;

    oc_true(o, "opendir", d != NULL);
    while (d != NULL && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".crt") != 0)
            continue;
        found++;
        if (!listed(e->d_name))
            oc_fail(o, "%s has no case", e->d_name);
    }
    if (d != NULL)
        closedir(d);
    oc_int(o, "crt_files", (long long)found, (long long)want);
}

void conn_chain_cns(const unitls_conn *conn, int verified, char *buf,
                    size_t size)
{
    size_t n = verified ? unitls_conn_verified_chain_count(conn)
                        : unitls_conn_peer_chain_count(conn);
    size_t at = 0;
    char cn[128];

    snprintf(buf, size, "%s", n == 0 ? "-" : "");
    for (size_t i = 0; i < n && at < size; i++) {
        cert_cn(verified ? unitls_conn_verified_chain_cert(conn, i)
                         : unitls_conn_peer_chain_cert(conn, i),
                cn, sizeof(cn));
        at += (size_t)snprintf(buf + at, size - at, "%s%s", i ? "<" : "", cn);
    }
}

void cert_cn(const unitls_cert *cert, char *buf, size_t size)
{
    size_t rdns, i, j;

    snprintf(buf, size, "%s", cert == NULL ? "-" : "");
    if (cert == NULL)
        return;
    rdns = unitls_cert_rdn_count(cert, UNITLS_CERT_SUBJECT);
    for (i = 0; i < rdns; i++) {
        size_t attrs = unitls_cert_rdn_attr_count(cert, UNITLS_CERT_SUBJECT, i);
        for (j = 0; j < attrs; j++) {
            const char *type = NULL, *value = NULL;
            size_t vlen = 0;
            if (unitls_cert_rdn_attr(cert, UNITLS_CERT_SUBJECT, i, j, &type,
                                     &value, &vlen) == UNITLS_OK &&
                type != NULL && strcmp(type, "commonName") == 0)
                snprintf(buf, size, "%.*s", (int)vlen, value);
        }
    }
}

/* Appends `item` to a "[a,b" list under construction. */
static void list_append(char *buf, size_t size, const char *item)
{
    size_t used = strlen(buf);

    if (used + 1 < size)
        snprintf(buf + used, size - used, "%s%s", used > 1 ? "," : "", item);
}

static void list_close(char *buf, size_t size)
{
    size_t used = strlen(buf);

    if (used + 1 < size)
        snprintf(buf + used, size - used, "]");
}

void conn_verify_list(const unitls_conn *conn, char *buf, size_t size)
{
    size_t n = unitls_conn_verify_error_count(conn), i;
    char item[96];

    snprintf(buf, size, "[");
    for (i = 0; i < n; i++) {
        int depth = -2;
        unitls_verify_error err =
            unitls_conn_verify_error(conn, i, &depth, NULL);
        snprintf(item, sizeof(item), "%s@%d", unitls_verify_error_name(err),
                 depth);
        list_append(buf, size - 1, item);
    }
    list_close(buf, size);
}

void conn_verify_serials(const unitls_conn *conn, char *buf, size_t size)
{
    size_t n = unitls_conn_verify_error_count(conn), i;

    snprintf(buf, size, "[");
    for (i = 0; i < n; i++) {
        const unitls_cert *cert = NULL;
        unitls_conn_verify_error(conn, i, NULL, &cert);
        list_append(buf, size - 1,
                    cert != NULL ? unitls_cert_serial(cert) : "-");
    }
    list_close(buf, size);
}

uint64_t fnv1a64(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325u;

    while (len-- > 0) {
        h ^= *p++;
        h *= 0x100000001b3u;
    }
    return h;
}

void fill_pattern(unsigned char *buf, size_t len)
{
    uint32_t x = 0x2545F491u;
    size_t i;

    for (i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        buf[i] = (unsigned char)(x >> 24);
    }
}
