// Opens OpenBLAS on first use (see shim.h for why it is not linked).

#include "shim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct bs_blas_table table;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];
static int failed;

static void load(void) {
    static const char soname[] = "libopenblas.so.0";
    static const char package[] = "libopenblas0";
    void *handle = dlopen(soname, RTLD_LAZY | RTLD_LOCAL);
    if (!handle) {
        const char *error = dlerror();
        if (error && strstr(error, "cannot open shared object file") && strstr(error, soname)) {
            snprintf(failure, sizeof failure, "%s not found: install %s (apt-get install %s)", soname, package, package);
        } else {
            snprintf(failure, sizeof failure, "%s cannot be loaded (%s): reinstall %s (apt-get install --reinstall %s)",
                     soname, error ? error : "unknown error", package, package);
        }
        failed = 1;
        return;
    }
#define BS_BLAS_RESOLVE(name)                                                                      \
    *(void **)&table.name = dlsym(handle, #name);                                                  \
    if (!table.name) {                                                                             \
        snprintf(failure, sizeof failure, "%s has no %s: reinstall %s", soname, #name, package);   \
        failed = 1;                                                                                \
        dlclose(handle);                                                                           \
        return;                                                                                    \
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
    const char *why = bs_blas_load();
    if (why) {
        fprintf(stderr, "blendscope: %s\n", why);
        exit(70);
    }
    return &table;
}
