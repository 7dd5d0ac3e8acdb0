import BlendCore
import BlendMedia
import Foundation
import XCTest
@testable import BlendTUI

/// The Clips screen's video preview: every action of its reducer, the view's cells and messages.
final class ClipVideoTests: XCTestCase {
    private typealias F = WorkbenchFixture
    private let path = "/videos/first.mov"

    /// On the Clips screen with the first row's clip linked, its first frame delivered.
    private func opened(width: Int = 160, height: Int = 48) -> WorkbenchState {
        var state = F.clips(videos: [F.rowName(0): path], width: width, height: height)
        let frame = state.clips.video.box!.isTooSmall ? nil : F.decodedFrame(state)
        F.send(&state, .clipVideo(.opened(clip: state.clips.video.clip!, info: F.videoInfo, frame: frame, box: state.clips.video.box!)))
        return state
    }

    /// The keys of the preview's own effects that `key` starts (the notes and the jobs poll
    /// start theirs on the same keys).
    private func run(_ state: inout WorkbenchState, _ key: String) -> [String] {
        videoKeys(F.program.update(&state, F.key(key)))
    }

    private func videoKeys(_ effects: [Effect<WorkbenchAction>]) -> [String] {
        F.effectKeys(effects).filter { $0.contains("clip-video") }
    }

    func testSelectingALinkedClipAsksForItsFirstFrameOffTheUIThread() {
        var state = WorkbenchProgram.initialState(path: F.project.path, width: 160, height: 48)
        F.send(&state, .loaded(F.project(videos: [F.rowName(0): path])))
        let effects = F.program.update(&state, F.key("2"))
        XCTAssertEqual(videoKeys(effects), ["clip-video"])
        XCTAssertEqual(state.clips.video.clip, F.clipName(state, row: 0))
        XCTAssertEqual(state.clips.video.status, .loading)
        XCTAssertFalse(state.clips.video.box!.isTooSmall, "160×48 leaves room for a picture in the clip pane")
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains("decoding…"))
    }

    func testTheArrivingFrameIsDrawnWithItsColours() throws {
        let state = opened()
        XCTAssertEqual(state.clips.video.status, .ready)
        XCTAssertEqual(state.clips.video.info, F.videoInfo)
        let canvas = F.program.frame(state, width: 160, height: 48)
        let grid = try XCTUnwrap(state.clips.video.frame?.grid)
        // Find the frame's top-left cell: the first green-backed half block in the clip pane.
        let pane = ClipsLayout(state.app).clip
        var origin: (x: Int, y: Int)?
        for y in pane.y..<pane.maxY where origin == nil {
            for x in pane.x..<pane.maxX where canvas[x, y].style.background == .rgb(RGB(0, 180, 0)) {
                origin = (x, y)
                break
            }
        }
        let (x0, y0) = try XCTUnwrap(origin)
        for row in [0, grid.rows - 1] {
            for column in [0, 1, grid.columns - 1] {
                let cell = canvas[x0 + column, y0 + row]
                XCTAssertEqual(cell.grapheme, "▀")
                XCTAssertEqual(cell.style.foreground, ClipVideoView.color(grid[column, row].foreground))
                XCTAssertEqual(cell.style.background, ClipVideoView.color(grid[column, row].background))
            }
        }
        XCTAssertTrue(canvas.text().contains("0.00 / 3.20 s"))
    }

    func testFramesForAnotherClipAreDropped() {
        var state = opened()
        let shown = state.clips.video.frame
        let stale = F.frame(clip: "someone-else", columns: 4, rows: 4)
        F.send(&state, .clipVideo(.opened(clip: "someone-else", info: F.videoInfo, frame: stale, box: state.clips.video.box!)),
               .clipVideo(.played(stale)), .clipVideo(.failed(clip: "someone-else", message: "gone")))
        XCTAssertTrue(state.clips.video.frame == shown)
        XCTAssertEqual(state.clips.video.status, .ready)
        // A frame decoded for an older box (before a resize) is dropped as well.
        var resized = state.clips.video.box!
        resized.rows -= 3
        F.send(&state, .clipVideo(.opened(clip: state.clips.video.clip!, info: F.videoInfo, frame: stale, box: resized)))
        XCTAssertTrue(state.clips.video.frame == shown)
    }

    func testPlayPauseStartsAndCancelsPlayback() {
        var state = opened()
        XCTAssertEqual(run(&state, "space"), ["clip-video"])
        XCTAssertTrue(state.clips.video.playing)
        let next = F.decodedFrame(state, time: 0.4)
        F.send(&state, .clipVideo(.played(next)))
        XCTAssertTrue(state.clips.video.frame == next)
        XCTAssertEqual(state.clips.video.position, 0.4)
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains("▶ 0.40 / 3.20 s"))
        XCTAssertEqual(run(&state, "space"), ["cancel:clip-video"])
        XCTAssertFalse(state.clips.video.playing)
        // A frame still in flight after the pause is dropped.
        F.send(&state, .clipVideo(.played(F.decodedFrame(state, time: 0.47))))
        XCTAssertEqual(state.clips.video.position, 0.4)
    }

    func testPlaybackEndsAndStartsOverFromTheBeginning() {
        var state = opened()
        _ = run(&state, "space")
        F.send(&state, .clipVideo(.played(F.decodedFrame(state, time: 3.2 - 1.0 / 15))), .clipVideo(.ended(clip: state.clips.video.clip!)))
        XCTAssertFalse(state.clips.video.playing)
        XCTAssertEqual(run(&state, "space"), ["clip-video"])
        XCTAssertEqual(state.clips.video.position, 0)
    }

    func testStepsMoveOneFrameAndPause() {
        var state = opened()
        _ = run(&state, "space")
        XCTAssertEqual(run(&state, "."), ["clip-video"])
        XCTAssertFalse(state.clips.video.playing)
        XCTAssertEqual(state.clips.video.position, 1.0 / 15, accuracy: 1e-9)
        XCTAssertEqual(run(&state, "right"), ["clip-video"])
        XCTAssertEqual(state.clips.video.position, 2.0 / 15, accuracy: 1e-9)
        _ = run(&state, ",")
        _ = run(&state, "left")
        _ = run(&state, ",")
        XCTAssertEqual(state.clips.video.position, 0, "steps stop at the first frame")
    }

    func testFullViewTakesTheBodyAndEscOrVReturns() {
        var state = opened()
        let paneBox = state.clips.video.box!
        XCTAssertEqual(run(&state, "v"), ["clip-video", "clip-video-thumbnails"],
                       "the bigger box asks for the frame again, and the strip for its thumbnails")
        XCTAssertTrue(state.clips.video.fullView)
        XCTAssertGreaterThan(state.clips.video.box!.rows, paneBox.rows)
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("\(state.clips.video.clip!) · video"))
        XCTAssertFalse(text.contains("Actors"), "the table and the actor list give way")
        _ = run(&state, "esc")
        XCTAssertFalse(state.clips.video.fullView)
        XCTAssertEqual(state.clips.video.box, paneBox)
        _ = run(&state, "v")
        _ = run(&state, "v")
        XCTAssertFalse(state.clips.video.fullView)
    }

    func testSelectingAnotherClipStopsPlaybackAndCachedClipsNeedNoDecoding() {
        let second = F.rowName(1)
        var state = F.clips(videos: [F.rowName(0): path, second: "/videos/second.mov"])
        let first = F.decodedFrame(state)
        F.send(&state, .clipVideo(.opened(clip: first.clip, info: F.videoInfo, frame: first, box: state.clips.video.box!)))
        _ = run(&state, "space")
        XCTAssertEqual(run(&state, "j"), ["clip-video"])
        XCTAssertFalse(state.clips.video.playing)
        XCTAssertEqual(state.clips.video.clip, second)
        XCTAssertNil(state.clips.video.frame)
        XCTAssertEqual(run(&state, "k"), ["cancel:clip-video"], "the first clip's frame comes from the cache")
        XCTAssertTrue(state.clips.video.frame == first)
        XCTAssertEqual(state.clips.video.status, .ready)
    }

    func testLeavingTheClipsScreenStopsPlayback() {
        var state = opened()
        _ = run(&state, "space")
        XCTAssertEqual(run(&state, "1"), ["cancel:clip-video"])
        XCTAssertFalse(state.clips.video.playing)
    }

    /// The follow-ups are raised where things change, not after every action: a resize asks
    /// for the frame in the new box, a key that changes nothing of the pane asks for nothing.
    func testAResizeAsksAgainForTheFrameAndOtherKeysDoNot() {
        var state = opened()
        let before = state.clips.video.box
        XCTAssertEqual(videoKeys(F.program.update(&state, .app(.input(.resize(width: 140, height: 44), region: nil)))), ["clip-video"])
        XCTAssertNotEqual(state.clips.video.box, before)
        XCTAssertEqual(run(&state, "?"), [], "the help overlay leaves the picture alone")
    }

    func testAClipWithoutVideoSaysSo() {
        var state = F.clips(videos: [:])
        XCTAssertEqual(state.clips.video.status, .noVideo)
        XCTAssertEqual(run(&state, "space"), [], "nothing to play")
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("no video linked"))
        XCTAssertTrue(text.contains("--videos DIR`"))
    }

    func testABrokenFileShowsTheMediaErrorAndDoesNotCrash() {
        let missing = NSTemporaryDirectory() + "no-such-clip-\(ProcessInfo.processInfo.processIdentifier).mov"
        var state = F.clips(videos: [F.rowName(0): missing])
        let box = state.clips.video.box!
        let action = ClipVideoDecoding.firstFrame(clip: state.clips.video.clip!, path: missing, at: 0, box: box)
        guard case .failed(_, let message) = action else { return XCTFail("expected a failure, got \(action)") }
        XCTAssertTrue(message.hasPrefix(missing + ": "), message)
        F.send(&state, .clipVideo(action))
        XCTAssertEqual(state.clips.video.status, .failed(message))
        XCTAssertEqual(run(&state, "space"), [])
        let text = F.program.frame(state, width: 160, height: 48).text().replacingOccurrences(of: "│", with: "")
        XCTAssertTrue(text.contains("no-such-clip"))
    }

    func testTheSmallTerminalShowsTheTimeLineAndPointsToTheFullView() {
        var state = opened(width: 80, height: 24)
        XCTAssertTrue(state.clips.video.box!.isTooSmall)
        XCTAssertNil(state.clips.video.frame)
        let text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("v: full view"))
        XCTAssertTrue(text.contains("0.00 / 3.20 s"))
        _ = run(&state, "v")
        XCTAssertFalse(state.clips.video.box!.isTooSmall, "the full view has room at 80×24")
    }

    func testTheTimeLineMarksTheFirstTwoSeconds() {
        let state = opened()
        let spans = ClipVideoView(state: state).timeline(width: 60)
        let bar = spans.filter { $0.text.allSatisfy { "━─●".contains($0) } }
        let window = bar.filter { $0.style.foreground == .accent }.map(\.text.count).reduce(0, +)
        let rest = bar.filter { $0.style.foreground == .muted }.map(\.text.count).reduce(0, +)
        let total = window + rest + 1
        XCTAssertEqual(Double(window + 1) / Double(total), 2 / 3.2, accuracy: 0.05)
        XCTAssertEqual(bar.first?.text, "●", "the position starts at the left end")
    }

    func testTheFullViewStripShowsThumbnailsForItsRequestOnly() throws {
        var state = opened()
        _ = run(&state, "v")
        let request = try XCTUnwrap(state.clips.video.thumbnailsFor)
        XCTAssertEqual(request.clip, state.clips.video.clip)
        XCTAssertGreaterThanOrEqual(request.count, 5)
        let frames = (0..<request.count).map { F.frame(clip: request.clip, time: Double($0) * 0.3 + 0.15, columns: 12, rows: 6) }
        var stale = request
        stale.count += 1
        F.send(&state, .clipVideo(.thumbnails(stale, frames)))
        XCTAssertTrue(state.clips.video.thumbnails.isEmpty, "thumbnails for another request are dropped")
        F.send(&state, .clipVideo(.thumbnails(request, frames)))
        XCTAssertEqual(state.clips.video.thumbnails.count, request.count)
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains("0.5 s"))
        XCTAssertEqual(run(&state, "v"), ["cancel:clip-video"], "back in the pane the first frame is cached; no strip there")
        XCTAssertEqual(run(&state, "v"), ["clip-video"], "the same strip is not asked for twice")
    }

    func testAFrameTallerThanTheRowsLeftIsShrunkByAveraging() {
        // 4×4 cells: the left half white, the right half black; shrunk to 2×2, each cell averages
        // its block, so the halves stay pure and a cell across the edge would be grey.
        let white = RGB(255, 255, 255), black = RGB(0, 0, 0)
        let cells = (0..<16).map { i -> TerminalCell in
            let c = i % 4 < 2 ? white : black
            return TerminalCell(glyph: "▀", foreground: .rgb(c), background: .rgb(c))
        }
        let small = ClipVideoView.resampled(CellGrid(columns: 4, rows: 4, cells: cells), toFit: 10, 2)
        XCTAssertEqual(small.columns, 2)
        XCTAssertEqual(small.rows, 2)
        XCTAssertEqual(small[0, 1].foreground, .rgb(white))
        XCTAssertEqual(small[1, 0].background, .rgb(black))
        let odd = ClipVideoView.resampled(CellGrid(columns: 4, rows: 4, cells: cells), toFit: 10, 1)
        XCTAssertEqual(odd[0, 0].foreground, .rgb(RGB(128, 128, 128)), "one cell across both halves")
    }

    func testClicksPlayOnThePictureAndSeekOnAThumbnail() throws {
        var state = opened()
        let canvas = F.program.frame(state, width: 160, height: 48)
        let pane = ClipsLayout(state.app).clip
        let spot = try XCTUnwrap((pane.y..<pane.maxY).lazy.compactMap { y in
            (pane.x..<pane.maxX).first { canvas.region(atX: $0, y: y) == ClickTarget.videoPicture.id }.map { ($0, y) }
        }.first)
        let click = InputEvent.mouse(MouseEvent(x: spot.0, y: spot.1, action: .press(.left)))
        let actions = F.program.actions(for: click, region: canvas.region(atX: spot.0, y: spot.1), state: state)
        XCTAssertEqual(actions.count, 1)
        F.send(&state, actions[0])
        XCTAssertTrue(state.clips.video.playing)

        _ = run(&state, "v")
        let request = try XCTUnwrap(state.clips.video.thumbnailsFor)
        let frames = (0..<request.count).map { F.frame(clip: request.clip, time: Double($0) * 0.3 + 0.15, columns: 12, rows: 6) }
        F.send(&state, .clipVideo(.thumbnails(request, frames)))
        let action = try XCTUnwrap(ClipsReducer.clipVideoMouse(MouseEvent(x: 0, y: 0, action: .press(.left)),
                                                            region: ClickTarget.videoThumbnail(2).id, state: state))
        XCTAssertEqual(videoKeys(F.program.update(&state, action)), ["clip-video"])
        XCTAssertFalse(state.clips.video.playing)
        XCTAssertEqual(state.clips.video.position, 0.75, accuracy: 1e-9)
    }

    func testCacheKeepsTheMostRecentClips() {
        var cache = ClipFrameCache(capacity: 2)
        let box = ClipVideoBox(columns: 10, rows: 5, colorless: false)
        for name in ["a", "b"] {
            cache.store(.init(info: F.videoInfo, frame: nil), for: name, box: box)
        }
        XCTAssertNotNil(cache.lookUp("a", box: box))
        cache.store(.init(info: F.videoInfo, frame: nil), for: "c", box: box)
        XCTAssertNil(cache.lookUp("b", box: box), "b was the least recently used")
        XCTAssertNotNil(cache.lookUp("a", box: box))
        XCTAssertNil(cache.lookUp("a", box: ClipVideoBox(columns: 10, rows: 5, colorless: true)))
    }
}
