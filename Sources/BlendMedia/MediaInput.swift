import BlendFiles
import CFFmpeg

/// An open container and its video stream. Owns the `AVFormatContext` and closes it on deinit.
final class MediaInput {
    let path: String
    let format: UnsafeMutablePointer<AVFormatContext>
    let streamIndex: Int32
    let info: VideoInfo
    /// Whether `avformat_find_stream_info` was skipped (`headerSuffices`): the decoder then
    /// learns the reordering depth from the bitstream, which a stream without it in its header
    /// teaches only by dropping a frame or two (`VideoDecoder` decodes such a search again).
    let probeSkipped: Bool

    var stream: UnsafeMutablePointer<AVStream> { format.pointee.streams[Int(streamIndex)]! }
    var timeBase: AVRational { stream.pointee.time_base }

    /// Seconds to subtract from stream timestamps so the clip starts at 0, the origin `ffmpeg -ss`
    /// also uses (the container's start time).
    let startSeconds: Double

    init(path: String) throws {
        // Before libav opens it: a FIFO would block the open, a device never ends.
        try MediaInput.checkRegular(path)
        try FFmpegSetup.ensure(file: path)
        var opened: UnsafeMutablePointer<AVFormatContext>?
        let status = avformat_open_input(&opened, path, nil, nil)
        guard status >= 0, let context = opened else {
            throw MediaInput.openError(path: path, status: status)
        }
        do {
            let skipProbe = MediaInput.headerSuffices(context)
            let index = try MediaInput.videoStream(in: context, path: path, probe: !skipProbe)
            try MediaInput.checkComplete(context, streamIndex: index, path: path)
            self.info = MediaInput.describe(context, streamIndex: index)
            self.streamIndex = index
            self.startSeconds = MediaInput.startTime(context)
            self.probeSkipped = skipProbe
        } catch {
            var doomed: UnsafeMutablePointer<AVFormatContext>? = context
            avformat_close_input(&doomed)
            throw error
        }
        self.path = path
        self.format = context
    }

    deinit {
        var context: UnsafeMutablePointer<AVFormatContext>? = format
        avformat_close_input(&context)
    }

    /// Converts a stream timestamp to seconds from the clip's start.
    func seconds(_ timestamp: Int64) -> Double {
        Double(timestamp) * av_q2d(timeBase) - startSeconds
    }

    /// Converts seconds from the clip's start to a stream timestamp.
    func timestamp(_ seconds: Double) -> Int64 {
        Int64(((seconds + startSeconds) / av_q2d(timeBase)).rounded(.down))
    }

    // MARK: - Opening

    private static func videoStream(
        in context: UnsafeMutablePointer<AVFormatContext>, path: String, probe: Bool
    ) throws -> Int32 {
        let status = probe ? avformat_find_stream_info(context, nil) : 0
        if status < 0 {
            throw MediaError(file: path, kind: .truncated,
                             "cannot read the streams: \(FFmpegStatus.text(status))")
        }
        let index = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, nil, 0)
        guard index >= 0 else {
            throw MediaError(file: path, kind: .notAVideo, "not a video: the file has no video stream")
        }
        let stream = context.pointee.streams[Int(index)]!
        // Cover art in audio files is a one-picture "video" stream; it is not a clip.
        if stream.pointee.disposition & AV_DISPOSITION_ATTACHED_PIC != 0 {
            throw MediaError(file: path, kind: .notAVideo, "not a video: only a cover picture")
        }
        return index
    }

    /// Whether the container's header already says all that `avformat_find_stream_info` would
    /// find out for the video: that call decodes a picture of every stream (~11 ms of a 1080p
    /// H.264 MP4's first frame, whose budget is 40 ms), while an MP4/MOV header carries the
    /// codec, the size, the pixel aspect, the frame rate, the durations and every stream's start.
    /// Anything missing (MPEG-4 part 2 in MOV leaves the size to the decoder; other containers
    /// leave more) takes the full probe. The decoder learns the rest (pixel format, reordering
    /// depth) from the bitstream itself.
    private static func headerSuffices(_ context: UnsafeMutablePointer<AVFormatContext>) -> Bool {
        guard String(cString: context.pointee.iformat.pointee.name).hasPrefix("mov,") else { return false }
        var videos = 0
        for i in 0..<Int(context.pointee.nb_streams) {
            guard let stream = context.pointee.streams[i] else { return false }
            if stream.pointee.start_time == FFmpegStatus.noTimestamp { return false }
            let parameters = stream.pointee.codecpar.pointee
            guard parameters.codec_type == AVMEDIA_TYPE_VIDEO else { continue }
            videos += 1
            let rate = stream.pointee.avg_frame_rate
            let aspect = stream.pointee.sample_aspect_ratio.num > 0 || parameters.sample_aspect_ratio.num > 0
            guard parameters.codec_id != AV_CODEC_ID_NONE, parameters.width > 0, parameters.height > 0,
                  rate.num > 0, rate.den > 0, stream.pointee.duration > 0, stream.pointee.nb_frames > 0, aspect,
                  stream.pointee.disposition & AV_DISPOSITION_ATTACHED_PIC == 0
            else { return false }
        }
        return videos == 1
    }

    /// The container's start (the earliest stream's), as `avformat_find_stream_info` sets it;
    /// computed from the streams where that probe was skipped.
    private static func startTime(_ context: UnsafeMutablePointer<AVFormatContext>) -> Double {
        let start = context.pointee.start_time
        if start != FFmpegStatus.noTimestamp { return Double(start) / Double(AV_TIME_BASE) }
        var earliest: Double?
        for i in 0..<Int(context.pointee.nb_streams) {
            guard let stream = context.pointee.streams[i], stream.pointee.start_time != FFmpegStatus.noTimestamp
            else { continue }
            let seconds = Double(stream.pointee.start_time) * av_q2d(stream.pointee.time_base)
            earliest = min(earliest ?? seconds, seconds)
        }
        return earliest ?? 0
    }

    /// Demuxers that index their samples (MP4/MOV, AVI, MKV cues) open fine when the sample data
    /// was cut off; comparing the index with the file size catches that before decoding.
    private static func checkComplete(
        _ context: UnsafeMutablePointer<AVFormatContext>, streamIndex: Int32, path: String
    ) throws {
        guard let io = context.pointee.pb else { return }
        let fileSize = avio_size(io)
        guard fileSize > 0 else { return }
        let stream = context.pointee.streams[Int(streamIndex)]!
        var end: Int64 = 0
        for i in 0..<avformat_index_get_entries_count(stream) {
            guard let entry = avformat_index_get_entry(stream, i) else { continue }
            end = max(end, entry.pointee.pos + Int64(entry.pointee.size))
        }
        if end > fileSize {
            throw MediaError(file: path, kind: .truncated,
                             "truncated: the video data needs \(end) bytes but the file has \(fileSize)")
        }
    }

    static func checkRegular(_ path: String) throws(MediaError) {
        do {
            _ = try InputFile.checkRegular(path)
        } catch {
            switch error.cause {
            case .missing: throw MediaError(file: path, kind: .fileNotFound, error.reason)
            case .notRegular: throw MediaError(file: path, kind: .unreadable, error.reason)
            case .unreadable: throw MediaError(file: path, kind: .unreadable, error.reason)
            }
        }
    }

    private static func openError(path: String, status: Int32) -> MediaError {
        switch status {
        case FFmpegStatus.noSuchFile:
            return MediaError(file: path, kind: .fileNotFound, "no such file")
        case FFmpegStatus.accessDenied, FFmpegStatus.isDirectory:
            return MediaError(file: path, kind: .unreadable, "cannot read: \(FFmpegStatus.text(status))")
        default:
            // The demuxer chosen by the file's extension gave up. If the bytes themselves look
            // like a known container, the file is a damaged or cut-off video; otherwise it is
            // something else wearing a video extension.
            if let container = ContainerSniffer.recognise(path: path) {
                return MediaError(file: path, kind: .truncated,
                                  "truncated or damaged \(container) file: \(FFmpegStatus.text(status))")
            }
            return MediaError(file: path, kind: .notAVideo,
                              "not a video: no known container (\(FFmpegStatus.text(status)))")
        }
    }

    // MARK: - Describing

    private static func describe(
        _ context: UnsafeMutablePointer<AVFormatContext>, streamIndex: Int32
    ) -> VideoInfo {
        let stream = context.pointee.streams[Int(streamIndex)]!.pointee
        let parameters = stream.codecpar.pointee
        let timeBase = av_q2d(stream.time_base)

        var duration = 0.0
        if stream.duration != FFmpegStatus.noTimestamp, stream.duration > 0 {
            duration = Double(stream.duration) * timeBase
        } else if context.pointee.duration != FFmpegStatus.noTimestamp, context.pointee.duration > 0 {
            duration = Double(context.pointee.duration) / Double(AV_TIME_BASE)
        }

        var fps = 0.0
        for rate in [stream.avg_frame_rate, stream.r_frame_rate] where rate.num > 0 && rate.den > 0 {
            fps = av_q2d(rate)
            break
        }

        let frames = stream.nb_frames > 0 ? Int(stream.nb_frames) : Int((duration * fps).rounded())

        var pixelAspect = 1.0
        for ratio in [stream.sample_aspect_ratio, parameters.sample_aspect_ratio]
        where ratio.num > 0 && ratio.den > 0 {
            pixelAspect = av_q2d(ratio)
            break
        }

        return VideoInfo(
            container: String(cString: context.pointee.iformat.pointee.name),
            codec: String(cString: avcodec_get_name(parameters.codec_id)),
            width: Int(parameters.width), height: Int(parameters.height),
            rotation: displayRotation(context.pointee.streams[Int(streamIndex)]!),
            duration: duration, fps: fps, frames: frames, pixelAspect: pixelAspect)
    }

    /// The display matrix's rotation, counter-clockwise, snapped to a quarter turn in 0..<360.
    private static func displayRotation(_ stream: UnsafeMutablePointer<AVStream>) -> Int {
        var size: Int = 0
        guard let data = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size),
              size >= 9 * MemoryLayout<Int32>.size else { return 0 }
        let degrees = data.withMemoryRebound(to: Int32.self, capacity: 9) { av_display_rotation_get($0) }
        guard degrees.isFinite else { return 0 }
        let quarter = Int((degrees / 90).rounded())
        return ((quarter % 4) + 4) % 4 * 90
    }
}

extension MediaInput {
    /// A codec's name for messages, with the container's four-character tag when libav does not
    /// know the codec at all.
    static func codecLabel(_ parameters: AVCodecParameters) -> String {
        let name = parameters.codec_id == AV_CODEC_ID_NONE
            ? "unknown" : String(cString: avcodec_get_name(parameters.codec_id))
        let tag = parameters.codec_tag
        guard tag != 0 else { return "'\(name)'" }
        let bytes = (0..<4).map { UInt8((tag >> (8 * $0)) & 0xff) }
        let printable = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7f }
        let fourCC = printable ? String(decoding: bytes, as: UTF8.self) : String(tag, radix: 16)
        return "'\(name)' (tag \(fourCC))"
    }
}
