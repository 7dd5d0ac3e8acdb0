#include "shared_library.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *bs_open_library(const char *soname, const char *package, const char *folder_variable,
                      char *failure, size_t size) {
    char path[PATH_MAX];
    const char *name = soname;
    const char *folder = folder_variable ? getenv(folder_variable) : NULL;
    if (folder && *folder) {
        snprintf(path, sizeof path, "%s/%s", folder, soname);
        name = path;
    }
    void *handle = dlopen(name, RTLD_LAZY | RTLD_LOCAL);
    if (!handle) {
        const char *error = dlerror();
        if (error && strstr(error, "cannot open shared object file") && strstr(error, soname)) {
            snprintf(failure, size, "%s not found: install %s (apt-get install %s)", soname, package, package);
        } else {
            snprintf(failure, size, "%s cannot be loaded (%s): reinstall %s (apt-get install --reinstall %s)",
                     soname, error ? error : "unknown error", package, package);
        }
    }
    return handle;
}

void *bs_resolve_symbol(void *handle, const char *symbol, const char *soname, const char *advice,
                        char *failure, size_t size) {
    void *address = dlsym(handle, symbol);
    if (!address) {
        snprintf(failure, size, "%s has no %s: %s", soname, symbol, advice);
        dlclose(handle);
    }
    return address;
}

void bs_require_library(const char *why) {
    if (why) {
        fprintf(stderr, "blendscope: %s\n", why);
        exit(70);
    }
}
