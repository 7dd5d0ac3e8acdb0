#ifndef BLENDSCOPE_CFFMPEG_SHIM_H
#define BLENDSCOPE_CFFMPEG_SHIM_H

// FFmpeg without linking it. libavformat, libavcodec, libswscale and libavutil pull in about 150
// shared libraries (x264, x265, vpx, gnutls, glib, X11 …); loading and relocating them cost
// every blendscope process ~35 ms, although only the media verbs use them. So the binary is not
// linked against FFmpeg: `bs_libav_load()` opens the four libraries with dlopen the first time a
// media function runs and resolves, once, a table of the functions BlendMedia calls.
//
// The headers are still FFmpeg's own, for the types and constants. Each function BlendMedia
// calls is renamed while the headers are read (its declaration becomes `bs_libav_decl_NAME`,
// never called, never linked) and defined again below under its own name as a trampoline
// through the table, so Swift calls `avformat_open_input(...)` exactly as before. Calling one
// before `bs_libav_load()` has succeeded dereferences a null pointer: BlendMedia's entry
// points (MediaInput, VideoWriter, MediaLibraries) load first.

#include <errno.h>
#include <stddef.h>
#include <stdint.h>

// The functions this shim wraps, renamed while FFmpeg's headers declare them.
#define av_frame_alloc bs_libav_decl_av_frame_alloc
#define av_frame_free bs_libav_decl_av_frame_free
#define av_frame_unref bs_libav_decl_av_frame_unref
#define av_frame_get_buffer bs_libav_decl_av_frame_get_buffer
#define av_frame_make_writable bs_libav_decl_av_frame_make_writable
#define av_strerror bs_libav_decl_av_strerror
#define av_log_set_level bs_libav_decl_av_log_set_level
#define avutil_version bs_libav_decl_avutil_version
#define av_opt_set bs_libav_decl_av_opt_set
#define av_display_rotation_get bs_libav_decl_av_display_rotation_get
#define av_packet_alloc bs_libav_decl_av_packet_alloc
#define av_packet_free bs_libav_decl_av_packet_free
#define av_packet_unref bs_libav_decl_av_packet_unref
#define av_packet_rescale_ts bs_libav_decl_av_packet_rescale_ts
#define avcodec_alloc_context3 bs_libav_decl_avcodec_alloc_context3
#define avcodec_free_context bs_libav_decl_avcodec_free_context
#define avcodec_find_decoder bs_libav_decl_avcodec_find_decoder
#define avcodec_find_encoder_by_name bs_libav_decl_avcodec_find_encoder_by_name
#define avcodec_parameters_to_context bs_libav_decl_avcodec_parameters_to_context
#define avcodec_parameters_from_context bs_libav_decl_avcodec_parameters_from_context
#define avcodec_open2 bs_libav_decl_avcodec_open2
#define avcodec_send_packet bs_libav_decl_avcodec_send_packet
#define avcodec_receive_frame bs_libav_decl_avcodec_receive_frame
#define avcodec_send_frame bs_libav_decl_avcodec_send_frame
#define avcodec_receive_packet bs_libav_decl_avcodec_receive_packet
#define avcodec_flush_buffers bs_libav_decl_avcodec_flush_buffers
#define avcodec_get_name bs_libav_decl_avcodec_get_name
#define avcodec_version bs_libav_decl_avcodec_version
#define avformat_open_input bs_libav_decl_avformat_open_input
#define avformat_close_input bs_libav_decl_avformat_close_input
#define avformat_find_stream_info bs_libav_decl_avformat_find_stream_info
#define av_find_best_stream bs_libav_decl_av_find_best_stream
#define av_read_frame bs_libav_decl_av_read_frame
#define av_seek_frame bs_libav_decl_av_seek_frame
#define avformat_index_get_entries_count bs_libav_decl_avformat_index_get_entries_count
#define avformat_index_get_entry bs_libav_decl_avformat_index_get_entry
#define av_stream_get_side_data bs_libav_decl_av_stream_get_side_data
#define avio_open bs_libav_decl_avio_open
#define avio_closep bs_libav_decl_avio_closep
#define avio_read bs_libav_decl_avio_read
#define avio_size bs_libav_decl_avio_size
#define av_probe_input_format3 bs_libav_decl_av_probe_input_format3
#define avformat_alloc_output_context2 bs_libav_decl_avformat_alloc_output_context2
#define avformat_new_stream bs_libav_decl_avformat_new_stream
#define avformat_write_header bs_libav_decl_avformat_write_header
#define av_write_trailer bs_libav_decl_av_write_trailer
#define av_interleaved_write_frame bs_libav_decl_av_interleaved_write_frame
#define avformat_free_context bs_libav_decl_avformat_free_context
#define avformat_version bs_libav_decl_avformat_version
#define sws_getCachedContext bs_libav_decl_sws_getCachedContext
#define sws_freeContext bs_libav_decl_sws_freeContext
#define sws_scale bs_libav_decl_sws_scale
#define sws_getColorspaceDetails bs_libav_decl_sws_getColorspaceDetails
#define sws_setColorspaceDetails bs_libav_decl_sws_setColorspaceDetails
#define sws_getCoefficients bs_libav_decl_sws_getCoefficients
#define swscale_version bs_libav_decl_swscale_version
#define av_channel_layout_default bs_libav_decl_av_channel_layout_default
#define av_channel_layout_uninit bs_libav_decl_av_channel_layout_uninit
#define swr_alloc_set_opts2 bs_libav_decl_swr_alloc_set_opts2
#define swr_init bs_libav_decl_swr_init
#define swr_free bs_libav_decl_swr_free
#define swr_convert bs_libav_decl_swr_convert
#define swr_get_out_samples bs_libav_decl_swr_get_out_samples
#define swresample_version bs_libav_decl_swresample_version

#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libswscale/swscale.h>
#include <libavutil/imgutils.h>
#include <libavutil/display.h>
#include <libavutil/opt.h>
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>

#undef av_frame_alloc
#undef av_frame_free
#undef av_frame_unref
#undef av_frame_get_buffer
#undef av_frame_make_writable
#undef av_strerror
#undef av_log_set_level
#undef avutil_version
#undef av_opt_set
#undef av_display_rotation_get
#undef av_packet_alloc
#undef av_packet_free
#undef av_packet_unref
#undef av_packet_rescale_ts
#undef avcodec_alloc_context3
#undef avcodec_free_context
#undef avcodec_find_decoder
#undef avcodec_find_encoder_by_name
#undef avcodec_parameters_to_context
#undef avcodec_parameters_from_context
#undef avcodec_open2
#undef avcodec_send_packet
#undef avcodec_receive_frame
#undef avcodec_send_frame
#undef avcodec_receive_packet
#undef avcodec_flush_buffers
#undef avcodec_get_name
#undef avcodec_version
#undef avformat_open_input
#undef avformat_close_input
#undef avformat_find_stream_info
#undef av_find_best_stream
#undef av_read_frame
#undef av_seek_frame
#undef avformat_index_get_entries_count
#undef avformat_index_get_entry
#undef av_stream_get_side_data
#undef avio_open
#undef avio_closep
#undef avio_read
#undef avio_size
#undef av_probe_input_format3
#undef avformat_alloc_output_context2
#undef avformat_new_stream
#undef avformat_write_header
#undef av_write_trailer
#undef av_interleaved_write_frame
#undef avformat_free_context
#undef avformat_version
#undef sws_getCachedContext
#undef sws_freeContext
#undef sws_scale
#undef sws_getColorspaceDetails
#undef sws_setColorspaceDetails
#undef sws_getCoefficients
#undef swscale_version
#undef av_channel_layout_default
#undef av_channel_layout_uninit
#undef swr_alloc_set_opts2
#undef swr_init
#undef swr_free
#undef swr_convert
#undef swr_get_out_samples
#undef swresample_version

// Every libav function BlendMedia calls, with the library that exports it. The loader resolves
// these, and only these, once. A function Swift calls needs three lines: its rename above, its
// entry here and its trampoline below (the compiler reports a missing one).
#define BS_LIBAV_FUNCTIONS(X) \
    X(avutil, av_frame_alloc) \
    X(avutil, av_frame_free) \
    X(avutil, av_frame_unref) \
    X(avutil, av_frame_get_buffer) \
    X(avutil, av_frame_make_writable) \
    X(avutil, av_strerror) \
    X(avutil, av_log_set_level) \
    X(avutil, avutil_version) \
    X(avutil, av_opt_set) \
    X(avutil, av_display_rotation_get) \
    X(avcodec, av_packet_alloc) \
    X(avcodec, av_packet_free) \
    X(avcodec, av_packet_unref) \
    X(avcodec, av_packet_rescale_ts) \
    X(avcodec, avcodec_alloc_context3) \
    X(avcodec, avcodec_free_context) \
    X(avcodec, avcodec_find_decoder) \
    X(avcodec, avcodec_find_encoder_by_name) \
    X(avcodec, avcodec_parameters_to_context) \
    X(avcodec, avcodec_parameters_from_context) \
    X(avcodec, avcodec_open2) \
    X(avcodec, avcodec_send_packet) \
    X(avcodec, avcodec_receive_frame) \
    X(avcodec, avcodec_send_frame) \
    X(avcodec, avcodec_receive_packet) \
    X(avcodec, avcodec_flush_buffers) \
    X(avcodec, avcodec_get_name) \
    X(avcodec, avcodec_version) \
    X(avformat, avformat_open_input) \
    X(avformat, avformat_close_input) \
    X(avformat, avformat_find_stream_info) \
    X(avformat, av_find_best_stream) \
    X(avformat, av_read_frame) \
    X(avformat, av_seek_frame) \
    X(avformat, avformat_index_get_entries_count) \
    X(avformat, avformat_index_get_entry) \
    X(avformat, av_stream_get_side_data) \
    X(avformat, avio_open) \
    X(avformat, avio_closep) \
    X(avformat, avio_read) \
    X(avformat, avio_size) \
    X(avformat, av_probe_input_format3) \
    X(avformat, avformat_alloc_output_context2) \
    X(avformat, avformat_new_stream) \
    X(avformat, avformat_write_header) \
    X(avformat, av_write_trailer) \
    X(avformat, av_interleaved_write_frame) \
    X(avformat, avformat_free_context) \
    X(avformat, avformat_version) \
    X(swscale, sws_getCachedContext) \
    X(swscale, sws_freeContext) \
    X(swscale, sws_scale) \
    X(swscale, sws_getColorspaceDetails) \
    X(swscale, sws_setColorspaceDetails) \
    X(swscale, sws_getCoefficients) \
    X(swscale, swscale_version) \
    X(avutil, av_channel_layout_default) \
    X(avutil, av_channel_layout_uninit) \
    X(swresample, swr_alloc_set_opts2) \
    X(swresample, swr_init) \
    X(swresample, swr_free) \
    X(swresample, swr_convert) \
    X(swresample, swr_get_out_samples) \
    X(swresample, swresample_version)

/// One pointer per function, of the exact type FFmpeg's header declares.
struct bs_libav_table {
#define BS_LIBAV_FIELD(library, name) __typeof__(bs_libav_decl_##name) *name;
    BS_LIBAV_FUNCTIONS(BS_LIBAV_FIELD)
#undef BS_LIBAV_FIELD
};

/// Filled by `bs_libav_load()`; all null before.
extern struct bs_libav_table bs_libav;

/// Opens the libraries and resolves the table, once per process (thread-safe). Returns NULL on
/// success, else why not, in words a user acts on (the library missing and the Debian package
/// that provides it); later calls return the same answer.
///
/// The libraries are looked up by soname (libavformat.so.59 …) through the normal search path.
/// BLENDSCOPE_LIBAV_DIR, when set, names the folder to load them from instead; it exists for
/// the tests that check what a machine without FFmpeg sees.
const char *bs_libav_load(void);

// Trampolines: FFmpeg's functions under their own names, through the table.
static inline AVFrame *av_frame_alloc(void) { return bs_libav.av_frame_alloc(); }
static inline void av_frame_free(AVFrame **frame) { bs_libav.av_frame_free(frame); }
static inline void av_frame_unref(AVFrame *frame) { bs_libav.av_frame_unref(frame); }
static inline int av_frame_get_buffer(AVFrame *frame, int align) {
    return bs_libav.av_frame_get_buffer(frame, align);
}
static inline int av_frame_make_writable(AVFrame *frame) {
    return bs_libav.av_frame_make_writable(frame);
}
static inline int av_strerror(int errnum, char *errbuf, size_t errbuf_size) {
    return bs_libav.av_strerror(errnum, errbuf, errbuf_size);
}
static inline void av_log_set_level(int level) { bs_libav.av_log_set_level(level); }
static inline unsigned avutil_version(void) { return bs_libav.avutil_version(); }
static inline int av_opt_set(void *obj, const char *name, const char *val, int search_flags) {
    return bs_libav.av_opt_set(obj, name, val, search_flags);
}
static inline double av_display_rotation_get(const int32_t matrix[9]) {
    return bs_libav.av_display_rotation_get(matrix);
}
static inline AVPacket *av_packet_alloc(void) { return bs_libav.av_packet_alloc(); }
static inline void av_packet_free(AVPacket **pkt) { bs_libav.av_packet_free(pkt); }
static inline void av_packet_unref(AVPacket *pkt) { bs_libav.av_packet_unref(pkt); }
static inline void av_packet_rescale_ts(AVPacket *pkt, AVRational tb_src, AVRational tb_dst) {
    bs_libav.av_packet_rescale_ts(pkt, tb_src, tb_dst);
}
static inline AVCodecContext *avcodec_alloc_context3(const AVCodec *codec) {
    return bs_libav.avcodec_alloc_context3(codec);
}
static inline void avcodec_free_context(AVCodecContext **avctx) {
    bs_libav.avcodec_free_context(avctx);
}
static inline const AVCodec *avcodec_find_decoder(enum AVCodecID id) {
    return bs_libav.avcodec_find_decoder(id);
}
static inline const AVCodec *avcodec_find_encoder_by_name(const char *name) {
    return bs_libav.avcodec_find_encoder_by_name(name);
}
static inline int avcodec_parameters_to_context(AVCodecContext *codec,
                                                const AVCodecParameters *par) {
    return bs_libav.avcodec_parameters_to_context(codec, par);
}
static inline int avcodec_parameters_from_context(AVCodecParameters *par,
                                                  const AVCodecContext *codec) {
    return bs_libav.avcodec_parameters_from_context(par, codec);
}
static inline int avcodec_open2(AVCodecContext *avctx, const AVCodec *codec,
                                AVDictionary **options) {
    return bs_libav.avcodec_open2(avctx, codec, options);
}
static inline int avcodec_send_packet(AVCodecContext *avctx, const AVPacket *avpkt) {
    return bs_libav.avcodec_send_packet(avctx, avpkt);
}
static inline int avcodec_receive_frame(AVCodecContext *avctx, AVFrame *frame) {
    return bs_libav.avcodec_receive_frame(avctx, frame);
}
static inline int avcodec_send_frame(AVCodecContext *avctx, const AVFrame *frame) {
    return bs_libav.avcodec_send_frame(avctx, frame);
}
static inline int avcodec_receive_packet(AVCodecContext *avctx, AVPacket *avpkt) {
    return bs_libav.avcodec_receive_packet(avctx, avpkt);
}
static inline void avcodec_flush_buffers(AVCodecContext *avctx) {
    bs_libav.avcodec_flush_buffers(avctx);
}
static inline const char *avcodec_get_name(enum AVCodecID id) {
    return bs_libav.avcodec_get_name(id);
}
static inline unsigned avcodec_version(void) { return bs_libav.avcodec_version(); }
static inline int avformat_open_input(AVFormatContext **ps, const char *url,
                                      const AVInputFormat *fmt, AVDictionary **options) {
    return bs_libav.avformat_open_input(ps, url, fmt, options);
}
static inline void avformat_close_input(AVFormatContext **s) { bs_libav.avformat_close_input(s); }
static inline int avformat_find_stream_info(AVFormatContext *ic, AVDictionary **options) {
    return bs_libav.avformat_find_stream_info(ic, options);
}
static inline int av_find_best_stream(AVFormatContext *ic, enum AVMediaType type,
                                      int wanted_stream_nb, int related_stream,
                                      const AVCodec **decoder_ret, int flags) {
    return bs_libav.av_find_best_stream(ic, type, wanted_stream_nb, related_stream, decoder_ret, flags);
}
static inline int av_read_frame(AVFormatContext *s, AVPacket *pkt) {
    return bs_libav.av_read_frame(s, pkt);
}
static inline int av_seek_frame(AVFormatContext *s, int stream_index, int64_t timestamp,
                                int flags) {
    return bs_libav.av_seek_frame(s, stream_index, timestamp, flags);
}
static inline int avformat_index_get_entries_count(const AVStream *st) {
    return bs_libav.avformat_index_get_entries_count(st);
}
static inline const AVIndexEntry *avformat_index_get_entry(AVStream *st, int idx) {
    return bs_libav.avformat_index_get_entry(st, idx);
}
static inline uint8_t *av_stream_get_side_data(const AVStream *stream,
                                               enum AVPacketSideDataType type, size_t *size) {
    return bs_libav.av_stream_get_side_data(stream, type, size);
}
static inline int avio_open(AVIOContext **s, const char *url, int flags) {
    return bs_libav.avio_open(s, url, flags);
}
static inline int avio_closep(AVIOContext **s) { return bs_libav.avio_closep(s); }
static inline int avio_read(AVIOContext *s, unsigned char *buf, int size) {
    return bs_libav.avio_read(s, buf, size);
}
static inline int64_t avio_size(AVIOContext *s) { return bs_libav.avio_size(s); }
static inline const AVInputFormat *av_probe_input_format3(const AVProbeData *pd, int is_opened,
                                                          int *score_ret) {
    return bs_libav.av_probe_input_format3(pd, is_opened, score_ret);
}
static inline int avformat_alloc_output_context2(AVFormatContext **ctx,
                                                 const AVOutputFormat *oformat,
                                                 const char *format_name, const char *filename) {
    return bs_libav.avformat_alloc_output_context2(ctx, oformat, format_name, filename);
}
static inline AVStream *avformat_new_stream(AVFormatContext *s, const AVCodec *c) {
    return bs_libav.avformat_new_stream(s, c);
}
static inline int avformat_write_header(AVFormatContext *s, AVDictionary **options) {
    return bs_libav.avformat_write_header(s, options);
}
static inline int av_write_trailer(AVFormatContext *s) { return bs_libav.av_write_trailer(s); }
static inline int av_interleaved_write_frame(AVFormatContext *s, AVPacket *pkt) {
    return bs_libav.av_interleaved_write_frame(s, pkt);
}
static inline void avformat_free_context(AVFormatContext *s) { bs_libav.avformat_free_context(s); }
static inline unsigned avformat_version(void) { return bs_libav.avformat_version(); }
static inline struct SwsContext *sws_getCachedContext(struct SwsContext *context, int srcW,
                                                      int srcH, enum AVPixelFormat srcFormat,
                                                      int dstW, int dstH,
                                                      enum AVPixelFormat dstFormat, int flags,
                                                      SwsFilter *srcFilter, SwsFilter *dstFilter,
                                                      const double *param) {
    return bs_libav.sws_getCachedContext(context, srcW, srcH, srcFormat, dstW, dstH, dstFormat, flags, srcFilter, dstFilter, param);
}
static inline void sws_freeContext(struct SwsContext *swsContext) {
    bs_libav.sws_freeContext(swsContext);
}
static inline int sws_scale(struct SwsContext *c, const uint8_t *const srcSlice[],
                            const int srcStride[], int srcSliceY, int srcSliceH,
                            uint8_t *const dst[], const int dstStride[]) {
    return bs_libav.sws_scale(c, srcSlice, srcStride, srcSliceY, srcSliceH, dst, dstStride);
}
static inline int sws_getColorspaceDetails(struct SwsContext *c, int **inv_table, int *srcRange,
                                           int **table, int *dstRange, int *brightness,
                                           int *contrast, int *saturation) {
    return bs_libav.sws_getColorspaceDetails(c, inv_table, srcRange, table, dstRange, brightness, contrast, saturation);
}
static inline int sws_setColorspaceDetails(struct SwsContext *c, const int inv_table[4],
                                           int srcRange, const int table[4], int dstRange,
                                           int brightness, int contrast, int saturation) {
    return bs_libav.sws_setColorspaceDetails(c, inv_table, srcRange, table, dstRange, brightness, contrast, saturation);
}
static inline const int *sws_getCoefficients(int colorspace) {
    return bs_libav.sws_getCoefficients(colorspace);
}
static inline unsigned swscale_version(void) { return bs_libav.swscale_version(); }

static inline void av_channel_layout_default(AVChannelLayout *ch_layout, int nb_channels) {
    bs_libav.av_channel_layout_default(ch_layout, nb_channels);
}
static inline void av_channel_layout_uninit(AVChannelLayout *channel_layout) {
    bs_libav.av_channel_layout_uninit(channel_layout);
}
static inline int swr_alloc_set_opts2(struct SwrContext **ps, AVChannelLayout *out_ch_layout,
                                      enum AVSampleFormat out_sample_fmt, int out_sample_rate,
                                      AVChannelLayout *in_ch_layout,
                                      enum AVSampleFormat in_sample_fmt, int in_sample_rate,
                                      int log_offset, void *log_ctx) {
    return bs_libav.swr_alloc_set_opts2(ps, out_ch_layout, out_sample_fmt, out_sample_rate, in_ch_layout,
                                        in_sample_fmt, in_sample_rate, log_offset, log_ctx);
}
static inline int swr_init(struct SwrContext *s) { return bs_libav.swr_init(s); }
static inline void swr_free(struct SwrContext **s) { bs_libav.swr_free(s); }
static inline int swr_convert(struct SwrContext *s, uint8_t **out, int out_count, const uint8_t **in,
                              int in_count) {
    return bs_libav.swr_convert(s, out, out_count, in, in_count);
}
static inline int swr_get_out_samples(struct SwrContext *s, int in_samples) {
    return bs_libav.swr_get_out_samples(s, in_samples);
}
static inline unsigned swresample_version(void) { return bs_libav.swresample_version(); }

// Audio through libswresample: a resampler from the decoder's format, layout and rate to packed
// 32-bit float at `rate` with `channels` channels (1 or 2). Returns a negative AVERROR on failure.
static inline int bs_swr_open(struct SwrContext **s, const AVCodecContext *codec, int rate, int channels) {
    AVChannelLayout out, in;
    av_channel_layout_default(&out, channels);
    // A stream that does not say which channels it has: take the usual layout of its count.
    if (codec->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || codec->ch_layout.order == AV_CHANNEL_ORDER_CUSTOM) {
        av_channel_layout_default(&in, codec->ch_layout.nb_channels > 0 ? codec->ch_layout.nb_channels : 1);
    } else {
        in = codec->ch_layout;
    }
    int status = swr_alloc_set_opts2(s, &out, AV_SAMPLE_FMT_FLT, rate, &in, codec->sample_fmt,
                                     codec->sample_rate, 0, NULL);
    if (status < 0) return status;
    return swr_init(*s);
}

// Converts one decoded frame (NULL drains the resampler) into `out`, room for `capacity`
// samples per channel; returns the samples per channel written, or a negative AVERROR.
static inline int bs_swr_convert_frame(struct SwrContext *s, float *out, int capacity, const AVFrame *frame) {
    uint8_t *planes[1] = {(uint8_t *)out};
    return swr_convert(s, planes, capacity, frame ? (const uint8_t **)frame->extended_data : NULL,
                       frame ? frame->nb_samples : 0);
}

// Macros Swift cannot import.
static inline int bs_AVERROR_EAGAIN(void) { return AVERROR(EAGAIN); }
static inline int bs_AVERROR_EOF(void) { return AVERROR_EOF; }
static inline int bs_AVERROR_INVALIDDATA(void) { return AVERROR_INVALIDDATA; }
static inline int64_t bs_AV_NOPTS_VALUE(void) { return AV_NOPTS_VALUE; }
static inline AVRational bs_AV_TIME_BASE_Q(void) { return AV_TIME_BASE_Q; }

// Error codes built from errno, which Swift cannot compute from the AVERROR macro.
static inline int bs_AVERROR_ENOENT(void) { return AVERROR(ENOENT); }
static inline int bs_AVERROR_EACCES(void) { return AVERROR(EACCES); }
static inline int bs_AVERROR_EISDIR(void) { return AVERROR(EISDIR); }

// AVFrame.data and .linesize import as 8-tuples; sws_scale wants plain pointers to them.
static inline const uint8_t *const *bs_frame_planes(const AVFrame *frame) {
    return (const uint8_t *const *)frame->data;
}
static inline uint8_t *const *bs_frame_mutable_planes(AVFrame *frame) { return frame->data; }
static inline const int *bs_frame_strides(const AVFrame *frame) { return frame->linesize; }

#endif
