// The sixel image body, written band by band from a palette libsixel chose.
//
// libsixel's own encoder keeps, for every six-row band, a bit map of colours × width and sorts
// each colour's runs into a linked list: ~90 ms for a 1600×900 test card and ~650 ms for a
// photograph at 256 colours, where issue 17 wants the whole first frame in 40 ms. Here each
// band's pixels are filed by colour as they are read (one entry per colour and column, at most
// 6 × width a band), so the work follows the pixels rather than colours × width, and each
// colour's entries are then written with sixel's run-length form. The output is the same kind
// of image libsixel writes (its decoder reads it back in the tests).

#include "bands.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct out {
    unsigned char *bytes;
    size_t length, capacity;
};

/// Room for `more` bytes; 0 when memory ran out.
static int reserve(struct out *o, size_t more) {
    if (o->length + more <= o->capacity) return 1;
    size_t capacity = o->capacity ? o->capacity : 65536;
    while (capacity < o->length + more) capacity *= 2;
    unsigned char *grown = realloc(o->bytes, capacity);
    if (!grown) return 0;
    o->bytes = grown;
    o->capacity = capacity;
    return 1;
}

static inline void put(struct out *o, unsigned char c) { o->bytes[o->length++] = c; }

static inline void put_text(struct out *o, const char *text) {
    while (*text) put(o, (unsigned char)*text++);
}

/// At most 10 digits.
static inline void put_number(struct out *o, unsigned value) {
    char digits[10];
    int n = 0;
    do {
        digits[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value);
    while (n) put(o, (unsigned char)digits[--n]);
}

/// `count` copies of the sixel `c`, as `!count c` once that is shorter. At most 12 bytes.
static inline void put_run(struct out *o, unsigned char c, unsigned count) {
    if (count > 3) {
        put(o, '!');
        put_number(o, count);
        put(o, c);
    } else {
        while (count--) put(o, c);
    }
}

/// Bits kept of each channel to find a pixel's palette entry through the cache: 5, as
/// libsixel's own lookup does (32,768 entries, a few thousand filled for a frame).
#define CACHE_BITS 5
#define CACHE_SIZE (1 << (3 * CACHE_BITS))

/// The palette by channel, for `nearest`'s loops.
struct channels {
    int r[256], g[256], b[256];
};

/// The palette entry closest to (r, g, b): the distances in one pass and the smallest in
/// another, loops a compiler turns into vector code (a cache miss costs 256 distances).
static int nearest(const struct channels *palette, int colors, int r, int g, int b) {
    int distance[256];
    for (int i = 0; i < colors; i++) {
        int dr = r - palette->r[i], dg = g - palette->g[i], db = b - palette->b[i];
        distance[i] = dr * dr + dg * dg + db * db;
    }
    int closest = INT_MAX;
    for (int i = 0; i < colors; i++) closest = distance[i] < closest ? distance[i] : closest;
    for (int i = 0; i < colors; i++) {
        if (distance[i] == closest) return i;
    }
    return 0;
}

/// One band's pixels filed by colour: per colour a list of entries (a column and the band rows
/// it covers there, as sixel bits) in column order, and the colours in order of first use.
struct band_lists {
    int *column, *next;
    unsigned char *bits;
    int head[256], tail[256], last[256], order[256];
    int entries, used;
};

/// Files the rows `sixel` of column `x` as colour `c`'s next entry.
static inline void add_entry(struct band_lists *l, int c, int x, unsigned char sixel) {
    int e = l->entries++;
    l->column[e] = x;
    l->bits[e] = sixel;
    l->next[e] = -1;
    if (l->head[c] < 0) {
        l->head[c] = e;
        l->order[l->used++] = c;
    } else {
        l->next[l->tail[c]] = e;
    }
    l->tail[c] = e;
    l->last[c] = x;
}

const char *bs_sixel_write_bands(const unsigned char *rgb, int width, int height,
                                 const unsigned char *palette, int colors,
                                 unsigned char **out, size_t *length) {
    if (width <= 0 || height <= 0 || colors < 1 || colors > 256) return "no picture or palette to write as sixel";
    if ((size_t)width > (size_t)INT_MAX / 6) return "the picture is too wide for sixel";
    const int shift = 8 - CACHE_BITS, half = 1 << (shift - 1);
    // Per band: the six rows' palette indices, then one entry per colour and column (its
    // column, the rows it covers as sixel bits, the colour's next entry), and per colour its
    // first and last entry and the column it was last seen in.
    uint16_t *cache = calloc(CACHE_SIZE, sizeof *cache);
    unsigned char *band = malloc((size_t)width * 6);
    struct band_lists l;
    l.column = malloc((size_t)width * 6 * sizeof *l.column);
    l.next = malloc((size_t)width * 6 * sizeof *l.next);
    l.bits = malloc((size_t)width * 6);
    struct channels split;
    for (int c = 0; c < colors; c++) {
        split.r[c] = palette[3 * c];
        split.g[c] = palette[3 * c + 1];
        split.b[c] = palette[3 * c + 2];
    }
    struct out o = {0};
    const char *failure = NULL;
    if (!cache || !band || !l.column || !l.next || !l.bits || !reserve(&o, 64 + (size_t)colors * 20)) {
        failure = "out of memory while encoding sixel";
        goto done;
    }
    for (int c = 0; c < 256; c++) l.head[c] = l.last[c] = -1;

    // DCS, raster attributes (square pixels, the size), then the palette in percent.
    put_text(&o, "\x1bPq\"1;1;");
    put_number(&o, (unsigned)width);
    put(&o, ';');
    put_number(&o, (unsigned)height);
    for (int c = 0; c < colors; c++) {
        put(&o, '#');
        put_number(&o, (unsigned)c);
        put_text(&o, ";2;");
        for (int k = 0; k < 3; k++) {
            if (k) put(&o, ';');
            put_number(&o, (palette[3 * c + k] * 100u + 127u) / 255u);
        }
    }

    for (int top = 0; top < height; top += 6) {
        const int rows = height - top < 6 ? height - top : 6;
        for (int r = 0; r < rows; r++) {
            const unsigned char *p = rgb + (size_t)(top + r) * (size_t)width * 3;
            unsigned char *row = band + (size_t)r * (size_t)width;
            for (int x = 0; x < width; x++, p += 3) {
                unsigned key = (unsigned)(p[0] >> shift) << (2 * CACHE_BITS)
                             | (unsigned)(p[1] >> shift) << CACHE_BITS | (unsigned)(p[2] >> shift);
                unsigned entry = cache[key];
                if (!entry) {
                    // The cell's centre stands for every colour in it.
                    entry = 1u + (unsigned)nearest(&split, colors, (p[0] >> shift << shift) + half,
                                                   (p[1] >> shift << shift) + half, (p[2] >> shift << shift) + half);
                    cache[key] = (uint16_t)entry;
                }
                row[x] = (unsigned char)(entry - 1);
            }
        }

        l.entries = l.used = 0;
        const unsigned char full = (unsigned char)((1 << rows) - 1);
        for (int x = 0; x < width; x++) {
            // Most columns of a band are one colour (a face, a background): one entry.
            int first = band[x], same = 1;
            for (int r = 1; r < rows; r++) same &= band[(size_t)r * (size_t)width + (size_t)x] == first;
            if (same) {
                add_entry(&l, first, x, full);
                continue;
            }
            for (int r = 0; r < rows; r++) {
                int c = band[(size_t)r * (size_t)width + (size_t)x];
                if (l.last[c] == x) {
                    l.bits[l.tail[c]] |= (unsigned char)(1 << r);
                } else {
                    add_entry(&l, c, x, (unsigned char)(1 << r));
                }
            }
        }

        // Each entry writes at most a gap and a run (12 bytes each); each colour `$#ccc`.
        if (!reserve(&o, (size_t)l.entries * 24 + (size_t)l.used * 8 + 8)) {
            failure = "out of memory while encoding sixel";
            goto done;
        }
        if (top) put(&o, '-');
        for (int k = 0; k < l.used; k++) {
            int c = l.order[k];
            if (k) put(&o, '$');
            put(&o, '#');
            put_number(&o, (unsigned)c);
            int at = 0;
            for (int e = l.head[c]; e >= 0;) {
                int x = l.column[e];
                unsigned char b = l.bits[e];
                if (x > at) put_run(&o, '?', (unsigned)(x - at));
                int end = x + 1, f = l.next[e];
                while (f >= 0 && l.column[f] == end && l.bits[f] == b) {
                    end++;
                    f = l.next[f];
                }
                put_run(&o, (unsigned char)(63 + b), (unsigned)(end - x));
                at = end;
                e = f;
            }
            l.head[c] = l.last[c] = -1;
        }
    }
    if (!reserve(&o, 2)) {
        failure = "out of memory while encoding sixel";
        goto done;
    }
    put_text(&o, "\x1b\\");
    *out = o.bytes;
    *length = o.length;
    o.bytes = NULL;
done:
    free(o.bytes);
    free(cache);
    free(band);
    free(l.column);
    free(l.next);
    free(l.bits);
    return failure;
}
