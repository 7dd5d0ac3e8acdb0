import BlendApp
import BlendCore
import Foundation
import XCTest
@testable import BlendTUI

/// `E` writes the figure of the screen on show next to the project, through `blendscope
/// figure`'s use case, off the UI thread; a toast names the file or says why not.
final class FigureKeyTests: XCTestCase {
    private typealias F = WorkbenchFixture

    /// A fresh folder holding a small real project; removed when the test ends.
    private func project() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("figure-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return (folder, try SmallDemoProject.make(in: folder))
    }

    /// The workbench with the project at `path` loaded (through the program's own access) on
    /// the screen of `key`.
    static func loaded(_ path: String, screen key: String, width: Int = 120, height: Int = 40) throws -> WorkbenchState {
        var state = WorkbenchProgram.initialState(path: path, width: width, height: height)
        F.send(&state, .loaded(try ProjectSnapshot.load(path: path, from: F.program.project)), F.key(key))
        return state
    }

    /// Runs the figure effect `key` of `effects` and feeds back what it sends.
    private func finish(_ state: inout WorkbenchState, _ effects: [Effect<WorkbenchAction>], key: String) async throws {
        let sent = await F.perform(effects, key: key)
        XCTAssertEqual(sent.count, 1, "the figure effect \(key) sends one answer")
        for action in sent { F.send(&state, action) }
        if let toast = state.app.toasts.last, toast.text.contains("cannot draw figures") { throw XCTSkip(toast.text) }
    }

    func testEOnConfusionWritesAPDFNextToTheProjectNeverOverAnother() async throws {
        let (folder, path) = try project()
        var state = try Self.loaded(path, screen: "5")
        let effects = F.pressKeys(&state, "E")
        XCTAssertEqual(state.app.toasts.last?.kind, .info, "a toast says the figure is being drawn")
        try await finish(&state, effects, key: "figure.1")
        let first = folder.appendingPathComponent("small-confusion-CLIP.pdf")
        XCTAssertEqual(state.app.toasts.last?.kind, .success)
        XCTAssertEqual(state.app.toasts.last?.text, "wrote \(first.path)")
        XCTAssertEqual(state.figures.lastFigure, first.path)
        let bytes = try Data(contentsOf: first)
        XCTAssertEqual(bytes.prefix(5), Data("%PDF-".utf8))
        XCTAssertTrue(String(decoding: bytes.suffix(16), as: UTF8.self).contains("%%EOF"), "a whole PDF")

        // Again: the name is taken, so the next number; the first file is left as it was.
        try await finish(&state, F.pressKeys(&state, "E"), key: "figure.2")
        let second = folder.appendingPathComponent("small-confusion-CLIP-2.pdf")
        XCTAssertEqual(state.app.toasts.last?.text, "wrote \(second.path)")
        XCTAssertEqual(try Data(contentsOf: first), bytes)
        XCTAssertTrue(FileManager.default.fileExists(atPath: second.path))
    }

    func testTheThresholdsChooserPicksTheFigureAndTheFormat() async throws {
        let (folder, path) = try project()
        var state = try Self.loaded(path, screen: "3")
        F.pressKeys(&state, "E")
        XCTAssertEqual(state.figures.choice, 0)
        let text = F.program.frame(state, width: 120, height: 40).text()
        XCTAssertTrue(text.contains("Write a figure next to the project"), text)
        XCTAssertTrue(text.contains("α × β heatmap (heatmap)"), text)
        XCTAssertTrue(text.contains("per-actor β* plot (actor-beta)"), text)
        // Keys go to the chooser: down and up again, then the format one step right (SVG).
        F.pressKeys(&state, "j", "k", "l")
        XCTAssertEqual(state.figures.choice, 0)
        XCTAssertEqual(state.figures.format, .svg)
        let effects = F.pressKeys(&state, "enter")
        XCTAssertNil(state.figures.choice)
        try await finish(&state, effects, key: "figure.1")
        let file = folder.appendingPathComponent("small-heatmap-CLIP.svg")
        XCTAssertEqual(state.app.toasts.last?.text, "wrote \(file.path)")
        XCTAssertTrue(try String(contentsOf: file, encoding: .utf8).contains("<svg"))

        // Esc closes the chooser without writing anything.
        F.pressKeys(&state, "E", "esc")
        XCTAssertNil(state.figures.choice)
        XCTAssertEqual(state.figures.requests, 1)
    }

    func testThePaletteCommandsWriteAnyKindAndAFailureIsAToastTheWorkbenchSurvives() async throws {
        let (folder, path) = try project()
        var state = try Self.loaded(path, screen: "1")
        // An encoder has no fusion weights: refused at once, in a toast.
        let refused = F.program.update(&state, .app(.run(FigureCommands.kind(.fusionWeights))))
        XCTAssertTrue(refused.allSatisfy { if case .run(let key, _) = $0.operation { key?.hasPrefix("figure.") != true } else { true } })
        let toast = try XCTUnwrap(state.app.toasts.last)
        XCTAssertEqual(toast.kind, .error)
        XCTAssertEqual(toast.text, "fusion-weights figure not written: the source on show is encoder CLIP, not a saved fusion (u picks the source)")
        // A kind the use case refuses (no linked videos, so no durations): its refusal, as a toast.
        try await finish(&state, F.pressKeys(&state, "E"), key: "figure.1")
        let durations = try XCTUnwrap(state.app.toasts.last)
        XCTAssertEqual(durations.kind, .error)
        XCTAssertTrue(durations.text.hasPrefix("durations figure not written: "), durations.text)

        // A folder that cannot be written: the project's folder gone from under it (the open
        // session still reads the project), said in the toast.
        let moved = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-moved")
        try FileManager.default.moveItem(at: folder, to: moved)
        addTeardownBlock { try? FileManager.default.removeItem(at: moved) }
        F.send(&state, F.key("5"))
        try await finish(&state, F.pressKeys(&state, "E"), key: "figure.2")
        let failed = try XCTUnwrap(state.app.toasts.last)
        XCTAssertEqual(failed.kind, .error)
        XCTAssertTrue(failed.text.hasPrefix("confusion figure not written: \(folder.path): cannot write a figure here"), failed.text)
        XCTAssertEqual(state.app.screen, .confusion, "the workbench carries on")

        // The format command cycles PDF → SVG → PNG.
        F.send(&state, .app(.run(FigureCommands.format)))
        XCTAssertEqual(state.figures.format, .svg)
        F.send(&state, .app(.run(FigureCommands.format)), .app(.run(FigureCommands.format)))
        XCTAssertEqual(state.figures.format, .pdf)
    }
}
