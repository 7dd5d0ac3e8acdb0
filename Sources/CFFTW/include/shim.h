#ifndef BLENDSCOPE_CFFTW_SHIM_H
#define BLENDSCOPE_CFFTW_SHIM_H

// FFTW (single precision, Debian's libfftw3-single3) without linking it: only a spectrogram
// needs it, so `bs_fftw_load` opens libfftw3f.so.3 with dlopen on first use, as CCairo does for
// cairo. Swift calls one helper that does the whole short-time transform in C.

/// Opens libfftw3f.so.3 and resolves its functions, once per process (thread-safe). Returns
/// NULL on success, else why not ("libfftw3f.so.3 not found: install libfftw3-single3 …").
const char *bs_fftw_load(void);

/// Power spectra of `count` samples: frames of `size` samples (a power of two is fastest)
/// every `hop` samples, each under a Hann window, the last one zero-padded. Writes
/// `frames × (size / 2 + 1)` values |X(k)|² into `out`, which has room for
/// `bs_fftw_frames(count, size, hop) × (size / 2 + 1)` floats. Returns NULL or why not.
/// Plans are made under a lock (FFTW's planner is not thread-safe).
const char *bs_fftw_power_spectra(const float *samples, int count, int size, int hop, float *out);

/// How many frames `bs_fftw_power_spectra` writes: at least one for any non-empty input.
static inline int bs_fftw_frames(int count, int size, int hop) {
    if (count <= 0) return 0;
    if (count <= size) return 1;
    return 1 + (count - size + hop - 1) / hop;
}

#endif
