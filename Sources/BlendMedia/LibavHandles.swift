import CFFmpeg

// Each libav allocation lives in a class whose deinit frees it, so every early `throw` and
// every dropped decoder releases exactly what it owns.

/// An owned libav allocation: the pointer and the libav function that frees it.
final class LibavOwned<Value> {
    let pointer: UnsafeMutablePointer<Value>
    private let free: (inout UnsafeMutablePointer<Value>?) -> Void

    /// Allocates with `allocate`; a nil result is out of memory, reported against `file`.
    fileprivate init(file: String, allocating what: String, _ allocate: () -> UnsafeMutablePointer<Value>?,
                     free: @escaping (inout UnsafeMutablePointer<Value>?) -> Void) throws {
        guard let pointer = allocate() else {
            throw MediaError(file: file, kind: .decodeFailed, "out of memory allocating \(what)")
        }
        self.pointer = pointer
        self.free = free
    }

    deinit {
        var owned: UnsafeMutablePointer<Value>? = pointer
        free(&owned)
    }
}

/// An owned `AVFrame`.
typealias OwnedFrame = LibavOwned<AVFrame>
/// An owned `AVPacket`.
typealias OwnedPacket = LibavOwned<AVPacket>
/// An owned `AVCodecContext` (decoder or encoder).
typealias OwnedCodecContext = LibavOwned<AVCodecContext>

extension LibavOwned where Value == AVFrame {
    convenience init(file: String) throws {
        try self.init(file: file, allocating: "a frame", { av_frame_alloc() }, free: { av_frame_free(&$0) })
    }
}

extension LibavOwned where Value == AVPacket {
    convenience init(file: String) throws {
        try self.init(file: file, allocating: "a packet", { av_packet_alloc() }, free: { av_packet_free(&$0) })
    }
}

extension LibavOwned where Value == AVCodecContext {
    convenience init(codec: UnsafePointer<AVCodec>, file: String) throws {
        try self.init(file: file, allocating: "a codec", { avcodec_alloc_context3(codec) },
                      free: { avcodec_free_context(&$0) })
    }
}
