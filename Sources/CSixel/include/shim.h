#ifndef BLENDSCOPE_CSIXEL_SHIM_H
#define BLENDSCOPE_CSIXEL_SHIM_H

// Sixel through Debian's libsixel without linking it: only a frame printed or played as sixel
// needs it, so `bs_sixel_load` opens libsixel.so.1 with dlopen on first use (as CCairo does
// for cairo). Swift calls the two helpers below, which do the whole encode or decode in C:
// libsixel chooses the palette and decodes; the image itself is written by bands.c, which is
// many times faster than libsixel's encoder.

#include <stddef.h>

/// Opens libsixel.so.1 and resolves its functions, once per process (thread-safe). Returns NULL
/// on success, else why not ("libsixel.so.1 not found: install libsixel1 …").
const char *bs_sixel_load(void);

/// Encodes packed RGB (`width × height × 3` bytes) as one sixel image (`ESC P q … ESC \`),
/// `colors` palette entries (2 … 256) chosen for this picture by libsixel's median cut, each
/// pixel in its nearest entry without error diffusion (it would make a playing video
/// shimmer). On success returns NULL and sets `*out`/`*length` to a malloc'ed buffer the
/// caller frees with `bs_sixel_free`; else returns the message.
const char *bs_sixel_encode(const unsigned char *rgb, int width, int height, int colors,
                            unsigned char **out, size_t *length);

/// Decodes sixel bytes back to packed RGB (for tests: what a terminal would draw).
const char *bs_sixel_decode(const unsigned char *data, size_t length, unsigned char **rgb,
                            int *width, int *height);

void bs_sixel_free(void *buffer);

#endif
