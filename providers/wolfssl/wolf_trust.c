/* Trust anchors: DER certificates, OpenSSL hashed directories, the system
 * store. */
#include "wolf.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

int wolf_ctx_add_trust_der(unitls_ctx *ctx, const unsigned char *der,
                           size_t len)
{
    if (len > INT_MAX)
        return ut_ctx_fail(ctx, UNITLS_E_PARSE, "certificate too large");
    int ret = wolfSSL_CTX_load_verify_buffer(wolf_ctx(ctx), der, (long)len,
                                             WOLFSSL_FILETYPE_ASN1);
    if (ret != WOLFSSL_SUCCESS) {
        char reason[WOLFSSL_MAX_ERROR_SZ];
        wolfSSL_ERR_error_string_n((unsigned long)ret, reason,
                                   sizeof(reason));
        return ut_ctx_fail(ctx, UNITLS_E_PARSE,
                           "wolfssl rejected the trust anchor (wolfssl: %d "
                           "%s)",
                           ret, reason);
    }
    return UNITLS_OK;
}

/* OpenSSL's hashed layout names each CA file HHHHHHHH.N: eight hex digits
 * of the subject hash, a dot, a decimal sequence number. (".rN" files hold
 * CRLs and are not trust anchors.) */
static int is_hashed_name(const char *name)
{
    size_t i = 0;
    for (; i < 8; i++) {
        char c = name[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return 0;
    }
    if (name[i++] != '.' || name[i] == '\0')
        return 0;
    for (; name[i] != '\0'; i++)
        if (name[i] < '0' || name[i] > '9')
            return 0;
    return 1;
}

/*
 * OpenSSL looks certificates up in a hashed directory by the subject hash,
 * when it needs one; wolfSSL's own directory loader reads every file of the
 * directory instead (the hashed files and anything else there). To trust
 * exactly what OpenSSL would, the provider loads the hashed files itself,
 * now. Files OpenSSL could not use (not PEM certificates) are skipped, as
 * OpenSSL's lookup skips them. Difference left: files added to the
 * directory later are not seen.
 */
int wolf_ctx_load_trust_dir(unitls_ctx *ctx, const char *path)
{
    DIR *dir = opendir(path);
    if (dir == NULL)
        return ut_ctx_fail(ctx, UNITLS_E_FILE, "%s: cannot open directory",
                           path);
    struct dirent *entry;
    char file[PATH_MAX];
    while ((entry = readdir(dir)) != NULL) {
        if (!is_hashed_name(entry->d_name))
            continue;
        int n = snprintf(file, sizeof(file), "%s/%s", path, entry->d_name);
        if (n < 0 || (size_t)n >= sizeof(file))
            continue;
        (void)wolfSSL_CTX_load_verify_locations(wolf_ctx(ctx), file, NULL);
    }
    closedir(dir);
    wolfSSL_ERR_clear_error();
    return UNITLS_OK;
}

int wolf_ctx_load_system_trust(unitls_ctx *ctx)
{
#ifdef WOLFSSL_SYS_CA_CERTS
    int ret = wolfSSL_CTX_load_system_CA_certs(wolf_ctx(ctx));
    wolfSSL_ERR_clear_error();
    if (ret != WOLFSSL_SUCCESS)
        return ut_ctx_fail(ctx, UNITLS_E_FILE,
                           "wolfssl found no system trust store");
    return UNITLS_OK;
#else
    return ut_ctx_fail(ctx, UNITLS_E_UNSUPPORTED,
                       "this wolfSSL is built without system CA support");
#endif
}
