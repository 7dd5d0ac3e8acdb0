import CFFmpeg

// Each libav allocation lives in a class whose deinit frees it, so every early `throw` and
// every dropped decoder releases exactly what it owns.

/// An owned `AVFrame`.
final class OwnedFrame {
    let pointer: UnsafeMutablePointer<AVFrame>

    init(file: String) throws {
        guard let frame = av_frame_alloc() else {
            throw MediaError(file: file, kind: .decodeFailed, "out of memory allocating a frame")
        }
        pointer = frame
    }

    deinit {
        var frame: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&frame)
    }
}

/// An owned `AVPacket`.
final class OwnedPacket {
    let pointer: UnsafeMutablePointer<AVPacket>

    init(file: String) throws {
        guard let packet = av_packet_alloc() else {
            throw MediaError(file: file, kind: .decodeFailed, "out of memory allocating a packet")
        }
        pointer = packet
    }

    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&packet)
    }
}

/// An owned `AVCodecContext` (decoder or encoder).
final class OwnedCodecContext {
    let pointer: UnsafeMutablePointer<AVCodecContext>

    init(codec: UnsafePointer<AVCodec>, file: String) throws {
        guard let context = avcodec_alloc_context3(codec) else {
            throw MediaError(file: file, kind: .decodeFailed, "out of memory allocating a codec")
        }
        pointer = context
    }

    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = pointer
        avcodec_free_context(&context)
    }
}
