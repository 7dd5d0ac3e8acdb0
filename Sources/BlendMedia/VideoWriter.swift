import CFFmpeg
import Foundation

/// Encodes RGB pictures into a video file with libavcodec and libavformat; the container comes
/// from the file's extension (`.mov`, `.mp4`, `.mkv`). Owns every libav object it opens and
/// deletes a half-written file if it is dropped before `finish()`.
public final class VideoWriter {
    public enum Codec: String, Sendable {
        /// MPEG-4 part 2: tiny and fast, the demo clips' codec.
        case mpeg4
        /// H.264 through libx264, for realistic benchmark clips.
        case h264 = "libx264"
    }

    /// How hard the encoder compresses.
    public enum Quality: Sendable, Hashable {
        /// An average bit rate in bits per second.
        case bitRate(Int)
        /// Constant quality: MPEG-4's quantiser (2 best … 31 worst) or x264's CRF (0 … 51).
        case constant(Int)
    }

    public let path: String
    public let width: Int
    public let height: Int
    private let output: OwnedOutputContext
    private let stream: UnsafeMutablePointer<AVStream>
    private let encoder: OwnedCodecContext
    private let frame: OwnedFrame
    private let packet: OwnedPacket
    private var nextIndex: Int64 = 0
    private var finished = false
    /// The sound track, when the clip has one.
    private let audio: AudioTrackWriter?

    /// Opens `path` for writing `width × height` (both even) pictures at `fps`, with a keyframe
    /// every `keyframeInterval` frames (one second when nil), and a mono AAC sound track at
    /// `audioSampleRate` Hz when one is given (fed with `appendAudio`).
    public init(path: String, width: Int, height: Int, fps: Int, codec: Codec = .mpeg4,
                quality: Quality = .bitRate(400_000), keyframeInterval: Int? = nil,
                audioSampleRate: Int? = nil) throws {
        try FFmpegSetup.ensure(file: path)
        guard width > 0, height > 0, width % 2 == 0, height % 2 == 0, fps > 0 else {
            throw MediaError(file: path, kind: .invalidRequest,
                             "cannot encode \(width)x\(height) at \(fps) fps (sides must be even)")
        }
        self.path = path
        self.width = width
        self.height = height
        output = try OwnedOutputContext(path: path)
        guard let encoderCodec = avcodec_find_encoder_by_name(codec.rawValue) else {
            throw MediaError(file: path, kind: .encodeFailed, "this FFmpeg has no \(codec.rawValue) encoder")
        }
        guard let newStream = avformat_new_stream(output.pointer, nil) else {
            throw MediaError(file: path, kind: .encodeFailed, "cannot add a video stream")
        }
        stream = newStream
        encoder = try OwnedCodecContext(codec: encoderCodec, file: path)
        let context = encoder.pointer
        context.pointee.width = Int32(width)
        context.pointee.height = Int32(height)
        context.pointee.time_base = AVRational(num: 1, den: Int32(fps))
        context.pointee.framerate = AVRational(num: Int32(fps), den: 1)
        context.pointee.pix_fmt = AV_PIX_FMT_YUV420P
        // Keyframes keep seeking cheap; no B-frames keeps encoding simple and fast.
        context.pointee.gop_size = Int32(max(1, keyframeInterval ?? fps))
        context.pointee.max_b_frames = 0
        context.pointee.thread_count = 1
        switch (quality, codec) {
        case (.bitRate(let rate), _):
            context.pointee.bit_rate = Int64(rate)
        case (.constant(let q), .mpeg4):
            context.pointee.flags |= AV_CODEC_FLAG_QSCALE
            context.pointee.global_quality = Int32(q) * FF_QP2LAMBDA
        case (.constant(let q), .h264):
            av_opt_set(context.pointee.priv_data, "crf", String(q), 0)
        }
        if output.pointer.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER != 0 {
            context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER
        }
        if codec == .h264 { av_opt_set(context.pointee.priv_data, "preset", "veryfast", 0) }
        try Self.check(avcodec_open2(context, encoderCodec, nil), path, "cannot open the \(codec.rawValue) encoder")
        try Self.check(avcodec_parameters_from_context(stream.pointee.codecpar, context), path,
                       "cannot describe the stream")
        stream.pointee.time_base = context.pointee.time_base

        frame = try OwnedFrame(file: path)
        frame.pointer.pointee.width = Int32(width)
        frame.pointer.pointee.height = Int32(height)
        frame.pointer.pointee.format = AV_PIX_FMT_YUV420P.rawValue
        try Self.check(av_frame_get_buffer(frame.pointer, 0), path, "cannot allocate a picture")
        packet = try OwnedPacket(file: path)
        if let audioSampleRate {
            audio = try AudioTrackWriter(output: output.pointer, path: path, sampleRate: audioSampleRate)
        } else {
            audio = nil
        }
        try output.open()
    }

    /// Encodes mono samples (−1 … 1) for the sound track; the clip must have been opened with
    /// `audioSampleRate`.
    public func appendAudio(_ samples: [Float]) throws {
        guard let audio else {
            throw MediaError(file: path, kind: .invalidRequest, "this clip was opened without a sound track")
        }
        try audio.append(samples, output: output.pointer)
    }

    deinit {
        if !finished { output.abandon() }
    }

    /// Encodes the next picture; it must be `width × height`.
    public func append(_ image: RGBImage) throws {
        guard image.width == width, image.height == height else {
            throw MediaError(file: path, kind: .invalidRequest,
                             "a \(image.width)x\(image.height) picture does not fit a \(width)x\(height) clip")
        }
        try Self.check(av_frame_make_writable(frame.pointer), path, "cannot write the picture")
        RGBToYUV420.convert(image, into: frame.pointer)
        frame.pointer.pointee.pts = nextIndex
        // Constant-quality MPEG-4 reads the quantiser from each picture.
        frame.pointer.pointee.quality = encoder.pointer.pointee.global_quality
        nextIndex += 1
        try send(frame.pointer)
    }

    /// Flushes the encoder and writes the container's index; the file is complete afterwards.
    public func finish() throws {
        guard !finished else { return }
        try send(nil)
        try audio?.finish(output: output.pointer)
        try Self.check(av_write_trailer(output.pointer), path, "cannot finish the file")
        try output.close()
        finished = true
    }

    private func send(_ picture: UnsafeMutablePointer<AVFrame>?) throws {
        try Self.check(avcodec_send_frame(encoder.pointer, picture), path, "encoding failed")
        while true {
            let status = avcodec_receive_packet(encoder.pointer, packet.pointer)
            if status == FFmpegStatus.again || status == FFmpegStatus.endOfFile { return }
            try Self.check(status, path, "encoding failed")
            // Without a duration the muxer cannot time the last frame, and the clip's average
            // frame rate comes out wrong.
            if packet.pointer.pointee.duration == 0 { packet.pointer.pointee.duration = 1 }
            av_packet_rescale_ts(packet.pointer, encoder.pointer.pointee.time_base, stream.pointee.time_base)
            packet.pointer.pointee.stream_index = stream.pointee.index
            // av_interleaved_write_frame takes the packet's data and leaves it blank.
            try Self.check(av_interleaved_write_frame(output.pointer, packet.pointer), path, "cannot write video data")
        }
    }

    private static func check(_ status: Int32, _ path: String, _ what: String) throws {
        if status < 0 {
            throw MediaError(file: path, kind: .encodeFailed, "\(what): \(FFmpegStatus.text(status))")
        }
    }
}

/// An output `AVFormatContext` and its file. Frees the context on deinit.
final class OwnedOutputContext {
    let pointer: UnsafeMutablePointer<AVFormatContext>
    let path: String
    private var fileOpen = false

    init(path: String) throws {
        var context: UnsafeMutablePointer<AVFormatContext>?
        let status = avformat_alloc_output_context2(&context, nil, nil, path)
        guard status >= 0, let context else {
            throw MediaError(file: path, kind: .encodeFailed,
                             "no container for this file name: \(FFmpegStatus.text(status))")
        }
        pointer = context
        self.path = path
    }

    /// Creates the file and writes the container header.
    func open() throws {
        if pointer.pointee.oformat.pointee.flags & AVFMT_NOFILE == 0 {
            let status = avio_open(&pointer.pointee.pb, path, AVIO_FLAG_WRITE)
            if status < 0 {
                throw MediaError(file: path, kind: .encodeFailed, "cannot create the file: \(FFmpegStatus.text(status))")
            }
            fileOpen = true
        }
        let status = avformat_write_header(pointer, nil)
        if status < 0 {
            throw MediaError(file: path, kind: .encodeFailed, "cannot write the header: \(FFmpegStatus.text(status))")
        }
    }

    func close() throws {
        guard fileOpen else { return }
        fileOpen = false
        let status = avio_closep(&pointer.pointee.pb)
        if status < 0 {
            throw MediaError(file: path, kind: .encodeFailed, "cannot close the file: \(FFmpegStatus.text(status))")
        }
    }

    /// Closes and deletes an unfinished file, so no half-written clip is left to be mistaken for
    /// a truncated one.
    func abandon() {
        guard fileOpen else { return }
        fileOpen = false
        avio_closep(&pointer.pointee.pb)
        try? FileManager.default.removeItem(atPath: path)
    }

    deinit {
        if fileOpen { avio_closep(&pointer.pointee.pb) }
        avformat_free_context(pointer)
    }
}
