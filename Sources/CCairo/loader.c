// Opens cairo on first use and resolves the table the shim's trampolines call (see shim.h for
// why blendscope does not link cairo).

#include "shim.h"

#include "shared_library.h"

#include <pthread.h>

static struct bs_cairo_table table;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[1024];
static int failed;

static void load(void) {
    static const char soname[] = "libcairo.so.2";
    // For tests only: BLENDSCOPE_CAIRO_DIR, a folder to look in instead of the loader's path
    // (one without cairo shows the message a machine without libcairo2 gives).
    void *handle = bs_open_library(soname, "libcairo2", "BLENDSCOPE_CAIRO_DIR", failure, sizeof failure);
    if (!handle) {
        failed = 1;
        return;
    }
#define BS_CAIRO_RESOLVE(name)                                                                             \
    *(void **)&table.name = bs_resolve_symbol(handle, #name, soname,                                     \
                                              "blendscope needs cairo 1.16 (install libcairo2)", failure, \
                                              sizeof failure);                                           \
    if (!table.name) {                                                                                     \
        failed = 1;                                                                                        \
        return;                                                                                            \
    }
    BS_CAIRO_FUNCTIONS(BS_CAIRO_RESOLVE)
#undef BS_CAIRO_RESOLVE
}

const char *bs_cairo_load(void) {
    pthread_once(&once, load);
    return failed ? failure : NULL;
}

const struct bs_cairo_table *bs_cairo(void) {
    bs_require_library(bs_cairo_load());
    return &table;
}
