// Opens libsixel on first use and does the encoding and decoding through its functions (see
// shim.h for why blendscope does not link it).

#include "shim.h"

#include "bands.h"

#include "shared_library.h"

#include <pthread.h>
#include <sixel/sixel.h>
#include <stdlib.h>
#include <string.h>

#define BS_SIXEL_FUNCTIONS(X)      \
    X(sixel_dither_new)            \
    X(sixel_dither_unref)          \
    X(sixel_dither_initialize)     \
    X(sixel_dither_get_palette)    \
    X(sixel_dither_get_num_of_palette_colors) \
    X(sixel_decode_raw)            \
    X(sixel_allocator_new)         \
    X(sixel_allocator_unref)       \
    X(sixel_allocator_free)        \
    X(sixel_helper_format_error)

static struct {
#define BS_SIXEL_FIELD(name) __typeof__(name) *name;
    BS_SIXEL_FUNCTIONS(BS_SIXEL_FIELD)
#undef BS_SIXEL_FIELD
} table;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[1024];
static int failed;

static void load(void) {
    static const char soname[] = "libsixel.so.1";
    // For tests only: BLENDSCOPE_SIXEL_DIR, a folder to look in instead of the loader's path.
    void *handle = bs_open_library(soname, "libsixel1", "BLENDSCOPE_SIXEL_DIR", failure, sizeof failure);
    if (!handle) {
        failed = 1;
        return;
    }
#define BS_SIXEL_RESOLVE(name)                                                                        \
    *(void **)&table.name = bs_resolve_symbol(handle, #name, soname,                                \
                                              "blendscope needs libsixel 1.8 or later (install libsixel1)", \
                                              failure, sizeof failure);                             \
    if (!table.name) {                                                                                \
        failed = 1;                                                                                   \
        return;                                                                                       \
    }
    BS_SIXEL_FUNCTIONS(BS_SIXEL_RESOLVE)
#undef BS_SIXEL_RESOLVE
}

const char *bs_sixel_load(void) {
    pthread_once(&once, load);
    return failed ? failure : NULL;
}

static const char *status_text(SIXELSTATUS status) {
    return table.sixel_helper_format_error(status);
}

const char *bs_sixel_encode(const unsigned char *rgb, int width, int height, int colors,
                            unsigned char **out, size_t *length) {
    const char *why = bs_sixel_load();
    if (why) return why;
    sixel_dither_t *dither = NULL;
    // libsixel takes non-const pixels but only reads them.
    unsigned char *pixels = (unsigned char *)rgb;
    SIXELSTATUS status = table.sixel_dither_new(&dither, colors, NULL);
    if (SIXEL_FAILED(status)) return status_text(status);
    // libsixel's median cut over a sample of the pixels (~2 ms for 1600×900); its encoder is
    // far too slow for a first frame (see bands.c), so the image is written by bands.c.
    status = table.sixel_dither_initialize(dither, pixels, width, height, SIXEL_PIXELFORMAT_RGB888,
                                           SIXEL_LARGE_AUTO, SIXEL_REP_AUTO, SIXEL_QUALITY_HIGH);
    const char *result = NULL;
    if (SIXEL_FAILED(status)) {
        result = status_text(status);
    } else {
        const unsigned char *palette = table.sixel_dither_get_palette(dither);
        int count = table.sixel_dither_get_num_of_palette_colors(dither);
        result = palette ? bs_sixel_write_bands(rgb, width, height, palette, count, out, length)
                         : "libsixel chose no palette";
    }
    table.sixel_dither_unref(dither);
    return result;
}

const char *bs_sixel_decode(const unsigned char *data, size_t length, unsigned char **rgb,
                            int *width, int *height) {
    const char *why = bs_sixel_load();
    if (why) return why;
    sixel_allocator_t *allocator = NULL;
    SIXELSTATUS status = table.sixel_allocator_new(&allocator, NULL, NULL, NULL, NULL);
    if (SIXEL_FAILED(status)) return status_text(status);
    unsigned char *indexed = NULL, *palette = NULL;
    int colors = 0;
    const char *result = NULL;
    status = table.sixel_decode_raw((unsigned char *)data, (int)length, &indexed, width, height,
                                    &palette, &colors, allocator);
    if (SIXEL_FAILED(status)) {
        result = status_text(status);
    } else {
        size_t count = (size_t)*width * (size_t)*height;
        unsigned char *pixels = malloc(count * 3);
        if (!pixels) {
            result = "out of memory while decoding sixel";
        } else {
            for (size_t i = 0; i < count; i++) {
                int entry = indexed[i] < colors ? indexed[i] : 0;
                memcpy(pixels + 3 * i, palette + 3 * entry, 3);
            }
            *rgb = pixels;
        }
    }
    if (indexed) table.sixel_allocator_free(allocator, indexed);
    if (palette) table.sixel_allocator_free(allocator, palette);
    table.sixel_allocator_unref(allocator);
    return result;
}

void bs_sixel_free(void *buffer) { free(buffer); }
