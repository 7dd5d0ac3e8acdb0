#ifndef BLENDSCOPE_COPENBLAS_SHIM_H
#define BLENDSCOPE_COPENBLAS_SHIM_H

// OpenBLAS without linking it, as CFFmpeg does for FFmpeg. Linked, it cost every blendscope
// process at start, measured on this 2-core machine with a C program that only prints
// (`--no-as-needed -lopenblas` against none, medians of 21 runs): +2.5 ms of CPU (1.2 → 3.6 ms;
// its constructor probes the CPU, allocates its buffers and starts a thread per core, and
// libgfortran and libquadmath come with it) and +3.2 MB of peak memory (1.3 → 4.5 MB). Only
// training and inference use it, so it is opened with dlopen on the first call below.
//
// Each function the engine calls is renamed while cblas.h declares it, then defined again under
// its own name as a trampoline that loads the library once and calls through a table.

#define cblas_sgemm bs_blas_decl_cblas_sgemm
#define openblas_set_num_threads bs_blas_decl_openblas_set_num_threads
#define openblas_get_num_threads bs_blas_decl_openblas_get_num_threads
#include <cblas.h>
#undef cblas_sgemm
#undef openblas_set_num_threads
#undef openblas_get_num_threads

struct bs_blas_table {
    __typeof__(bs_blas_decl_cblas_sgemm) *cblas_sgemm;
    __typeof__(bs_blas_decl_openblas_set_num_threads) *openblas_set_num_threads;
    __typeof__(bs_blas_decl_openblas_get_num_threads) *openblas_get_num_threads;
};

/// Opens libopenblas.so.0 and resolves the table, once per process (thread-safe). Returns NULL
/// on success, else why not (the library missing and the Debian package to install).
const char *bs_blas_load(void);

/// The table, loaded: a process that cannot load OpenBLAS stops here with `bs_blas_load`'s
/// message on stderr (exit status 70); nothing in it can train without BLAS.
const struct bs_blas_table *bs_blas(void);

static inline void cblas_sgemm(OPENBLAS_CONST enum CBLAS_ORDER Order, OPENBLAS_CONST enum CBLAS_TRANSPOSE TransA,
                               OPENBLAS_CONST enum CBLAS_TRANSPOSE TransB, OPENBLAS_CONST blasint M,
                               OPENBLAS_CONST blasint N, OPENBLAS_CONST blasint K, OPENBLAS_CONST float alpha,
                               OPENBLAS_CONST float *A, OPENBLAS_CONST blasint lda, OPENBLAS_CONST float *B,
                               OPENBLAS_CONST blasint ldb, OPENBLAS_CONST float beta, float *C,
                               OPENBLAS_CONST blasint ldc) {
    bs_blas()->cblas_sgemm(Order, TransA, TransB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}
static inline void openblas_set_num_threads(int num_threads) { bs_blas()->openblas_set_num_threads(num_threads); }
static inline int openblas_get_num_threads(void) { return bs_blas()->openblas_get_num_threads(); }

#endif
