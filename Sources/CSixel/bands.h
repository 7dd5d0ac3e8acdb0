#ifndef BLENDSCOPE_CSIXEL_BANDS_H
#define BLENDSCOPE_CSIXEL_BANDS_H

#include <stddef.h>

/// Writes packed RGB (`width × height × 3` bytes) as one sixel image (`ESC P q … ESC \`) in the
/// palette given (`colors` entries of R, G, B, 1 … 256), each pixel drawn in the palette's
/// nearest colour. On success returns NULL and sets `*out`/`*length` to a malloc'ed buffer;
/// else returns why not.
const char *bs_sixel_write_bands(const unsigned char *rgb, int width, int height,
                                 const unsigned char *palette, int colors,
                                 unsigned char **out, size_t *length);

#endif
