import BlendMedia
import Foundation
import XCTest
@testable import BlendTUI

/// Records what the graphics layer writes and which areas it has redrawn.
final class RecordingGraphicsWriter: GraphicsWriter {
    enum Event: Equatable {
        case write(String)
        case repaint(Rect)
    }

    var events: [Event] = []

    func writeGraphics(_ bytes: [UInt8]) { events.append(.write(String(decoding: bytes, as: UTF8.self))) }
    func repaint(_ area: Rect) { events.append(.repaint(area)) }

    /// The events so far, then forgotten.
    func take() -> [Event] {
        defer { events = [] }
        return events
    }
}

/// The image lifecycle: a picture is sent once per new frame, moved pictures are removed first,
/// and screen changes, resizes and quitting leave no picture behind (kitty by id, sixel and
/// iTerm2 by redrawing the cells under them).
final class GraphicsLayerTests: XCTestCase {
    private let picture = RGBImage(width: 4, height: 2, pixels: Array(repeating: 200, count: 4 * 2 * 3))

    private func image(at area: Rect, version: String = "c@0.0") -> CanvasImage {
        CanvasImage(id: 17, area: area, image: picture, version: version)
    }

    private func isKittyTransmit(_ event: RecordingGraphicsWriter.Event, at area: Rect) -> Bool {
        guard case .write(let text) = event else { return false }
        return text.hasPrefix("\u{1B}7\u{1B}[\(area.y + 1);\(area.x + 1)H\u{1B}_Ga=T,f=24,s=4,v=2,i=17,p=1,c=\(area.width),r=\(area.height)")
            && text.contains(",C=1,z=-1") && text.hasSuffix("\u{1B}8")
    }

    private let delete17 = RecordingGraphicsWriter.Event.write("\u{1B}_Ga=d,d=I,i=17,q=2\u{1B}\\")

    func testKittySendsEachFrameOnceAndDeletesByIdWhenItMovesOrGoes() {
        let writer = RecordingGraphicsWriter()
        let layer = GraphicsLayer(mode: .kitty, route: .direct, writer: writer)
        let a = Rect(x: 3, y: 5, width: 10, height: 4), b = Rect(x: 3, y: 2, width: 10, height: 4)
        layer.show([image(at: a)])
        let first = writer.take()
        XCTAssertEqual(first.count, 1)
        XCTAssertTrue(isKittyTransmit(first[0], at: a), "\(first)")
        layer.show([image(at: a)])
        XCTAssertEqual(writer.take(), [], "an unchanged frame is not sent again")
        // Playback: the next frame replaces the picture in place (same id and placement), no delete.
        layer.show([image(at: a, version: "c@0.1")])
        let next = writer.take()
        XCTAssertEqual(next.count, 1)
        XCTAssertTrue(isKittyTransmit(next[0], at: a))
        // A scroll or a new layout moves it: deleted, then placed at the new cells.
        layer.show([image(at: b, version: "c@0.1")])
        let moved = writer.take()
        XCTAssertEqual(moved.first, delete17)
        XCTAssertTrue(moved.count == 2 && isKittyTransmit(moved[1], at: b), "\(moved)")
        // Another screen (or the help overlay) places no picture: deleted.
        layer.show([])
        XCTAssertEqual(writer.take(), [delete17])
        layer.show([])
        XCTAssertEqual(writer.take(), [])
    }

    func testKittyResizeRedrawsAndQuitDeletes() {
        let writer = RecordingGraphicsWriter()
        let layer = GraphicsLayer(mode: .kitty, route: .direct, writer: writer)
        let a = Rect(x: 1, y: 1, width: 6, height: 3)
        layer.show([image(at: a)])
        _ = writer.take()
        layer.invalidate()
        XCTAssertEqual(writer.take(), [delete17])
        layer.show([image(at: a)])
        XCTAssertTrue(writer.take().first.map { isKittyTransmit($0, at: a) } ?? false, "drawn again after a resize")
        layer.clear()
        XCTAssertEqual(writer.take(), [delete17])
    }

    func testKittyThroughTmuxIsPassedThrough() {
        let writer = RecordingGraphicsWriter()
        let layer = GraphicsLayer(mode: .kitty, route: .tmux, writer: writer)
        layer.show([image(at: Rect(x: 0, y: 0, width: 2, height: 1))])
        layer.show([])
        let events = writer.take()
        guard events.count == 2, case .write(let place) = events[0], case .write(let delete) = events[1] else {
            return XCTFail("\(events)")
        }
        XCTAssertTrue(place.contains("\u{1B}Ptmux;\u{1B}\u{1B}_Ga=T"), place)
        XCTAssertEqual(delete, "\u{1B}Ptmux;\u{1B}\u{1B}_Ga=d,d=I,i=17,q=2\u{1B}\u{1B}\\\u{1B}\\")
    }

    func testITermPicturesAreOverwrittenByTheCellsWhenTheyMoveOrGo() {
        let writer = RecordingGraphicsWriter()
        let layer = GraphicsLayer(mode: .iterm, route: .direct, writer: writer)
        let a = Rect(x: 2, y: 4, width: 8, height: 3), b = Rect(x: 2, y: 9, width: 8, height: 3)
        layer.show([image(at: a)])
        guard case .write(let first)? = writer.take().first else { return XCTFail("nothing written") }
        XCTAssertTrue(first.hasPrefix("\u{1B}7\u{1B}[5;3H\u{1B}]1337;File=inline=1;"), String(first.prefix(40)))
        layer.show([image(at: b)])
        let moved = writer.take()
        XCTAssertEqual(moved.first, .repaint(a))
        XCTAssertEqual(moved.count, 2)
        layer.clear()
        XCTAssertEqual(writer.take(), [.repaint(b)])
    }

    /// Through the runtime: the frame's pictures follow the screen, a resize and quitting.
    func testRuntimeShowsMovesAndRemovesPictures() {
        let writer = RecordingGraphicsWriter()
        let layer = GraphicsLayer(mode: .kitty, route: .direct, writer: writer)
        let backend = ScriptedBackend(width: 30, height: 8, script: [[.key(.char("s"))], [.resize(width: 40, height: 10)],
                                                                     [.key(.char("s"))], [.key(.char("q"))]])
        let runtime = TerminalRuntime(program: PictureProgram(), state: PictureProgram.State(), backend: backend, graphics: layer)
        runtime.run()
        let events = writer.events
        // Shown; removed on the other screen; back after the resize (drawn at its new place); deleted on quit.
        XCTAssertEqual(events.count, 4, "\(events)")
        XCTAssertTrue(isKittyTransmit(events[0], at: Rect(x: 1, y: 1, width: 4, height: 2)))
        XCTAssertEqual(events[1], delete17)
        XCTAssertTrue(isKittyTransmit(events[2], at: Rect(x: 1, y: 1, width: 4, height: 2)))
        XCTAssertEqual(events[3], delete17)
    }
}

/// Shows a picture on its first screen; `s` switches screens, `q` quits.
private struct PictureProgram: Program {
    struct State {
        var pictureScreen = true
        var quit = false
    }

    enum Action: Sendable { case key(KeyChord) }

    var minimumSize: (width: Int, height: Int) { (10, 4) }

    func update(_ state: inout State, _ action: Action) -> [Effect<Action>] {
        switch action {
        case .key(.char("s")): state.pictureScreen.toggle()
        case .key(.char("q")): state.quit = true
        case .key: break
        }
        return []
    }

    func view(_ state: State, into canvas: inout Canvas) {
        guard state.pictureScreen else { return }
        canvas.place(CanvasImage(id: 17, area: Rect(x: 1, y: 1, width: 4, height: 2),
                                 image: RGBImage(width: 4, height: 2, pixels: Array(repeating: 9, count: 24)), version: "only"))
    }

    func actions(for event: InputEvent, region: String?, state: State) -> [Action] {
        if case .key(let chord) = event { return [.key(chord)] }
        return []
    }

    func shouldQuit(_ state: State) -> Bool { state.quit }
}
