#ifndef BLENDSCOPE_CALSA_SHIM_H
#define BLENDSCOPE_CALSA_SHIM_H

// ALSA playback without linking libasound: only playing a clip's sound needs it, so
// `bs_alsa_load` opens libasound.so.2 with dlopen on first use (as CCairo does for cairo).
// ALSA rather than PulseAudio's simple API: it is on every Debian machine (libasound2), its
// `default` device reaches PulseAudio or PipeWire through their ALSA plugins where they run,
// and its `null` device lets tests play without a sound card. Swift calls these helpers.

#include <stddef.h>

/// Opens libasound.so.2 and resolves its functions, once per process (thread-safe). Returns
/// NULL on success, else why not ("libasound.so.2 not found: install libasound2 …").
const char *bs_alsa_load(void);

/// Opens `device` ("default", "null", "hw:0" …) for interleaved 32-bit float playback at `rate`
/// Hz with `channels` channels and about `latency_us` of buffering. On failure returns NULL and
/// writes why into `failure` (ALSA's own words, or the library message).
void *bs_alsa_open(const char *device, int rate, int channels, int latency_us, char *failure, size_t size);

/// Writes up to `frames` frames, blocking while the device's buffer is full, recovering once
/// from an underrun. Returns the frames written, or a negative ALSA error.
long bs_alsa_write(void *pcm, const float *samples, long frames);

/// Frames written but not yet heard (0 when the device cannot tell).
long bs_alsa_delay(void *pcm);

/// Stops at once, dropping what is buffered, and makes the device ready to play again.
void bs_alsa_drop(void *pcm);

/// Waits until everything written has been played.
void bs_alsa_drain(void *pcm);

void bs_alsa_close(void *pcm);

/// ALSA's text for an error code.
const char *bs_alsa_error(int code);

#endif
