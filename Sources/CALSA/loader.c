// Opens ALSA on first use and plays through it (see shim.h for why blendscope does not link it).

#include "shim.h"

#include "shared_library.h"

#include <alsa/asoundlib.h>
#include <pthread.h>
#include <stdio.h>

#define BS_ALSA_FUNCTIONS(X) \
    X(snd_pcm_open)          \
    X(snd_pcm_set_params)    \
    X(snd_pcm_writei)        \
    X(snd_pcm_recover)       \
    X(snd_pcm_delay)         \
    X(snd_pcm_drop)          \
    X(snd_pcm_prepare)       \
    X(snd_pcm_drain)         \
    X(snd_pcm_close)         \
    X(snd_strerror)          \
    X(snd_lib_error_set_handler)

static struct {
#define BS_ALSA_FIELD(name) __typeof__(name) *name;
    BS_ALSA_FUNCTIONS(BS_ALSA_FIELD)
#undef BS_ALSA_FIELD
} table;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[1024];
static int failed;

/// ALSA prints its own errors to stderr, which would draw over the workbench's screen; every
/// failure reaches the caller as a message instead.
static void quiet(const char *file, int line, const char *function, int err, const char *fmt, ...) {
    (void)file; (void)line; (void)function; (void)err; (void)fmt;
}

static void load(void) {
    static const char soname[] = "libasound.so.2";
    // For tests only: BLENDSCOPE_ALSA_DIR, a folder to look in instead of the loader's path.
    void *handle = bs_open_library(soname, "libasound2", "BLENDSCOPE_ALSA_DIR", failure, sizeof failure);
    if (!handle) {
        failed = 1;
        return;
    }
#define BS_ALSA_RESOLVE(name)                                                                  \
    *(void **)&table.name = bs_resolve_symbol(handle, #name, soname,                         \
                                              "blendscope needs ALSA 1.x (install libasound2)", \
                                              failure, sizeof failure);                      \
    if (!table.name) {                                                                         \
        failed = 1;                                                                            \
        return;                                                                                \
    }
    BS_ALSA_FUNCTIONS(BS_ALSA_RESOLVE)
#undef BS_ALSA_RESOLVE
    table.snd_lib_error_set_handler(quiet);
}

const char *bs_alsa_load(void) {
    pthread_once(&once, load);
    return failed ? failure : NULL;
}

void *bs_alsa_open(const char *device, int rate, int channels, int latency_us, char *why, size_t size) {
    const char *missing = bs_alsa_load();
    if (missing) {
        snprintf(why, size, "%s", missing);
        return NULL;
    }
    snd_pcm_t *pcm = NULL;
    int status = table.snd_pcm_open(&pcm, device, SND_PCM_STREAM_PLAYBACK, 0);
    if (status < 0) {
        snprintf(why, size, "cannot open the ALSA device %s: %s", device, table.snd_strerror(status));
        return NULL;
    }
    status = table.snd_pcm_set_params(pcm, SND_PCM_FORMAT_FLOAT_LE, SND_PCM_ACCESS_RW_INTERLEAVED,
                                      (unsigned)channels, (unsigned)rate, 1, (unsigned)latency_us);
    if (status < 0) {
        snprintf(why, size, "the ALSA device %s cannot play %d Hz float audio: %s", device, rate,
                 table.snd_strerror(status));
        table.snd_pcm_close(pcm);
        return NULL;
    }
    return pcm;
}

long bs_alsa_write(void *pcm, const float *samples, long frames) {
    snd_pcm_sframes_t written = table.snd_pcm_writei(pcm, samples, (snd_pcm_uframes_t)frames);
    if (written < 0) {
        int recovered = table.snd_pcm_recover(pcm, (int)written, 1);
        if (recovered < 0) return recovered;
        written = table.snd_pcm_writei(pcm, samples, (snd_pcm_uframes_t)frames);
    }
    return (long)written;
}

long bs_alsa_delay(void *pcm) {
    snd_pcm_sframes_t delay = 0;
    if (table.snd_pcm_delay(pcm, &delay) < 0 || delay < 0) return 0;
    return (long)delay;
}

void bs_alsa_drop(void *pcm) {
    table.snd_pcm_drop(pcm);
    table.snd_pcm_prepare(pcm);
}

void bs_alsa_drain(void *pcm) { table.snd_pcm_drain(pcm); }

void bs_alsa_close(void *pcm) { table.snd_pcm_close(pcm); }

const char *bs_alsa_error(int code) {
    return bs_alsa_load() ? "ALSA is not loaded" : table.snd_strerror(code);
}
