import CFFmpeg

/// A decoded picture and the moment it is shown, in seconds from the clip's start.
public struct VideoFrame: Sendable, Equatable {
    public let time: Double
    public let image: RGBImage

    public init(time: Double, image: RGBImage) {
        self.time = time
        self.image = image
    }
}

/// Decodes one clip's video stream: random access by time for previews, sequential frames for
/// playback. Not thread-safe; create it on the thread or task that decodes.
///
/// `frame(at:)` then `nextFrame()` continues playback from that point without another seek.
public final class VideoDecoder {
    public var info: VideoInfo { input.info }
    public var path: String { input.path }

    /// The display size at full resolution: pixel aspect and rotation applied.
    public var naturalSize: PixelSize {
        let width = max(1, Int((Double(info.width) * info.pixelAspect).rounded()))
        let height = max(1, info.height)
        return info.isQuarterTurn ? PixelSize(width: height, height: width)
                                  : PixelSize(width: width, height: height)
    }

    private let input: MediaInput
    private let codec: OwnedCodecContext
    private let packet: OwnedPacket
    /// The frame most recently returned (or chosen), still valid so a later request can reuse it.
    private var held: OwnedFrame
    private var heldTime: Double?
    /// Scratch for frames coming out of the decoder.
    private var incoming: OwnedFrame
    /// A frame decoded ahead while looking for the one at a time; `nextFrame` returns it first.
    private var pending: OwnedFrame
    private var hasPending = false
    private var draining = false
    private var finished = false
    private var lastDecodedTime: Double?
    private var decodedAny = false
    /// Whether a packet went to the decoder since it was opened, sought or flushed: only then
    /// does the next video packet start a fresh decode (`keyframeAlone`).
    private var sentAny = false
    /// Set after `keyframeAlone` drained the decoder for one picture: the stream timestamp to
    /// go back to before decoding on, and the time up to which frames were already shown.
    private var rewind: (timestamp: Int64, shownThrough: Double)?
    /// Frames at or before this time are decoded again after a rewind and passed over.
    private var skipThrough: Double?
    private let scaler = FrameScaler()

    /// Decoding forward is cheaper than seeking when the wanted frame is at most this far ahead.
    private static let forwardReach = 2.0
    /// Damaged packets tolerated in a row before decoding gives up.
    private static let damagedPacketLimit = 64

    /// Opens `path` and its decoder. `threads` > 1 speeds up long playback of large clips but
    /// delays the first frame (frame threads buffer pictures), so previews should keep 1.
    public init(path: String, threads: Int = 1) throws {
        input = try MediaInput(path: path)
        let parameters = input.stream.pointee.codecpar!
        guard let decoder = avcodec_find_decoder(parameters.pointee.codec_id) else {
            throw MediaError(file: path, kind: .unsupportedCodec,
                             "unsupported video codec \(MediaInput.codecLabel(parameters.pointee))")
        }
        codec = try OwnedCodecContext(codec: decoder, file: path)
        var status = avcodec_parameters_to_context(codec.pointer, parameters)
        if status >= 0 {
            codec.pointer.pointee.thread_count = Int32(max(1, threads))
            codec.pointer.pointee.pkt_timebase = input.stream.pointee.time_base
            status = avcodec_open2(codec.pointer, decoder, nil)
        }
        if status < 0 {
            throw MediaError(file: path, kind: .unsupportedCodec,
                             "cannot open the \(input.info.codec) decoder: \(FFmpegStatus.text(status))")
        }
        packet = try OwnedPacket(file: path)
        held = try OwnedFrame(file: path)
        incoming = try OwnedFrame(file: path)
        pending = try OwnedFrame(file: path)
    }

    /// The next frame in display order, or nil after the last one. `size` is the picture's size
    /// as displayed (after rotation); nil keeps `naturalSize`.
    public func nextFrame(size: PixelSize? = nil) throws -> VideoFrame? {
        if hasPending {
            swap(&held, &pending)
            hasPending = false
        } else if try !decodeNext(into: held) {
            return nil
        }
        let time = frameTime(held.pointer)
        heldTime = time
        return try picture(time: time, size: size)
    }

    /// The frame on screen at `seconds`: the last one whose time is not after it (the first frame
    /// before the clip's start, the last one past its end). Seeks back to a keyframe and decodes
    /// forward unless the frame is a short way ahead of the current position.
    public func frame(at seconds: Double, size: PixelSize? = nil) throws -> VideoFrame {
        guard seconds.isFinite, seconds >= 0 else {
            throw MediaError(file: path, kind: .invalidRequest, "cannot show a frame at \(seconds) s")
        }
        // Timestamps are rounded to the stream's time base; a small allowance keeps a request for
        // exactly a frame's time from landing on the frame before.
        let frameDuration = info.fps > 0 ? 1 / info.fps : 0.04
        let target = seconds + min(0.001, frameDuration / 4)

        if let time = heldTime, finished, !hasPending, target >= time {
            return try picture(time: time, size: size)
        }
        var searchStart = seconds
        if !canDecodeForward(to: target) { try seek(to: searchStart) }
        if heldTime == nil, !hasPending, !sentAny, !draining, !finished,
           try keyframeAlone(target: target, frameDuration: frameDuration, atStart: searchStart <= 0),
           let time = heldTime {
            return try picture(time: time, size: size)
        }
        // A decoder that had to learn the reordering depth from the pictures (the probe was
        // skipped and the stream's header does not say it) drops the frames that showed it too
        // low; the search then runs again with the depth it learnt. The depth the header gives
        // is set by the time the first picture comes out.
        var depth: Int32?
        var searchedAgain = !input.probeSkipped
        while true {
            var found = heldTime.map { $0 <= target } ?? false
            var overshoot = false
            while true {
                if hasPending {
                    swap(&incoming, &pending)
                    hasPending = false
                } else if try !decodeNext(into: incoming) {
                    break
                }
                if depth == nil { depth = codec.pointer.pointee.has_b_frames }
                let time = frameTime(incoming.pointer)
                if time <= target || !found && searchStart <= 0 {
                    // A frame at or before the target, or the very first frame of the clip when
                    // the target lies before it.
                    swap(&held, &incoming)
                    heldTime = time
                    found = true
                    if time > target { break }
                    continue
                }
                if found {
                    swap(&pending, &incoming)
                    hasPending = true
                    break
                }
                overshoot = true
                break
            }
            if !searchedAgain, let depth, codec.pointer.pointee.has_b_frames > depth {
                searchedAgain = true
                try seek(to: searchStart)
                continue
            }
            if found, let time = heldTime { return try picture(time: time, size: size) }
            guard overshoot else {
                throw MediaError(file: path, kind: .decodeFailed, "no picture could be decoded")
            }
            // The keyframe the seek landed on comes after the target (an imprecise index):
            // start further back, down to the beginning.
            searchStart = searchStart > 5 ? searchStart - 5 : 0
            try seek(to: searchStart)
        }
    }

    // MARK: - Decoding

    /// The first frame after opening or seeking, when it is the keyframe about to be read:
    /// that packet alone is decoded and the decoder drained at once, instead of decoding the
    /// two or three packets after it that a reordering codec (H.264 with B-frames) holds back
    /// before giving out the first picture — a third of a 1080p first frame's time. Decoding
    /// on later goes back to the keyframe first (`rewind`). False (the packet sent as usual)
    /// when the frame on screen at `target` is another one.
    private func keyframeAlone(target: Double, frameDuration: Double, atStart: Bool) throws -> Bool {
        while true {
            guard av_read_frame(input.format, packet.pointer) >= 0 else { return false }
            if packet.pointer.pointee.stream_index == input.streamIndex { break }
            av_packet_unref(packet.pointer)
        }
        defer { av_packet_unref(packet.pointer) }
        let raw = packet.pointer.pointee
        let timestamp = raw.pts != FFmpegStatus.noTimestamp ? raw.pts : raw.dts
        sentAny = true
        guard raw.flags & AV_PKT_FLAG_KEY != 0, timestamp != FFmpegStatus.noTimestamp else {
            _ = avcodec_send_packet(codec.pointer, packet.pointer)
            return false
        }
        // The keyframe is on screen until the next frame, which comes no sooner than the
        // shorter of its own duration and the clip's mean frame interval.
        let time = input.seconds(timestamp)
        let own = raw.duration > 0 ? Double(raw.duration) * av_q2d(input.timeBase) : frameDuration
        guard time <= target || atStart, target < time + min(own, frameDuration) else {
            _ = avcodec_send_packet(codec.pointer, packet.pointer)
            return false
        }
        let back = raw.dts != FFmpegStatus.noTimestamp ? raw.dts : timestamp
        guard avcodec_send_packet(codec.pointer, packet.pointer) >= 0 else { return false }
        _ = avcodec_send_packet(codec.pointer, nil)
        guard avcodec_receive_frame(codec.pointer, incoming.pointer) == 0 else {
            // A damaged keyframe: decode from it again the usual way.
            rewind = (back, -Double.infinity)
            return false
        }
        swap(&held, &incoming)
        let shown = frameTime(held.pointer)
        heldTime = shown
        decodedAny = true
        lastDecodedTime = shown
        rewind = (back, shown)
        return true
    }

    /// Undoes `keyframeAlone`'s drain: back to its keyframe, with the frames up to the one shown
    /// to be passed over. The frame held stays valid.
    private func rewindIfDrained() throws {
        guard let (timestamp, shown) = rewind else { return }
        rewind = nil
        let status = av_seek_frame(input.format, input.streamIndex, timestamp, AVSEEK_FLAG_BACKWARD)
        if status < 0 {
            throw MediaError(file: path, kind: .decodeFailed,
                             "cannot seek back to the keyframe: \(FFmpegStatus.text(status))")
        }
        avcodec_flush_buffers(codec.pointer)
        draining = false
        finished = false
        sentAny = false
        skipThrough = shown.isFinite ? shown : nil
    }

    private func canDecodeForward(to target: Double) -> Bool {
        guard !finished else { return false }
        guard let time = heldTime else { return !decodedAny && target <= Self.forwardReach }
        return target >= time && target - time <= Self.forwardReach
    }

    private func seek(to seconds: Double) throws {
        let format = input.format
        var status = av_seek_frame(format, input.streamIndex, input.timestamp(seconds), AVSEEK_FLAG_BACKWARD)
        if status < 0 {
            // Some streams cannot seek by timestamp; the byte position 0 always works for files.
            status = av_seek_frame(format, input.streamIndex, 0, AVSEEK_FLAG_BYTE | AVSEEK_FLAG_BACKWARD)
        }
        if status < 0 {
            throw MediaError(file: path, kind: .decodeFailed,
                             "cannot seek to \(seconds) s: \(FFmpegStatus.text(status))")
        }
        avcodec_flush_buffers(codec.pointer)
        av_frame_unref(held.pointer)
        av_frame_unref(pending.pointer)
        heldTime = nil
        hasPending = false
        draining = false
        finished = false
        lastDecodedTime = nil
        sentAny = false
        rewind = nil
        skipThrough = nil
    }

    /// Decodes the next picture into `frame`; false at the end of the stream.
    private func decodeNext(into frame: OwnedFrame) throws -> Bool {
        try rewindIfDrained()
        var damaged = 0
        while true {
            let received = avcodec_receive_frame(codec.pointer, frame.pointer)
            if received == 0, let skip = skipThrough {
                // Decoded again after a rewind: shown already.
                if frameTime(frame.pointer) <= skip + 1e-6 { continue }
                skipThrough = nil
            }
            if received == 0 {
                decodedAny = true
                lastDecodedTime = frameTime(frame.pointer)
                return true
            }
            if received == FFmpegStatus.endOfFile || (received == FFmpegStatus.again && draining) {
                finished = true
                return false
            }
            if received != FFmpegStatus.again {
                throw MediaError(file: path, kind: .decodeFailed,
                                 "decoding failed: \(FFmpegStatus.text(received))")
            }
            let read = av_read_frame(input.format, packet.pointer)
            if read < 0 {
                // End of file, or data that stops early: either way, drain what the decoder holds.
                _ = avcodec_send_packet(codec.pointer, nil)
                draining = true
                continue
            }
            defer { av_packet_unref(packet.pointer) }
            guard packet.pointer.pointee.stream_index == input.streamIndex else { continue }
            sentAny = true
            let sent = avcodec_send_packet(codec.pointer, packet.pointer)
            if sent < 0 && sent != FFmpegStatus.again {
                damaged += 1
                if damaged > Self.damagedPacketLimit {
                    throw MediaError(file: path, kind: .decodeFailed,
                                     "the video data is damaged: \(FFmpegStatus.text(sent))")
                }
            }
        }
    }

    /// `best_effort_timestamp × time_base` from the clip's start; a frame without one follows
    /// the previous frame by one frame duration.
    private func frameTime(_ frame: UnsafeMutablePointer<AVFrame>) -> Double {
        var timestamp = frame.pointee.best_effort_timestamp
        if timestamp == FFmpegStatus.noTimestamp { timestamp = frame.pointee.pts }
        if timestamp != FFmpegStatus.noTimestamp { return input.seconds(timestamp) }
        let step = info.fps > 0 ? 1 / info.fps : 0.04
        return lastDecodedTime.map { $0 + step } ?? 0
    }

    private func picture(time: Double, size: PixelSize?) throws -> VideoFrame {
        let natural = naturalSize
        let image = try scaler.image(from: held.pointer, size: size ?? natural,
                                     rotation: info.rotation, file: path)
        return VideoFrame(time: time, image: image)
    }
}
