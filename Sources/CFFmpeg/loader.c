// Opens FFmpeg on first use and resolves the table of functions the shim's trampolines call
// (see shim.h for why blendscope does not link FFmpeg).

#include "shim.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bs_libav_table bs_libav;

enum { BS_LIB_avformat, BS_LIB_avcodec, BS_LIB_swscale, BS_LIB_avutil, BS_LIB_swresample, BS_LIB_COUNT };

/// libavformat first: when FFmpeg is missing altogether, the library a user knows by name is
/// the one the message names. Its dependencies (libavcodec, libavutil …) load with it.
static const struct {
    const char *soname;
    const char *package;
} libraries[BS_LIB_COUNT] = {
    [BS_LIB_avformat] = {"libavformat.so.59", "libavformat59"},
    [BS_LIB_avcodec] = {"libavcodec.so.59", "libavcodec59"},
    [BS_LIB_swscale] = {"libswscale.so.6", "libswscale6"},
    [BS_LIB_avutil] = {"libavutil.so.57", "libavutil57"},
    // libavcodec depends on it already, so opening it maps nothing new (audio resampling).
    [BS_LIB_swresample] = {"libswresample.so.4", "libswresample4"},
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[1024];
static int failed;

/// The Debian package of one of our sonames, or NULL.
static const char *package_of(const char *soname) {
    for (int i = 0; i < BS_LIB_COUNT; i++) {
        if (strcmp(libraries[i].soname, soname) == 0) return libraries[i].package;
    }
    return NULL;
}

/// Turns dlerror's text into the message: which file is missing, and what to install.
static void explain_open_failure(int library, const char *error) {
    const char *soname = libraries[library].soname;
    const char *package = libraries[library].package;
    if (!error) error = "unknown error";
    // glibc: "PATH: cannot open shared object file: No such file or directory", where PATH is
    // the library asked for or the dependency that is missing.
    const char *marker = strstr(error, ": cannot open shared object file");
    if (marker) {
        char missing[PATH_MAX];
        size_t length = (size_t)(marker - error);
        if (length >= sizeof missing) length = sizeof missing - 1;
        memcpy(missing, error, length);
        missing[length] = '\0';
        const char *slash = strrchr(missing, '/');
        const char *base = slash ? slash + 1 : missing;
        const char *owner = package_of(base);
        if (owner) {
            snprintf(failure, sizeof failure, "%s not found: install %s (apt-get install %s)", base, owner, owner);
        } else {
            snprintf(failure, sizeof failure,
                     "%s cannot be loaded: it needs %s, which is missing "
                     "(apt-get install --reinstall %s brings back its dependencies)",
                     soname, base, package);
        }
        return;
    }
    snprintf(failure, sizeof failure, "%s cannot be loaded (%s): reinstall %s (apt-get install --reinstall %s)",
             soname, error, package, package);
}

static void load(void) {
    void *handles[BS_LIB_COUNT] = {0};
    const char *folder = getenv("BLENDSCOPE_LIBAV_DIR");
    for (int i = 0; i < BS_LIB_COUNT; i++) {
        char path[PATH_MAX];
        const char *name = libraries[i].soname;
        if (folder && *folder) {
            snprintf(path, sizeof path, "%s/%s", folder, name);
            name = path;
        }
        // Lazy binding: a process that shows one frame resolves only the functions it calls,
        // not every import of the whole dependency tree.
        handles[i] = dlopen(name, RTLD_LAZY | RTLD_LOCAL);
        if (!handles[i]) {
            explain_open_failure(i, dlerror());
            goto fail;
        }
    }

    struct bs_libav_table table;
#define BS_LIBAV_RESOLVE(library, name)                                                          \
    *(void **)&table.name = dlsym(handles[BS_LIB_##library], #name);                              \
    if (!table.name) {                                                                            \
        snprintf(failure, sizeof failure, "%s has no %s: blendscope needs FFmpeg 5.1 (install %s)", \
                 libraries[BS_LIB_##library].soname, #name, libraries[BS_LIB_##library].package); \
        goto fail;                                                                                \
    }
    BS_LIBAV_FUNCTIONS(BS_LIBAV_RESOLVE)
#undef BS_LIBAV_RESOLVE
    bs_libav = table;
    return;

fail:
    failed = 1;
    for (int i = 0; i < BS_LIB_COUNT; i++) {
        if (handles[i]) dlclose(handles[i]);
    }
}

const char *bs_libav_load(void) {
    pthread_once(&once, load);
    return failed ? failure : NULL;
}
