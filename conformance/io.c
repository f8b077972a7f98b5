#include "io.h"

#include <stdio.h>

int end_ok(const struct end *e)
{
    return e->conn != NULL && e->hs == UNITLS_OK;
}

int io_write_all(unitls_conn *conn, const void *buf, size_t len)
{
    const unsigned char *p = buf;
    int st = UNITLS_OK;

    while (len > 0) {
        size_t n = 0;
        st = unitls_conn_write(conn, p, len, &n);
        if (st != UNITLS_OK || n == 0)
            break;
        p += n;
        len -= n;
    }
    return st;
}

int io_read_exact(unitls_conn *conn, void *buf, size_t len, size_t *got)
{
    unsigned char *p = buf;
    int st = UNITLS_OK;

    *got = 0;
    while (*got < len) {
        size_t n = 0;
        st = unitls_conn_read(conn, p + *got, len - *got, &n);
        if (st != UNITLS_OK || n == 0)
            break;
        *got += n;
    }
    return st;
}

void io_expect_read(struct end *e, const char *key, int want, size_t want_n)
{
    unsigned char buf[64];
    size_t n = 12345;
    int st = unitls_conn_read(e->conn, buf, sizeof(buf), &n);

    oc_put(&e->o, key, "%s/%zu", oc_status_name(st), n);
    if (st != want || n != want_n)
        oc_fail(&e->o, "%s%s: got %s with %zu bytes, want %s with %zu",
                e->o.prefix, key, oc_status_name(st), n,
                oc_status_name(want), want_n);
}

void io_expect_close_notify(struct end *e)
{
    oc_int(&e->o, "peer_closed_before", unitls_conn_peer_closed(e->conn), 0);
    io_expect_read(e, "read", UNITLS_OK, 0);
    oc_int(&e->o, "peer_closed", unitls_conn_peer_closed(e->conn), 1);
    io_expect_read(e, "read_again", UNITLS_OK, 0);
}

void io_expect_shutdown(struct end *e, const char *key)
{
    oc_status(&e->o, key, unitls_conn_shutdown(e->conn), UNITLS_OK);
}
