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
        let shrinking = width <= source.width && height <= source.height
        // Area averaging is the right filter when many source pixels fall into one cell pixel.
        let flags = shrinking ? SWS_AREA : SWS_BILINEAR
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

        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        scratch.withUnsafeMutableBufferPointer { buffer in
            var planes: [UnsafeMutablePointer<UInt8>?] = [buffer.baseAddress, nil, nil, nil]
            var strides: [Int32] = [Int32(stride), 0, 0, 0]
            _ = sws_scale(scaler, bs_frame_planes(frame), bs_frame_strides(frame), 0, source.height,
                          &planes, &strides)
            pixels.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    (out.baseAddress! + y * width * 3)
                        .update(from: buffer.baseAddress! + y * stride, count: width * 3)
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels).rotated(counterClockwise: rotation)
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
