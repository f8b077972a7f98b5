/* Memory the library hands to its callers. */
#include <stdlib.h>

#include <unitls/status.h>

UNITLS_API void unitls_free(void *ptr)
{
    free(ptr);
}
