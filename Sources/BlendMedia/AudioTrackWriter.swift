import CFFmpeg

/// The sound track of a clip `VideoWriter` writes: mono float samples encoded as AAC (FFmpeg's
/// own encoder) in frames of the encoder's size, the last one padded with silence.
final class AudioTrackWriter {
    let sampleRate: Int
    private let path: String
    private let stream: UnsafeMutablePointer<AVStream>
    private let encoder: OwnedCodecContext
    private let frame: OwnedFrame
    private let packet: OwnedPacket
    private let frameSize: Int
    private var pending: [Float] = []
    private var nextSample: Int64 = 0

    /// Adds the stream to `output` (before its header is written).
    init(output: UnsafeMutablePointer<AVFormatContext>, path: String, sampleRate: Int, bitRate: Int = 32_000) throws {
        self.path = path
        self.sampleRate = sampleRate
        guard let codec = avcodec_find_encoder_by_name("aac") else {
            throw MediaError(file: path, kind: .encodeFailed, "this FFmpeg has no aac encoder")
        }
        guard let newStream = avformat_new_stream(output, nil) else {
            throw MediaError(file: path, kind: .encodeFailed, "cannot add an audio stream")
        }
        stream = newStream
        encoder = try OwnedCodecContext(codec: codec, file: path)
        let context = encoder.pointer
        context.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP
        context.pointee.sample_rate = Int32(sampleRate)
        av_channel_layout_default(&context.pointee.ch_layout, 1)
        context.pointee.bit_rate = Int64(bitRate)
        context.pointee.time_base = AVRational(num: 1, den: Int32(sampleRate))
        context.pointee.thread_count = 1
        if output.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER != 0 {
            context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER
        }
        try Self.check(avcodec_open2(context, codec, nil), path, "cannot open the aac encoder")
        try Self.check(avcodec_parameters_from_context(stream.pointee.codecpar, context), path,
                       "cannot describe the audio stream")
        stream.pointee.time_base = context.pointee.time_base
        frameSize = max(1, Int(context.pointee.frame_size))
        frame = try OwnedFrame(file: path)
        frame.pointer.pointee.nb_samples = Int32(frameSize)
        frame.pointer.pointee.format = AV_SAMPLE_FMT_FLTP.rawValue
        frame.pointer.pointee.sample_rate = Int32(sampleRate)
        av_channel_layout_default(&frame.pointer.pointee.ch_layout, 1)
        try Self.check(av_frame_get_buffer(frame.pointer, 0), path, "cannot allocate an audio frame")
        packet = try OwnedPacket(file: path)
    }

    /// Queues samples and encodes every full frame.
    func append(_ samples: [Float], output: UnsafeMutablePointer<AVFormatContext>) throws {
        pending += samples
        while pending.count >= frameSize {
            try encode(Array(pending[0..<frameSize]), output: output)
            pending.removeFirst(frameSize)
        }
    }

    /// Encodes what is left (padded with silence) and drains the encoder.
    func finish(output: UnsafeMutablePointer<AVFormatContext>) throws {
        if !pending.isEmpty {
            try encode(pending + [Float](repeating: 0, count: frameSize - pending.count), output: output)
            pending = []
        }
        try send(nil, output: output)
    }

    private func encode(_ samples: [Float], output: UnsafeMutablePointer<AVFormatContext>) throws {
        try Self.check(av_frame_make_writable(frame.pointer), path, "cannot write the audio frame")
        guard let plane = frame.pointer.pointee.data.0 else {
            throw MediaError(file: path, kind: .encodeFailed, "the audio frame has no buffer")
        }
        plane.withMemoryRebound(to: Float.self, capacity: frameSize) { out in
            for i in 0..<frameSize { out[i] = samples[i] }
        }
        frame.pointer.pointee.pts = nextSample
        nextSample += Int64(frameSize)
        try send(frame.pointer, output: output)
    }

    private func send(_ audio: UnsafeMutablePointer<AVFrame>?, output: UnsafeMutablePointer<AVFormatContext>) throws {
        try Self.check(avcodec_send_frame(encoder.pointer, audio), path, "audio encoding failed")
        while true {
            let status = avcodec_receive_packet(encoder.pointer, packet.pointer)
            if status == FFmpegStatus.again || status == FFmpegStatus.endOfFile { return }
            try Self.check(status, path, "audio encoding failed")
            av_packet_rescale_ts(packet.pointer, encoder.pointer.pointee.time_base, stream.pointee.time_base)
            packet.pointer.pointee.stream_index = stream.pointee.index
            try Self.check(av_interleaved_write_frame(output, packet.pointer), path, "cannot write audio data")
        }
    }

    private static func check(_ status: Int32, _ path: String, _ what: String) throws {
        if status < 0 {
            throw MediaError(file: path, kind: .encodeFailed, "\(what): \(FFmpegStatus.text(status))")
        }
    }
}
