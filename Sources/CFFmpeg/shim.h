#ifndef BLENDSCOPE_CFFMPEG_SHIM_H
#define BLENDSCOPE_CFFMPEG_SHIM_H

#include <errno.h>
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libswscale/swscale.h>
#include <libavutil/imgutils.h>
#include <libavutil/display.h>
#include <libavutil/opt.h>

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
