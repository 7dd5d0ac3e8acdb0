import CCairo
import Foundation

/// What a PNG holds, read back through cairo: for tests and checks that a figure is not blank.
public struct PNGSummary: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Distinct pixel values (ARGB), counted up to 256.
    public let colours: Int
}

extension FigureRenderer {
    /// Decodes `data` as a PNG.
    public static func summarisePNG(_ data: Data) throws -> PNGSummary {
        try loadCairo()
        let source = ByteSource(data)
        guard let surface = cairo_image_surface_create_from_png_stream(readBytes, Unmanaged.passUnretained(source).toOpaque())
        else { throw FigureError.cairo("no surface") }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw FigureError.cairo("not a PNG") }
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let pixels = cairo_image_surface_get_data(surface) else { throw FigureError.cairo("no pixels") }
        var seen = Set<UInt32>()
        pixels.withMemoryRebound(to: UInt8.self, capacity: stride * height) { base in
            for y in 0..<height where seen.count < 256 {
                let row = UnsafeRawPointer(base + y * stride)
                for x in 0..<width { seen.insert(row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)) }
            }
        }
        withExtendedLifetime(source) {}
        return PNGSummary(width: width, height: height, colours: min(seen.count, 256))
    }
}

private final class ByteSource {
    let data: Data
    var offset = 0
    init(_ data: Data) { self.data = data }
}

private let readBytes: cairo_read_func_t = { closure, buffer, length in
    guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
    let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
    let count = Int(length)
    guard source.offset + count <= source.data.count else { return CAIRO_STATUS_READ_ERROR }
    let start = source.data.startIndex + source.offset
    source.data.copyBytes(to: buffer, from: start..<(start + count))
    source.offset += count
    return CAIRO_STATUS_SUCCESS
}
