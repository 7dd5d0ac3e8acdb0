import BlendCore
import CCairo
import Foundation

/// The file formats a figure is written in.
public enum FigureFormat: String, Sendable, Hashable, CaseIterable {
    case pdf, svg, png

    /// The format a file name's extension names, if any.
    public init?(path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        guard let f = FigureFormat(rawValue: ext) else { return nil }
        self = f
    }
}

public enum FigureError: Error, CustomStringConvertible, Sendable {
    /// cairo could not be opened: the loader's message (what to install).
    case cairoUnavailable(String)
    /// cairo failed while drawing or writing.
    case cairo(String)

    public var description: String {
        switch self {
        case .cairoUnavailable(let why): "cannot draw figures: \(why)"
        case .cairo(let why): "cairo failed: \(why)"
        }
    }
}

/// Draws a `Figure` with cairo into the bytes of a PDF, SVG or PNG file.
public enum FigureRenderer {
    /// PNG resolution: 300 dpi, what journals ask of raster figures.
    public static let pngScale = 300.0 / 72.0

    /// The pixel size of `figure` as a PNG.
    public static func pixelSize(of figure: Figure) -> (width: Int, height: Int) {
        (Int((figure.width * pngScale).rounded(.up)), Int((figure.height * pngScale).rounded(.up)))
    }

    /// Opens cairo (on the first call) or says what to install.
    public static func loadCairo() throws {
        if let why = bs_cairo_load() { throw FigureError.cairoUnavailable(String(cString: why)) }
    }

    public static func render(_ figure: Figure, as format: FigureFormat) throws -> Data {
        try loadCairo()
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let surface: OpaquePointer?
        switch format {
        case .pdf:
            surface = cairo_pdf_surface_create_for_stream(appendBytes, closure, figure.width, figure.height)
            if let surface {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "blendscope")
                // cairo stamps the time of drawing by default; an empty date leaves it out, so
                // the same figure is the same bytes (the file's own time says when it was made).
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
            }
        case .svg:
            surface = cairo_svg_surface_create_for_stream(appendBytes, closure, figure.width, figure.height)
            if let surface { cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT) }
        case .png:
            let size = pixelSize(of: figure)
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(size.width), Int32(size.height))
        }
        guard let surface else { throw FigureError.cairo("no surface") }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface))
        guard let cr = cairo_create(surface) else { throw FigureError.cairo("no context") }
        if format == .png { cairo_scale(cr, pngScale, pngScale) }
        draw(figure, on: cr)
        let drawn = cairo_status(cr)
        cairo_destroy(cr)
        try check(drawn)
        if format == .png {
            try check(cairo_surface_write_to_png_stream(surface, appendBytes, closure))
        } else {
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface))
        }
        withExtendedLifetime(sink) {}
        return format == .svg ? SVGIdentifiers.numbered(sink.data) : sink.data
    }

    private static func check(_ status: cairo_status_t) throws {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        let text = cairo_status_to_string(status).map { String(cString: $0) } ?? "status \(status.rawValue)"
        throw FigureError.cairo(text)
    }

    private static func draw(_ figure: Figure, on cr: OpaquePointer) {
        // A white page, so that a figure reads the same on a dark viewer as on paper.
        setColour(cr, Palette.white)
        cairo_rectangle(cr, 0, 0, figure.width, figure.height)
        cairo_fill(cr)
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        for mark in figure.marks { draw(mark, on: cr) }
    }

    private static func draw(_ mark: FigureMark, on cr: OpaquePointer) {
        switch mark {
        case .cell(let box, let colour):
            // Corners on whole device units: neighbours share an edge exactly, so no hairline
            // of background shows between them in any viewer.
            var (x0, y0, x1, y1) = (box.x, box.y, box.maxX, box.maxY)
            cairo_user_to_device(cr, &x0, &y0)
            cairo_user_to_device(cr, &x1, &y1)
            (x0, y0, x1, y1) = (x0.rounded(), y0.rounded(), x1.rounded(), y1.rounded())
            cairo_device_to_user(cr, &x0, &y0)
            cairo_device_to_user(cr, &x1, &y1)
            cairo_save(cr)
            cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE)
            setColour(cr, colour)
            cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0)
            cairo_fill(cr)
            cairo_restore(cr)
        case .rect(let box, let fill, let stroke):
            cairo_rectangle(cr, box.x, box.y, box.width, box.height)
            if let fill {
                setColour(cr, fill)
                if stroke == nil { cairo_fill(cr) } else { cairo_fill_preserve(cr) }
            }
            if let stroke { apply(stroke, cr); cairo_stroke(cr) }
            cairo_new_path(cr)
        case .polyline(let points, let stroke):
            guard let first = points.first else { return }
            cairo_move_to(cr, first.x, first.y)
            for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
            apply(stroke, cr)
            cairo_stroke(cr)
        case .polygon(let points, let fill, let opacity):
            guard let first = points.first else { return }
            cairo_move_to(cr, first.x, first.y)
            for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
            cairo_close_path(cr)
            cairo_set_source_rgba(cr, Double(fill.red) / 255, Double(fill.green) / 255, Double(fill.blue) / 255, opacity)
            cairo_fill(cr)
        case .text(let text, let at, let size, let anchor, let colour, let vertical):
            cairo_set_font_size(cr, size)
            var extents = cairo_text_extents_t()
            cairo_text_extents(cr, text, &extents)
            let shift: Double
            switch anchor {
            case .start: shift = 0
            case .middle: shift = -extents.x_advance / 2
            case .end: shift = -extents.x_advance
            }
            setColour(cr, colour)
            cairo_save(cr)
            cairo_translate(cr, at.x, at.y)
            if vertical { cairo_rotate(cr, -Double.pi / 2) }
            cairo_move_to(cr, shift, 0)
            cairo_show_text(cr, text)
            cairo_restore(cr)
            cairo_new_path(cr)
        case .marker(let shape, let at, let size, let stroke, let fill):
            path(shape, at: at, size: size, cr)
            if let fill, shape != .cross, shape != .plus {
                setColour(cr, fill)
                cairo_fill_preserve(cr)
            }
            apply(FigureStroke(stroke.colour, width: stroke.width), cr)
            cairo_stroke(cr)
        }
    }

    private static func path(_ shape: MarkerShape, at p: FigurePoint, size: Double, _ cr: OpaquePointer) {
        let r = size / 2
        switch shape {
        case .circle:
            cairo_new_path(cr)
            cairo_arc(cr, p.x, p.y, r, 0, 2 * Double.pi)
            cairo_close_path(cr)
        case .square:
            cairo_rectangle(cr, p.x - r * 0.85, p.y - r * 0.85, r * 1.7, r * 1.7)
        case .triangle:
            cairo_move_to(cr, p.x, p.y - r)
            cairo_line_to(cr, p.x + r * 0.95, p.y + r * 0.75)
            cairo_line_to(cr, p.x - r * 0.95, p.y + r * 0.75)
            cairo_close_path(cr)
        case .diamond:
            cairo_move_to(cr, p.x, p.y - r)
            cairo_line_to(cr, p.x + r, p.y)
            cairo_line_to(cr, p.x, p.y + r)
            cairo_line_to(cr, p.x - r, p.y)
            cairo_close_path(cr)
        case .cross:
            cairo_move_to(cr, p.x - r * 0.8, p.y - r * 0.8)
            cairo_line_to(cr, p.x + r * 0.8, p.y + r * 0.8)
            cairo_move_to(cr, p.x - r * 0.8, p.y + r * 0.8)
            cairo_line_to(cr, p.x + r * 0.8, p.y - r * 0.8)
        case .plus:
            cairo_move_to(cr, p.x - r, p.y)
            cairo_line_to(cr, p.x + r, p.y)
            cairo_move_to(cr, p.x, p.y - r)
            cairo_line_to(cr, p.x, p.y + r)
        }
    }

    private static func apply(_ stroke: FigureStroke, _ cr: OpaquePointer) {
        setColour(cr, stroke.colour)
        cairo_set_line_width(cr, stroke.width)
        stroke.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }

    private static func setColour(_ cr: OpaquePointer, _ c: RGB) {
        cairo_set_source_rgb(cr, Double(c.red) / 255, Double(c.green) / 255, Double(c.blue) / 255)
    }
}

/// Where cairo's stream surfaces write: the file's bytes, kept in memory so that the file is
/// written whole or not at all.
private final class ByteSink {
    var data = Data()
}

private let appendBytes: cairo_write_func_t = { closure, bytes, length in
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    if let bytes, length > 0 { sink.data.append(bytes, count: Int(length)) }
    return CAIRO_STATUS_SUCCESS
}
