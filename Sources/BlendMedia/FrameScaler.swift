import BlendCore
import CFFmpeg

/// Converts decoded frames to packed RGB at any size with libswscale, then applies the display
/// rotation. Owns its `SwsContext`, reused while the frame format and output size stay the same.
final class FrameScaler {
    private var context: OpaquePointer?
    /// What the context was last set up for; any change re-applies the colour matrix (a new
    /// context may reuse the old one's address, so the pointer alone cannot tell).
    private var configured: Configuration?

    private struct Configuration: Equatable {
        let sourceWidth: Int32, sourceHeight: Int32, sourceFormat: Int32
        let width: Int, height: Int, flags: Int32
        let space: AVColorSpace, range: AVColorRange
    }
    /// Rows padded to 64 bytes plus slack: swscale's SIMD paths may write past a packed row.
    private var scratch: [UInt8] = []

    // Only a context made by swscale is freed: a scaler dropped before FFmpeg loaded (a
    // decoder that failed to open) must not call into it.
    deinit { if let context { sws_freeContext(context) } }

    /// `frame` scaled so that, after turning it `rotation` degrees counter-clockwise, it measures
    /// `size`.
    func image(from frame: UnsafePointer<AVFrame>, size: PixelSize, rotation: Int,
               file: String) throws -> RGBImage {
        let quarterTurn = rotation == 90 || rotation == 270
        let width = quarterTurn ? size.height : size.width
        let height = quarterTurn ? size.width : size.height
        let source = frame.pointee
        let flags = FrameScaler.filter(from: PixelSize(width: Int(max(1, source.width)), height: Int(max(1, source.height))),
                                       to: PixelSize(width: width, height: height))
        guard let scaler = sws_getCachedContext(
            context, source.width, source.height, AVPixelFormat(rawValue: source.format),
            Int32(width), Int32(height), AV_PIX_FMT_RGB24, flags, nil, nil, nil)
        else {
            throw MediaError(file: file, kind: .decodeFailed,
                             "cannot convert \(source.width)×\(source.height) pixel format \(source.format) to RGB")
        }
        context = scaler
        let configuration = Configuration(
            sourceWidth: source.width, sourceHeight: source.height, sourceFormat: source.format,
            width: width, height: height, flags: flags, space: source.colorspace, range: source.color_range)
        if configuration != configured {
            configureColour(scaler, space: source.colorspace, range: source.color_range)
            configured = configuration
        }

        let stride = (width * 3 + 63) / 64 * 64
        let needed = stride * height + 64
        if scratch.count < needed { scratch = [UInt8](repeating: 0, count: needed) }

        let rowBytes = width * 3
        // Every byte is copied in below: no zero-filling a frame-sized array first.
        let pixels = scratch.withUnsafeMutableBufferPointer { buffer in
            var planes: [UnsafeMutablePointer<UInt8>?] = [buffer.baseAddress, nil, nil, nil]
            var strides: [Int32] = [Int32(stride), 0, 0, 0]
            _ = sws_scale(scaler, bs_frame_planes(frame), bs_frame_strides(frame), 0, source.height,
                          &planes, &strides)
            return [UInt8](unsafeUninitializedCapacity: rowBytes * height) { out, count in
                for y in 0..<height {
                    (out.baseAddress! + y * rowBytes).initialize(from: buffer.baseAddress! + y * stride, count: rowBytes)
                }
                count = rowBytes * height
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels).rotated(counterClockwise: rotation)
    }

    /// Area averaging where many source pixels fall into one output pixel; where fewer than two
    /// do (a 1080p frame into a 1600×900 pane), plain bilinear interpolation already uses every
    /// source pixel, and swscale's fast bilinear path takes 4 ms instead of area's 7 for that
    /// frame. Bilinear when enlarging; the same size is a plain conversion either way.
    static func filter(from source: PixelSize, to size: PixelSize) -> Int32 {
        guard size.width <= source.width && size.height <= source.height else { return SWS_BILINEAR }
        let same = size == source
        let mild = 2 * size.width > source.width && 2 * size.height > source.height
        return !same && mild ? SWS_FAST_BILINEAR : SWS_AREA
    }

    /// Uses the frame's own YCbCr matrix and range (BT.601 when unspecified), as ffmpeg's scale
    /// filter does, so colours match what `ffmpeg` extracts.
    private func configureColour(_ scaler: OpaquePointer, space: AVColorSpace, range: AVColorRange) {
        var inverse: UnsafeMutablePointer<Int32>?, table: UnsafeMutablePointer<Int32>?
        var sourceRange: Int32 = 0, destinationRange: Int32 = 0
        var brightness: Int32 = 0, contrast: Int32 = 0, saturation: Int32 = 0
        if sws_getColorspaceDetails(scaler, &inverse, &sourceRange, &table, &destinationRange,
                                    &brightness, &contrast, &saturation) >= 0 {
            if range == AVCOL_RANGE_JPEG { sourceRange = 1 }
            if range == AVCOL_RANGE_MPEG { sourceRange = 0 }
            _ = sws_setColorspaceDetails(scaler, sws_getCoefficients(Int32(space.rawValue)), sourceRange,
                                         table, destinationRange, brightness, contrast, saturation)
        }
    }
}

/// A size in pixels.
public struct PixelSize: Sendable, Hashable, CustomStringConvertible {
    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        precondition(width > 0 && height > 0, "a pixel size needs positive sides")
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)x\(height)" }
}
