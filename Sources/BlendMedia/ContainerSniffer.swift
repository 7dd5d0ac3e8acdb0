import CFFmpeg

/// Recognises a container from a file's first bytes alone, ignoring its extension.
enum ContainerSniffer {
    /// Bytes read from the head of the file; every container signature libav checks fits.
    private static let headBytes = 4096
    /// libav's "confident" probe score (AVPROBE_SCORE_MAX / 4): below it a match is a guess.
    private static let confidentScore: Int32 = 25

    /// The container's long name when the content matches one confidently, else nil.
    static func recognise(path: String) -> String? {
        var io: UnsafeMutablePointer<AVIOContext>?
        guard avio_open(&io, path, AVIO_FLAG_READ) >= 0, let reader = io else { return nil }
        defer { avio_closep(&io) }

        // Probe buffers must be followed by zeroed padding.
        var buffer = [UInt8](repeating: 0, count: headBytes + Int(AVPROBE_PADDING_SIZE))
        let count = buffer.withUnsafeMutableBufferPointer { avio_read(reader, $0.baseAddress, Int32(headBytes)) }
        guard count > 0 else { return nil }

        var score: Int32 = 0
        let format: UnsafePointer<AVInputFormat>? = buffer.withUnsafeMutableBufferPointer { bytes in
            "".withCString { emptyName in
                var probe = AVProbeData(filename: emptyName, buf: bytes.baseAddress, buf_size: count,
                                        mime_type: nil)
                return av_probe_input_format3(&probe, 1, &score)
            }
        }
        guard let format, score >= confidentScore else { return nil }
        return String(cString: format.pointee.long_name ?? format.pointee.name)
    }
}
