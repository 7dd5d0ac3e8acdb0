#ifndef BLENDSCOPE_CCAIRO_SHIM_H
#define BLENDSCOPE_CCAIRO_SHIM_H

// cairo without linking it, as CFFmpeg and COpenBLAS do. Linked, libcairo.so.2 brings about 33
// shared libraries (fontconfig, freetype, pixman, png, X11/xcb …) into every blendscope process;
// only `blendscope figure` draws, so the library is opened with dlopen on its first use.
//
// Each function the renderer calls is renamed while cairo's headers declare it, then defined
// again under its own name as a trampoline that calls through a table. Call `bs_cairo_load`
// first (BlendFigures does, and turns its message into an error); a trampoline called without
// a loaded table stops the process with that message (exit status 70).

#define cairo_create bs_cairo_decl_cairo_create
#define cairo_destroy bs_cairo_decl_cairo_destroy
#define cairo_status bs_cairo_decl_cairo_status
#define cairo_status_to_string bs_cairo_decl_cairo_status_to_string
#define cairo_save bs_cairo_decl_cairo_save
#define cairo_restore bs_cairo_decl_cairo_restore
#define cairo_scale bs_cairo_decl_cairo_scale
#define cairo_translate bs_cairo_decl_cairo_translate
#define cairo_rotate bs_cairo_decl_cairo_rotate
#define cairo_set_source_rgb bs_cairo_decl_cairo_set_source_rgb
#define cairo_set_source_rgba bs_cairo_decl_cairo_set_source_rgba
#define cairo_set_line_width bs_cairo_decl_cairo_set_line_width
#define cairo_set_dash bs_cairo_decl_cairo_set_dash
#define cairo_set_line_cap bs_cairo_decl_cairo_set_line_cap
#define cairo_set_line_join bs_cairo_decl_cairo_set_line_join
#define cairo_set_antialias bs_cairo_decl_cairo_set_antialias
#define cairo_move_to bs_cairo_decl_cairo_move_to
#define cairo_line_to bs_cairo_decl_cairo_line_to
#define cairo_rectangle bs_cairo_decl_cairo_rectangle
#define cairo_arc bs_cairo_decl_cairo_arc
#define cairo_close_path bs_cairo_decl_cairo_close_path
#define cairo_new_path bs_cairo_decl_cairo_new_path
#define cairo_fill bs_cairo_decl_cairo_fill
#define cairo_fill_preserve bs_cairo_decl_cairo_fill_preserve
#define cairo_stroke bs_cairo_decl_cairo_stroke
#define cairo_paint bs_cairo_decl_cairo_paint
#define cairo_select_font_face bs_cairo_decl_cairo_select_font_face
#define cairo_set_font_size bs_cairo_decl_cairo_set_font_size
#define cairo_show_text bs_cairo_decl_cairo_show_text
#define cairo_text_extents bs_cairo_decl_cairo_text_extents
#define cairo_user_to_device bs_cairo_decl_cairo_user_to_device
#define cairo_device_to_user bs_cairo_decl_cairo_device_to_user
#define cairo_surface_destroy bs_cairo_decl_cairo_surface_destroy
#define cairo_surface_finish bs_cairo_decl_cairo_surface_finish
#define cairo_surface_status bs_cairo_decl_cairo_surface_status
#define cairo_image_surface_create bs_cairo_decl_cairo_image_surface_create
#define cairo_surface_write_to_png_stream bs_cairo_decl_cairo_surface_write_to_png_stream
#define cairo_pdf_surface_create_for_stream bs_cairo_decl_cairo_pdf_surface_create_for_stream
#define cairo_pdf_surface_set_metadata bs_cairo_decl_cairo_pdf_surface_set_metadata
#define cairo_svg_surface_create_for_stream bs_cairo_decl_cairo_svg_surface_create_for_stream
#define cairo_svg_surface_set_document_unit bs_cairo_decl_cairo_svg_surface_set_document_unit
#define cairo_image_surface_create_from_png_stream bs_cairo_decl_cairo_image_surface_create_from_png_stream
#define cairo_image_surface_get_data bs_cairo_decl_cairo_image_surface_get_data
#define cairo_image_surface_get_width bs_cairo_decl_cairo_image_surface_get_width
#define cairo_image_surface_get_height bs_cairo_decl_cairo_image_surface_get_height
#define cairo_image_surface_get_stride bs_cairo_decl_cairo_image_surface_get_stride
#define cairo_surface_flush bs_cairo_decl_cairo_surface_flush
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#include <cairo/cairo-svg.h>
#undef cairo_create
#undef cairo_destroy
#undef cairo_status
#undef cairo_status_to_string
#undef cairo_save
#undef cairo_restore
#undef cairo_scale
#undef cairo_translate
#undef cairo_rotate
#undef cairo_set_source_rgb
#undef cairo_set_source_rgba
#undef cairo_set_line_width
#undef cairo_set_dash
#undef cairo_set_line_cap
#undef cairo_set_line_join
#undef cairo_set_antialias
#undef cairo_move_to
#undef cairo_line_to
#undef cairo_rectangle
#undef cairo_arc
#undef cairo_close_path
#undef cairo_new_path
#undef cairo_fill
#undef cairo_fill_preserve
#undef cairo_stroke
#undef cairo_paint
#undef cairo_select_font_face
#undef cairo_set_font_size
#undef cairo_show_text
#undef cairo_text_extents
#undef cairo_user_to_device
#undef cairo_device_to_user
#undef cairo_surface_destroy
#undef cairo_surface_finish
#undef cairo_surface_status
#undef cairo_image_surface_create
#undef cairo_surface_write_to_png_stream
#undef cairo_pdf_surface_create_for_stream
#undef cairo_pdf_surface_set_metadata
#undef cairo_svg_surface_create_for_stream
#undef cairo_svg_surface_set_document_unit
#undef cairo_image_surface_create_from_png_stream
#undef cairo_image_surface_get_data
#undef cairo_image_surface_get_width
#undef cairo_image_surface_get_height
#undef cairo_image_surface_get_stride
#undef cairo_surface_flush

struct bs_cairo_table {
    __typeof__(bs_cairo_decl_cairo_create) *cairo_create;
    __typeof__(bs_cairo_decl_cairo_destroy) *cairo_destroy;
    __typeof__(bs_cairo_decl_cairo_status) *cairo_status;
    __typeof__(bs_cairo_decl_cairo_status_to_string) *cairo_status_to_string;
    __typeof__(bs_cairo_decl_cairo_save) *cairo_save;
    __typeof__(bs_cairo_decl_cairo_restore) *cairo_restore;
    __typeof__(bs_cairo_decl_cairo_scale) *cairo_scale;
    __typeof__(bs_cairo_decl_cairo_translate) *cairo_translate;
    __typeof__(bs_cairo_decl_cairo_rotate) *cairo_rotate;
    __typeof__(bs_cairo_decl_cairo_set_source_rgb) *cairo_set_source_rgb;
    __typeof__(bs_cairo_decl_cairo_set_source_rgba) *cairo_set_source_rgba;
    __typeof__(bs_cairo_decl_cairo_set_line_width) *cairo_set_line_width;
    __typeof__(bs_cairo_decl_cairo_set_dash) *cairo_set_dash;
    __typeof__(bs_cairo_decl_cairo_set_line_cap) *cairo_set_line_cap;
    __typeof__(bs_cairo_decl_cairo_set_line_join) *cairo_set_line_join;
    __typeof__(bs_cairo_decl_cairo_set_antialias) *cairo_set_antialias;
    __typeof__(bs_cairo_decl_cairo_move_to) *cairo_move_to;
    __typeof__(bs_cairo_decl_cairo_line_to) *cairo_line_to;
    __typeof__(bs_cairo_decl_cairo_rectangle) *cairo_rectangle;
    __typeof__(bs_cairo_decl_cairo_arc) *cairo_arc;
    __typeof__(bs_cairo_decl_cairo_close_path) *cairo_close_path;
    __typeof__(bs_cairo_decl_cairo_new_path) *cairo_new_path;
    __typeof__(bs_cairo_decl_cairo_fill) *cairo_fill;
    __typeof__(bs_cairo_decl_cairo_fill_preserve) *cairo_fill_preserve;
    __typeof__(bs_cairo_decl_cairo_stroke) *cairo_stroke;
    __typeof__(bs_cairo_decl_cairo_paint) *cairo_paint;
    __typeof__(bs_cairo_decl_cairo_select_font_face) *cairo_select_font_face;
    __typeof__(bs_cairo_decl_cairo_set_font_size) *cairo_set_font_size;
    __typeof__(bs_cairo_decl_cairo_show_text) *cairo_show_text;
    __typeof__(bs_cairo_decl_cairo_text_extents) *cairo_text_extents;
    __typeof__(bs_cairo_decl_cairo_user_to_device) *cairo_user_to_device;
    __typeof__(bs_cairo_decl_cairo_device_to_user) *cairo_device_to_user;
    __typeof__(bs_cairo_decl_cairo_surface_destroy) *cairo_surface_destroy;
    __typeof__(bs_cairo_decl_cairo_surface_finish) *cairo_surface_finish;
    __typeof__(bs_cairo_decl_cairo_surface_status) *cairo_surface_status;
    __typeof__(bs_cairo_decl_cairo_image_surface_create) *cairo_image_surface_create;
    __typeof__(bs_cairo_decl_cairo_surface_write_to_png_stream) *cairo_surface_write_to_png_stream;
    __typeof__(bs_cairo_decl_cairo_pdf_surface_create_for_stream) *cairo_pdf_surface_create_for_stream;
    __typeof__(bs_cairo_decl_cairo_pdf_surface_set_metadata) *cairo_pdf_surface_set_metadata;
    __typeof__(bs_cairo_decl_cairo_svg_surface_create_for_stream) *cairo_svg_surface_create_for_stream;
    __typeof__(bs_cairo_decl_cairo_svg_surface_set_document_unit) *cairo_svg_surface_set_document_unit;
    __typeof__(bs_cairo_decl_cairo_image_surface_create_from_png_stream) *cairo_image_surface_create_from_png_stream;
    __typeof__(bs_cairo_decl_cairo_image_surface_get_data) *cairo_image_surface_get_data;
    __typeof__(bs_cairo_decl_cairo_image_surface_get_width) *cairo_image_surface_get_width;
    __typeof__(bs_cairo_decl_cairo_image_surface_get_height) *cairo_image_surface_get_height;
    __typeof__(bs_cairo_decl_cairo_image_surface_get_stride) *cairo_image_surface_get_stride;
    __typeof__(bs_cairo_decl_cairo_surface_flush) *cairo_surface_flush;
};

/// Every function of the table, for the loader's dlsym loop.
#define BS_CAIRO_FUNCTIONS(X) \
    X(cairo_create) \
    X(cairo_destroy) \
    X(cairo_status) \
    X(cairo_status_to_string) \
    X(cairo_save) \
    X(cairo_restore) \
    X(cairo_scale) \
    X(cairo_translate) \
    X(cairo_rotate) \
    X(cairo_set_source_rgb) \
    X(cairo_set_source_rgba) \
    X(cairo_set_line_width) \
    X(cairo_set_dash) \
    X(cairo_set_line_cap) \
    X(cairo_set_line_join) \
    X(cairo_set_antialias) \
    X(cairo_move_to) \
    X(cairo_line_to) \
    X(cairo_rectangle) \
    X(cairo_arc) \
    X(cairo_close_path) \
    X(cairo_new_path) \
    X(cairo_fill) \
    X(cairo_fill_preserve) \
    X(cairo_stroke) \
    X(cairo_paint) \
    X(cairo_select_font_face) \
    X(cairo_set_font_size) \
    X(cairo_show_text) \
    X(cairo_text_extents) \
    X(cairo_user_to_device) \
    X(cairo_device_to_user) \
    X(cairo_surface_destroy) \
    X(cairo_surface_finish) \
    X(cairo_surface_status) \
    X(cairo_image_surface_create) \
    X(cairo_surface_write_to_png_stream) \
    X(cairo_pdf_surface_create_for_stream) \
    X(cairo_pdf_surface_set_metadata) \
    X(cairo_svg_surface_create_for_stream) \
    X(cairo_svg_surface_set_document_unit) \
    X(cairo_image_surface_create_from_png_stream) \
    X(cairo_image_surface_get_data) \
    X(cairo_image_surface_get_width) \
    X(cairo_image_surface_get_height) \
    X(cairo_image_surface_get_stride) \
    X(cairo_surface_flush)

/// Opens libcairo.so.2 and resolves the table, once per process (thread-safe). Returns NULL on
/// success, else why not (the library missing and the Debian package to install).
const char *bs_cairo_load(void);

/// The table, loaded; a process that cannot load cairo stops here with `bs_cairo_load`'s message.
const struct bs_cairo_table *bs_cairo(void);

static inline cairo_t *cairo_create(cairo_surface_t *target) { return bs_cairo()->cairo_create(target); }
static inline void cairo_destroy(cairo_t *cr) { bs_cairo()->cairo_destroy(cr); }
static inline cairo_status_t cairo_status(cairo_t *cr) { return bs_cairo()->cairo_status(cr); }
static inline const char *cairo_status_to_string(cairo_status_t status) { return bs_cairo()->cairo_status_to_string(status); }
static inline void cairo_save(cairo_t *cr) { bs_cairo()->cairo_save(cr); }
static inline void cairo_restore(cairo_t *cr) { bs_cairo()->cairo_restore(cr); }
static inline void cairo_scale(cairo_t *cr, double sx, double sy) { bs_cairo()->cairo_scale(cr, sx, sy); }
static inline void cairo_translate(cairo_t *cr, double tx, double ty) { bs_cairo()->cairo_translate(cr, tx, ty); }
static inline void cairo_rotate(cairo_t *cr, double angle) { bs_cairo()->cairo_rotate(cr, angle); }
static inline void cairo_set_source_rgb(cairo_t *cr, double red, double green, double blue) { bs_cairo()->cairo_set_source_rgb(cr, red, green, blue); }
static inline void cairo_set_source_rgba(cairo_t *cr, double red, double green, double blue, double alpha) { bs_cairo()->cairo_set_source_rgba(cr, red, green, blue, alpha); }
static inline void cairo_set_line_width(cairo_t *cr, double width) { bs_cairo()->cairo_set_line_width(cr, width); }
static inline void cairo_set_dash(cairo_t *cr, const double *dashes, int num_dashes, double offset) { bs_cairo()->cairo_set_dash(cr, dashes, num_dashes, offset); }
static inline void cairo_set_line_cap(cairo_t *cr, cairo_line_cap_t line_cap) { bs_cairo()->cairo_set_line_cap(cr, line_cap); }
static inline void cairo_set_line_join(cairo_t *cr, cairo_line_join_t line_join) { bs_cairo()->cairo_set_line_join(cr, line_join); }
static inline void cairo_set_antialias(cairo_t *cr, cairo_antialias_t antialias) { bs_cairo()->cairo_set_antialias(cr, antialias); }
static inline void cairo_move_to(cairo_t *cr, double x, double y) { bs_cairo()->cairo_move_to(cr, x, y); }
static inline void cairo_line_to(cairo_t *cr, double x, double y) { bs_cairo()->cairo_line_to(cr, x, y); }
static inline void cairo_rectangle(cairo_t *cr, double x, double y, double width, double height) { bs_cairo()->cairo_rectangle(cr, x, y, width, height); }
static inline void cairo_arc(cairo_t *cr, double xc, double yc, double radius, double angle1, double angle2) { bs_cairo()->cairo_arc(cr, xc, yc, radius, angle1, angle2); }
static inline void cairo_close_path(cairo_t *cr) { bs_cairo()->cairo_close_path(cr); }
static inline void cairo_new_path(cairo_t *cr) { bs_cairo()->cairo_new_path(cr); }
static inline void cairo_fill(cairo_t *cr) { bs_cairo()->cairo_fill(cr); }
static inline void cairo_fill_preserve(cairo_t *cr) { bs_cairo()->cairo_fill_preserve(cr); }
static inline void cairo_stroke(cairo_t *cr) { bs_cairo()->cairo_stroke(cr); }
static inline void cairo_paint(cairo_t *cr) { bs_cairo()->cairo_paint(cr); }
static inline void cairo_select_font_face(cairo_t *cr, const char *family, cairo_font_slant_t slant, cairo_font_weight_t weight) { bs_cairo()->cairo_select_font_face(cr, family, slant, weight); }
static inline void cairo_set_font_size(cairo_t *cr, double size) { bs_cairo()->cairo_set_font_size(cr, size); }
static inline void cairo_show_text(cairo_t *cr, const char *utf8) { bs_cairo()->cairo_show_text(cr, utf8); }
static inline void cairo_text_extents(cairo_t *cr, const char *utf8, cairo_text_extents_t *extents) { bs_cairo()->cairo_text_extents(cr, utf8, extents); }
static inline void cairo_user_to_device(cairo_t *cr, double *x, double *y) { bs_cairo()->cairo_user_to_device(cr, x, y); }
static inline void cairo_device_to_user(cairo_t *cr, double *x, double *y) { bs_cairo()->cairo_device_to_user(cr, x, y); }
static inline void cairo_surface_destroy(cairo_surface_t *surface) { bs_cairo()->cairo_surface_destroy(surface); }
static inline void cairo_surface_finish(cairo_surface_t *surface) { bs_cairo()->cairo_surface_finish(surface); }
static inline cairo_status_t cairo_surface_status(cairo_surface_t *surface) { return bs_cairo()->cairo_surface_status(surface); }
static inline cairo_surface_t *cairo_image_surface_create(cairo_format_t format, int width, int height) { return bs_cairo()->cairo_image_surface_create(format, width, height); }
static inline cairo_status_t cairo_surface_write_to_png_stream(cairo_surface_t *surface, cairo_write_func_t write_func, void *closure) { return bs_cairo()->cairo_surface_write_to_png_stream(surface, write_func, closure); }
static inline cairo_surface_t *cairo_pdf_surface_create_for_stream(cairo_write_func_t write_func, void *closure, double width_in_points, double height_in_points) { return bs_cairo()->cairo_pdf_surface_create_for_stream(write_func, closure, width_in_points, height_in_points); }
static inline void cairo_pdf_surface_set_metadata(cairo_surface_t *surface, cairo_pdf_metadata_t metadata, const char *utf8) { bs_cairo()->cairo_pdf_surface_set_metadata(surface, metadata, utf8); }
static inline cairo_surface_t *cairo_svg_surface_create_for_stream(cairo_write_func_t write_func, void *closure, double width_in_points, double height_in_points) { return bs_cairo()->cairo_svg_surface_create_for_stream(write_func, closure, width_in_points, height_in_points); }
static inline void cairo_svg_surface_set_document_unit(cairo_surface_t *surface, cairo_svg_unit_t unit) { bs_cairo()->cairo_svg_surface_set_document_unit(surface, unit); }
static inline cairo_surface_t *cairo_image_surface_create_from_png_stream(cairo_read_func_t read_func, void *closure) { return bs_cairo()->cairo_image_surface_create_from_png_stream(read_func, closure); }
static inline unsigned char *cairo_image_surface_get_data(cairo_surface_t *surface) { return bs_cairo()->cairo_image_surface_get_data(surface); }
static inline int cairo_image_surface_get_width(cairo_surface_t *surface) { return bs_cairo()->cairo_image_surface_get_width(surface); }
static inline int cairo_image_surface_get_height(cairo_surface_t *surface) { return bs_cairo()->cairo_image_surface_get_height(surface); }
static inline int cairo_image_surface_get_stride(cairo_surface_t *surface) { return bs_cairo()->cairo_image_surface_get_stride(surface); }
static inline void cairo_surface_flush(cairo_surface_t *surface) { bs_cairo()->cairo_surface_flush(surface); }

#endif
