// Opens cairo on first use and resolves the table the shim's trampolines call (see shim.h for
// why blendscope does not link cairo).

#include "shim.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct bs_cairo_table table;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[1024];
static int failed;

static void load(void) {
    static const char soname[] = "libcairo.so.2";
    static const char package[] = "libcairo2";
    char path[PATH_MAX];
    const char *name = soname;
    // For tests only: a folder to look in instead of the loader's path (one without cairo
    // shows the message a machine without libcairo2 gives).
    const char *folder = getenv("BLENDSCOPE_CAIRO_DIR");
    if (folder && *folder) {
        snprintf(path, sizeof path, "%s/%s", folder, soname);
        name = path;
    }
    void *handle = dlopen(name, RTLD_LAZY | RTLD_LOCAL);
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
#define BS_CAIRO_RESOLVE(name)                                                                       \
    *(void **)&table.name = dlsym(handle, #name);                                                    \
    if (!table.name) {                                                                               \
        snprintf(failure, sizeof failure, "%s has no %s: blendscope needs cairo 1.16 (install %s)", \
                 soname, #name, package);                                                            \
        failed = 1;                                                                                  \
        dlclose(handle);                                                                             \
        return;                                                                                      \
    }
    BS_CAIRO_FUNCTIONS(BS_CAIRO_RESOLVE)
#undef BS_CAIRO_RESOLVE
}

const char *bs_cairo_load(void) {
    pthread_once(&once, load);
    return failed ? failure : NULL;
}

const struct bs_cairo_table *bs_cairo(void) {
    const char *why = bs_cairo_load();
    if (why) {
        fprintf(stderr, "blendscope: %s\n", why);
        exit(70);
    }
    return &table;
}
