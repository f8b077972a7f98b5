/* Per-thread clean-up. wolfSSL built with FP_ECC and HAVE_THREAD_LS (as
 * Debian's is) keeps a per-thread cache of ECC fixed-point tables that only
 * wc_ecc_fp_free(), called by that same thread, releases: about a megabyte
 * per thread that ever did an ECC operation, leaked when the thread exits.
 * The provider frees it when a thread that used it for ECC work exits. */
#include "wolf.h"

#include <pthread.h>

#include <wolfssl/wolfcrypt/ecc.h>

static pthread_key_t thread_key;

static void on_thread_exit(void *value)
{
    (void)value;
#ifdef FP_ECC
    wc_ecc_fp_free();
#endif
}

int wolf_thread_init(void)
{
    return pthread_key_create(&thread_key, on_thread_exit) == 0
               ? UNITLS_OK
               : UNITLS_E_INTERNAL;
}

void wolf_thread_enter(void)
{
    if (pthread_getspecific(thread_key) == NULL)
        (void)pthread_setspecific(thread_key, &thread_key);
}
