import CFFmpeg

/// Decodes a clip's audio stream, whole, to float PCM at a chosen rate and channel count,
/// through libavcodec and libswresample (loaded with the rest of FFmpeg on first use).
public enum AudioDecoder {
    /// 16 kHz mono is what the speech and audio encoders (Wav2Vec2, WavLM, HiCMAE) take.
    public static let analysisRate = 16_000

    /// The best audio stream of `path`, resampled to `sampleRate` Hz and `channels` (1 or 2).
    ///
    /// - Throws: `MediaError`: `.noAudio` for a silent clip, `.missingLibrary` without FFmpeg,
    ///   and the kinds video opening gives for a missing, unreadable or damaged file.
    public static func decode(path: String, sampleRate: Int = analysisRate, channels: Int = 1) throws -> AudioClip {
        guard (1...2).contains(channels), (1_000...384_000).contains(sampleRate) else {
            throw MediaError(file: path, kind: .invalidRequest, "audio is decoded to 1 or 2 channels at 1–384 kHz")
        }
        try MediaInput.checkRegular(path)
        try FFmpegSetup.ensure(file: path)
        var opened: UnsafeMutablePointer<AVFormatContext>?
        let status = avformat_open_input(&opened, path, nil, nil)
        guard status >= 0, let format = opened else {
            throw MediaError(file: path, kind: .notAVideo, "cannot open: \(FFmpegStatus.text(status))")
        }
        defer {
            var doomed: UnsafeMutablePointer<AVFormatContext>? = format
            avformat_close_input(&doomed)
        }
        if avformat_find_stream_info(format, nil) < 0 {
            throw MediaError(file: path, kind: .truncated, "cannot read the streams")
        }
        let index = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, nil, 0)
        guard index >= 0, let stream = format.pointee.streams[Int(index)] else {
            throw MediaError(file: path, kind: .noAudio, "no sound: the file has no audio stream")
        }
        let parameters = stream.pointee.codecpar!
        guard let decoder = avcodec_find_decoder(parameters.pointee.codec_id) else {
            throw MediaError(file: path, kind: .unsupportedCodec,
                             "unsupported audio codec \(MediaInput.codecLabel(parameters.pointee))")
        }
        let codec = try OwnedCodecContext(codec: decoder, file: path)
        var opening = avcodec_parameters_to_context(codec.pointer, parameters)
        if opening >= 0 {
            codec.pointer.pointee.pkt_timebase = stream.pointee.time_base
            opening = avcodec_open2(codec.pointer, decoder, nil)
        }
        if opening < 0 {
            throw MediaError(file: path, kind: .unsupportedCodec, "cannot open the audio decoder: \(FFmpegStatus.text(opening))")
        }
        var resampler: OpaquePointer?
        let ready = bs_swr_open(&resampler, codec.pointer, Int32(sampleRate), Int32(channels))
        defer { swr_free(&resampler) }
        guard ready >= 0, let resampler else {
            throw MediaError(file: path, kind: .decodeFailed, "cannot convert the audio: \(FFmpegStatus.text(ready))")
        }
        let packet = try OwnedPacket(file: path), frame = try OwnedFrame(file: path)
        var samples: [Float] = []
        if format.pointee.duration > 0 {
            samples.reserveCapacity(Int(Double(format.pointee.duration) / Double(AV_TIME_BASE) * Double(sampleRate * channels)) + 4096)
        }

        func append(_ source: UnsafeMutablePointer<AVFrame>?) throws {
            let incoming = source.map { Int($0.pointee.nb_samples) } ?? 0
            let capacity = Int(swr_get_out_samples(resampler, Int32(incoming))) + 32
            var chunk = [Float](repeating: 0, count: capacity * channels)
            let written = chunk.withUnsafeMutableBufferPointer {
                bs_swr_convert_frame(resampler, $0.baseAddress, Int32(capacity), source)
            }
            if written < 0 {
                throw MediaError(file: path, kind: .decodeFailed, "cannot convert the audio: \(FFmpegStatus.text(written))")
            }
            samples += chunk[0..<(Int(written) * channels)]
        }

        var draining = false, damaged = 0
        decoding: while true {
            let received = avcodec_receive_frame(codec.pointer, frame.pointer)
            if received == 0 {
                try append(frame.pointer)
                av_frame_unref(frame.pointer)
                continue
            }
            if received == FFmpegStatus.endOfFile || (received == FFmpegStatus.again && draining) { break decoding }
            if received != FFmpegStatus.again {
                throw MediaError(file: path, kind: .decodeFailed, "decoding the audio failed: \(FFmpegStatus.text(received))")
            }
            if av_read_frame(format, packet.pointer) < 0 {
                _ = avcodec_send_packet(codec.pointer, nil)
                draining = true
                continue
            }
            defer { av_packet_unref(packet.pointer) }
            guard packet.pointer.pointee.stream_index == index else { continue }
            let sent = avcodec_send_packet(codec.pointer, packet.pointer)
            if sent < 0 && sent != FFmpegStatus.again {
                damaged += 1
                if damaged > 64 {
                    throw MediaError(file: path, kind: .decodeFailed, "the audio data is damaged: \(FFmpegStatus.text(sent))")
                }
            }
        }
        // What the resampler still holds (its filter delay).
        while true {
            let before = samples.count
            try append(nil)
            if samples.count == before { break }
        }
        return AudioClip(sampleRate: sampleRate, channels: channels, samples: samples)
    }
}
