// Opens OpenBLAS on first use (see shim.h for why it is not linked).

#include "shim.h"

#include "shared_library.h"

#include <pthread.h>

static struct bs_blas_table table;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];
static int failed;

static void load(void) {
    static const char soname[] = "libopenblas.so.0";
    void *handle = bs_open_library(soname, "libopenblas0", NULL, failure, sizeof failure);
    if (!handle) {
        failed = 1;
        return;
    }
#define BS_BLAS_RESOLVE(name)                                                                              \
    *(void **)&table.name = bs_resolve_symbol(handle, #name, soname, "reinstall libopenblas0", failure,   \
                                              sizeof failure);                                           \
    if (!table.name) {                                                                                     \
        failed = 1;                                                                                        \
        return;                                                                                            \
    }
    BS_BLAS_RESOLVE(cblas_sgemm)
    BS_BLAS_RESOLVE(openblas_set_num_threads)
    BS_BLAS_RESOLVE(openblas_get_num_threads)
#undef BS_BLAS_RESOLVE
}

const char *bs_blas_load(void) {
    pthread_once(&once, load);
    return failed ? failure : NULL;
}

const struct bs_blas_table *bs_blas(void) {
    bs_require_library(bs_blas_load());
    return &table;
}
