#ifndef BLENDSCOPE_CFFMPEG_SHIM_H
#define BLENDSCOPE_CFFMPEG_SHIM_H

#include <errno.h>
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libswscale/swscale.h>
#include <libavutil/imgutils.h>
#include <libavutil/display.h>

// Macros Swift cannot import.
static inline int bs_AVERROR_EAGAIN(void) { return AVERROR(EAGAIN); }
static inline int bs_AVERROR_EOF(void) { return AVERROR_EOF; }
static inline int bs_AVERROR_INVALIDDATA(void) { return AVERROR_INVALIDDATA; }
static inline int64_t bs_AV_NOPTS_VALUE(void) { return AV_NOPTS_VALUE; }
static inline AVRational bs_AV_TIME_BASE_Q(void) { return AV_TIME_BASE_Q; }

#endif
