/* lib.caps: the key log and OCSP stapling setters answer by their bits,
 * UNITLS_OK with the bit, UNITLS_E_UNSUPPORTED without (cases_keylog.c and
 * cases_ocsp.c show that what answers UNITLS_OK works). Records
 * "<name>=<0|1>". */
#include <unitls/unitls.h>

#include "outcome.h"
#include "suites.h"

static void keylog_null(void *user, const unitls_conn *conn,
                        const char *line)
{
    (void)user;
    (void)conn;
    (void)line;
}

static int try_setter(uint32_t cap)
{
    static const unsigned char der[] = {0x30, 0x00};
    unitls_ctx *client = unitls_ctx_new(UNITLS_ROLE_CLIENT);
    unitls_ctx *server = unitls_ctx_new(UNITLS_ROLE_SERVER);
    int st;
    if (cap == UNITLS_CAP_KEYLOG)
        st = unitls_ctx_set_keylog_callback(client, keylog_null, NULL);
    else if (cap == UNITLS_CAP_OCSP_STAPLE)
        st = unitls_ctx_set_ocsp_response(server, der, sizeof(der));
    else
        st = unitls_ctx_set_ocsp_stapling(client, UNITLS_OCSP_REQUIRE);
    unitls_ctx_free(client);
    unitls_ctx_free(server);
    return st;
}

void keylog_ocsp_setters_match_caps(struct outcome *o, uint32_t caps)
{
    static const struct {
        const char *name;
        uint32_t cap;
    } bits[] = {{"keylog", UNITLS_CAP_KEYLOG},
                {"ocsp_staple", UNITLS_CAP_OCSP_STAPLE},
                {"ocsp_client", UNITLS_CAP_OCSP_CLIENT}};
    for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
        int has = (caps & bits[i].cap) != 0;
        int st = try_setter(bits[i].cap);
        oc_put(o, bits[i].name, "%d", has);
        if (st != (has ? UNITLS_OK : UNITLS_E_UNSUPPORTED))
            oc_fail(o, "%s: the setter answered %s with the bit %s",
                    bits[i].name, unitls_status_name(st),
                    has ? "set" : "clear");
    }
}
