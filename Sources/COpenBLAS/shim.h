#ifndef BLENDSCOPE_COPENBLAS_SHIM_H
#define BLENDSCOPE_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
