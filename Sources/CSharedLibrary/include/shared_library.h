// Opening a C library on first use, shared by the loaders of OpenBLAS and cairo: one place
// says what a machine without the library (or with a broken one) is told.
#ifndef BLENDSCOPE_SHARED_LIBRARY_H
#define BLENDSCOPE_SHARED_LIBRARY_H

#include <stddef.h>

// dlopen(soname), or FOLDER/soname when the environment variable `folder_variable` (may be
// NULL) names a folder (tests point it at one without the library). On failure returns NULL
// and writes the message users read into `failure`: "not found: install PACKAGE" when the
// file is missing, "cannot be loaded (…): reinstall PACKAGE" otherwise.
void *bs_open_library(const char *soname, const char *package, const char *folder_variable,
                      char *failure, size_t size);

// dlsym(handle, symbol); on failure closes `handle`, writes "SONAME has no SYMBOL: ADVICE"
// into `failure` and returns NULL.
void *bs_resolve_symbol(void *handle, const char *symbol, const char *soname, const char *advice,
                        char *failure, size_t size);

// The library's table is needed now: when `why` is a message, prints it and exits with 70
// (EX_SOFTWARE's neighbour the loaders have always used), since no caller can go on.
void bs_require_library(const char *why);

#endif
