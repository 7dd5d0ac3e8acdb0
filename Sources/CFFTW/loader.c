// Opens FFTW on first use and runs the short-time transform through it (see shim.h for why
// blendscope does not link it).

#include "shim.h"

#include "shared_library.h"

#include <fftw3.h>
#include <math.h>
#include <pthread.h>
#include <string.h>

#define BS_FFTW_FUNCTIONS(X) \
    X(fftwf_malloc)          \
    X(fftwf_free)            \
    X(fftwf_plan_dft_r2c_1d) \
    X(fftwf_execute_dft_r2c) \
    X(fftwf_destroy_plan)

static struct {
#define BS_FFTW_FIELD(name) __typeof__(name) *name;
    BS_FFTW_FUNCTIONS(BS_FFTW_FIELD)
#undef BS_FFTW_FIELD
} table;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_mutex_t planner = PTHREAD_MUTEX_INITIALIZER;
static char failure[1024];
static int failed;

static void load(void) {
    static const char soname[] = "libfftw3f.so.3";
    // For tests only: BLENDSCOPE_FFTW_DIR, a folder to look in instead of the loader's path.
    void *handle = bs_open_library(soname, "libfftw3-single3", "BLENDSCOPE_FFTW_DIR", failure, sizeof failure);
    if (!handle) {
        failed = 1;
        return;
    }
#define BS_FFTW_RESOLVE(name)                                                                   \
    *(void **)&table.name = bs_resolve_symbol(handle, #name, soname,                          \
                                              "blendscope needs FFTW 3 (install libfftw3-single3)", \
                                              failure, sizeof failure);                       \
    if (!table.name) {                                                                          \
        failed = 1;                                                                             \
        return;                                                                                 \
    }
    BS_FFTW_FUNCTIONS(BS_FFTW_RESOLVE)
#undef BS_FFTW_RESOLVE
}

const char *bs_fftw_load(void) {
    pthread_once(&once, load);
    return failed ? failure : NULL;
}

const char *bs_fftw_power_spectra(const float *samples, int count, int size, int hop, float *out) {
    const char *why = bs_fftw_load();
    if (why) return why;
    if (size < 2 || hop < 1) return "a spectrogram needs frames of at least 2 samples and a hop of at least 1";
    int bins = size / 2 + 1;
    float *input = table.fftwf_malloc(sizeof(float) * (size_t)size);
    fftwf_complex *output = table.fftwf_malloc(sizeof(fftwf_complex) * (size_t)bins);
    if (!input || !output) {
        if (input) table.fftwf_free(input);
        if (output) table.fftwf_free(output);
        return "out of memory for the spectrogram";
    }
    pthread_mutex_lock(&planner);
    // FFTW_ESTIMATE: no timing runs, so the first strip does not wait for the planner.
    fftwf_plan plan = table.fftwf_plan_dft_r2c_1d(size, input, output, FFTW_ESTIMATE);
    pthread_mutex_unlock(&planner);
    if (!plan) {
        table.fftwf_free(input);
        table.fftwf_free(output);
        return "FFTW could not plan the transform";
    }
    int frames = bs_fftw_frames(count, size, hop);
    for (int f = 0; f < frames; f++) {
        int start = f * hop;
        for (int i = 0; i < size; i++) {
            float window = 0.5f - 0.5f * cosf(2.0f * (float)M_PI * (float)i / (float)(size - 1));
            input[i] = start + i < count ? samples[start + i] * window : 0.0f;
        }
        table.fftwf_execute_dft_r2c(plan, input, output);
        float *row = out + (size_t)f * (size_t)bins;
        for (int k = 0; k < bins; k++) row[k] = output[k][0] * output[k][0] + output[k][1] * output[k][1];
    }
    pthread_mutex_lock(&planner);
    table.fftwf_destroy_plan(plan);
    pthread_mutex_unlock(&planner);
    table.fftwf_free(input);
    table.fftwf_free(output);
    return NULL;
}
