import BlendMedia
import Foundation

/// Where the graphics layer's bytes go: the real terminal (the curses backend) or, in tests, a
/// recorder.
public protocol GraphicsWriter: AnyObject {
    /// Writes escape sequences straight to the terminal, after the frame's cells.
    func writeGraphics(_ bytes: [UInt8])
    /// Makes the terminal draw the cells of `area` again: sixel and iTerm2 pixels stay on the
    /// screen until text is written over them, and curses only rewrites cells it thinks changed.
    func repaint(_ area: Rect)
}

/// The pictures on the terminal (kitty, sixel, iTerm2), kept in step with each frame's
/// `Canvas.images`: a new or changed picture is written at its cells (cursor saved and
/// restored, so curses never loses track of it), a picture that moved or went away is removed —
/// kitty's by deleting its id, sixel's and iTerm2's by having the cells under it drawn again —
/// and everything is removed on quit. No stale pictures survive a scroll, a resize, another
/// screen or an overlay (whose view places no picture).
public final class GraphicsLayer {
    public let mode: GraphicsMode
    public let route: GraphicsRoute
    private let writer: GraphicsWriter
    /// What is on the terminal now, by image id.
    private var shown: [UInt32: CanvasImage] = [:]
    /// Pictures written so far (tests and the benchmark).
    public private(set) var written = 0

    /// Where sixel writes report how fast the terminal takes them (playback sizes its frames by it).
    private let throughput: TerminalThroughput

    public init(mode: GraphicsMode, route: GraphicsRoute, writer: GraphicsWriter, throughput: TerminalThroughput = .shared) {
        precondition(mode.drawsPixels, "the graphics layer draws pixels; cells go through the canvas")
        self.mode = mode
        self.route = route
        self.writer = writer
        self.throughput = throughput
    }

    /// Brings the terminal to `images` (drawn after the frame's cells).
    public func show(_ images: [CanvasImage]) {
        var wanted: [UInt32: CanvasImage] = [:]
        for image in images { wanted[image.id] = image }
        for (id, old) in shown.sorted(by: { $0.key < $1.key }) where wanted[id]?.area != old.area {
            remove(old)
        }
        for image in images where shown[image.id] != image {
            draw(image)
        }
        shown = wanted
    }

    /// The terminal was cleared or resized: everything is drawn again at the next `show`.
    public func invalidate() {
        if mode == .kitty {
            for image in shown.values.sorted(by: { $0.id < $1.id }) { writer.writeGraphics(KittyGraphics.delete(imageID: image.id, route: route)) }
        }
        shown = [:]
    }

    /// Removes every picture (on quit, before the terminal is handed back).
    public func clear() {
        show([])
    }

    private func remove(_ image: CanvasImage) {
        switch mode {
        case .kitty: writer.writeGraphics(KittyGraphics.delete(imageID: image.id, route: route))
        case .sixel, .iterm, .cells: writer.repaint(image.area)
        }
    }

    private func draw(_ image: CanvasImage) {
        let payload: [UInt8]
        switch mode {
        case .kitty:
            // Placed under the text (z = -1) with the cursor kept: a toast over the picture
            // stays readable, and the same id and placement replace the last frame in place.
            let placement = KittyGraphics.Placement(imageID: image.id, placementID: 1, columns: image.area.width,
                                                    rows: image.area.height, keepCursor: true, zIndex: -1)
            payload = KittyGraphics.transmitAndPlace(image.image, placement, route: route)
        case .sixel:
            guard let sixel = try? SixelImage.encode(image.image, route: route) else { return }
            payload = sixel
        case .iterm:
            payload = ITermImage.inline(image.image, columns: image.area.width, rows: image.area.height, route: route)
        case .cells:
            return
        }
        let at = Array("\u{1B}7\u{1B}[\(image.area.y + 1);\(image.area.x + 1)H".utf8)
        let clock = ContinuousClock()
        let start = clock.now
        writer.writeGraphics(at + payload + Array("\u{1B}8".utf8))
        if mode == .sixel {
            let took = start.duration(to: clock.now).components
            throughput.record(bytes: payload.count, pixels: image.image.width * image.image.height,
                              seconds: Double(took.seconds) + Double(took.attoseconds) * 1e-18)
        }
        written += 1
    }
}
