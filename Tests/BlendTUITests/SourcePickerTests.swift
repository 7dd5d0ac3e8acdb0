import BlendApp
import BlendCore
import BlendStore
import XCTest
@testable import BlendTUI

/// The source picker (`u`, `:source`), the thresholds the status says it shows and where they
/// came from, the Thresholds screen after `s`, and Enter on an actor.
final class SourcePickerTests: XCTestCase {
    private typealias F = WorkbenchFixture

    private static let choices = [
        SourceChoice(source: .encoder("synthetic"), clipCount: 600, projectClipCount: 600,
                     thresholds: Thresholds(alpha: 0.1, beta: 0.2), thresholdOrigin: .stored, score: 0.412, isCurrent: true),
        SourceChoice(source: .encoder("other"), clipCount: 99, projectClipCount: 3050,
                     thresholds: Thresholds(alpha: 0.14, beta: 0.1), thresholdOrigin: .bestOnTrain, score: 0.301, isCurrent: false),
        SourceChoice(source: .fusion("greedy-12"), clipCount: 600, projectClipCount: 600,
                     thresholds: Thresholds(alpha: 0.0974, beta: 0.1447), thresholdOrigin: .stored, score: 0.433, isCurrent: false),
    ]

    /// A key as the runtime delivers it (the picker takes keys before the key map); the
    /// effects the resulting actions asked for.
    @discardableResult
    private func press(_ state: inout WorkbenchState, _ key: String) -> [Effect<WorkbenchAction>] {
        F.program.actions(for: .key(KeyChord(parsing: key)!), region: nil, state: state).flatMap { F.program.update(&state, $0) }
    }

    private func opened(width: Int = 80, height: Int = 24) -> WorkbenchState {
        var state = F.loaded(width: width, height: height)
        XCTAssertEqual(F.program.update(&state, F.key("u")).count, 1, "one effect lists the sources")
        F.send(&state, .sourcePicker(.listed(Self.choices, kind: nil)))
        return state
    }

    func testTheKeyOpensThePickerOnTheCurrentSourceWithCoverageAndScores() throws {
        let state = opened()
        XCTAssertTrue(state.sourcePicker.isOpen)
        XCTAssertEqual(state.sourcePicker.selectedChoice?.source, .encoder("synthetic"))
        let text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("99/3,050 clips"), text)
        XCTAssertTrue(text.contains("best on train"), text)
        XCTAssertTrue(text.contains(".433"), text)
        try F.assertGolden(F.program.frame(state, width: 80, height: 24), "source-picker-80x24")
        let wide = F.program.frame(opened(width: 160, height: 48), width: 160, height: 48)
        XCTAssertTrue(wide.text().contains("u source"), "the key is in the hints: \(wide.text())")
        try F.assertGolden(wide, "source-picker-160x48")
    }

    /// The sources are named at once and each row fills in as it is read; the highlighted one
    /// can be made current before its row is.
    func testRowsFillInAsTheyAreReadAndAnUnreadOneCanBeChosen() throws {
        var state = F.loaded(width: 80, height: 24)
        _ = F.program.update(&state, F.key("u"))
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("reading the sources…"))
        F.send(&state, .sourcePicker(.named(Self.choices.map(\.source), current: .encoder("synthetic"), kind: nil)))
        var text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("encoder other") && text.contains("fusion greedy-12"), text)
        XCTAssertEqual(text.components(separatedBy: "reading…").count - 1, 3, text)
        XCTAssertNil(state.sourcePicker.choices)
        F.send(&state, .sourcePicker(.read(Self.choices[1])))
        text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("99/3,050 clips"), text)
        XCTAssertEqual(text.components(separatedBy: "reading…").count - 1, 2, text)
        // The fusion, not read yet, is chosen: one effect makes it current.
        press(&state, "G")
        XCTAssertEqual(state.sourcePicker.selectedSource, .fusion("greedy-12"))
        XCTAssertNil(state.sourcePicker.selectedChoice)
        XCTAssertEqual(press(&state, "enter").count, 1)
        // A row read for a list no longer open is dropped.
        F.send(&state, .sourcePicker(.madeCurrent(F.project, "made current")))
        F.send(&state, .sourcePicker(.read(Self.choices[2])))
        XCTAssertNil(state.sourcePicker.read[.fusion("greedy-12")])
    }

    func testThePaletteFindsTheSourceEncoderAndFusionCommands() {
        let registry = WorkbenchCommands.registry()
        let state = F.loaded()
        for (query, id) in [("source", SourcePickerCommands.pick), ("encoder", SourcePickerCommands.encoder),
                            ("fusion", SourcePickerCommands.fusion)] {
            let first = registry.paletteEntries(query: query, screen: .overview, context: state.app).first
            XCTAssertEqual(first?.id, id, query)
        }
        // `:fusion` puts the highlight on the first fusion.
        var fusion = F.loaded()
        _ = F.program.update(&fusion, .app(.run(SourcePickerCommands.fusion)))
        F.send(&fusion, .sourcePicker(.listed(Self.choices, kind: "fusion")))
        XCTAssertEqual(fusion.sourcePicker.selectedChoice?.source, .fusion("greedy-12"))
    }

    func testEnterMakesTheHighlightedSourceCurrentAndEveryScreenFollows() throws {
        var state = opened()
        press(&state, "j")
        XCTAssertEqual(state.sourcePicker.selectedChoice?.source, .encoder("other"))
        XCTAssertEqual(press(&state, "enter").count, 1, "one effect makes it current")
        var snapshot = ProjectSnapshot(path: F.project.path, clips: F.scored.clips, encoders: [], fusionCount: 0,
                                       source: .encoder("other"), thresholds: Thresholds(alpha: 0.14, beta: 0.1),
                                       scored: F.scored, panel: F.panel)
        snapshot.thresholdOrigin = .bestOnTrain
        F.send(&state, .sourcePicker(.madeCurrent(snapshot, SourcePickerReducer.toast(snapshot))))
        XCTAssertFalse(state.sourcePicker.isOpen)
        XCTAssertEqual(state.project?.source, .encoder("other"))
        XCTAssertEqual(state.thresholds, Thresholds(alpha: 0.14, beta: 0.1))
        XCTAssertEqual(state.app.toasts.last?.text, "current source: encoder other at α 0.14 β 0.10 · best on train")
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("source   encoder other"), text)
        XCTAssertTrue(text.contains("β 0.10 · best on train"), text)
    }

    func testEscClosesAndOtherKeysPassThrough() {
        var state = opened()
        press(&state, "esc")
        XCTAssertFalse(state.sourcePicker.isOpen)
        state = opened()
        press(&state, "3")
        XCTAssertFalse(state.sourcePicker.isOpen)
        XCTAssertEqual(state.app.screen, .thresholds)
    }

    func testStoringThresholdsUpdatesThePaneTheStatusAndSaysForWhichSource() {
        var state = F.loaded()
        F.send(&state, F.key("3"), F.key("right"), F.key("right"))
        var text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("· moved"), text)
        XCTAssertTrue(text.contains("s stores"), text)
        F.send(&state, .thresholds(.applied(state.thresholds, .encoder("synthetic"))))
        text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("stored α 0.10 β 0.22"), text)
        XCTAssertFalse(text.contains("s stores"), text)
        XCTAssertTrue(text.contains("β 0.22 · stored"), text)
        XCTAssertEqual(state.app.toasts.last?.text, "stored α 0.10 β 0.22 for encoder synthetic")
        XCTAssertEqual(state.project?.thresholds, Thresholds(alpha: 0.1, beta: 0.22))
    }

    func testEnterOnAnActorOpensClipsOnItsFlippingClips() throws {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("3"))
        // The first actor with flips.
        let ranking = state.thresholdsScreen.actorRanking
        let report = try XCTUnwrap(state.thresholdsScreen.actorReport)
        let row = try XCTUnwrap(ranking.firstIndex { !report.actors[$0].flips.isEmpty })
        F.send(&state, .thresholds(.selectActor(row)))
        let actor = try XCTUnwrap(state.thresholdsScreen.selectedActor)
        let detail = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(detail.contains("\(actor.actor): top-2 margins of its \(actor.blends) blends"), detail)
        // The margins pane's title and Enter's hint both show, at either size (the hint on the
        // pane's bottom edge, below the tests' summary at 80×24).
        for (width, height) in [(160, 48), (80, 24)] {
            var sized = state
            F.send(&sized, .app(.input(.resize(width: width, height: height), region: nil)))
            let lines = F.program.frame(sized, width: width, height: height).text().split(separator: "\n")
            let top = try XCTUnwrap(lines.firstIndex { $0.contains("\(actor.actor): top-2 margins") }, "\(width)×\(height)")
            let bottom = try XCTUnwrap(lines[top...].firstIndex { $0.hasPrefix("└") }, "\(width)×\(height)")
            XCTAssertTrue(lines[bottom].contains("enter: \(actor.flips.count) flips"), "\(width)×\(height):\n\(lines.joined(separator: "\n"))")
        }
        F.send(&state, F.key("enter"))
        XCTAssertEqual(state.app.screen, .clips)
        XCTAssertEqual(state.clips.query.actor, actor.actor)
        XCTAssertEqual(Set(state.clips.rows), Set(actor.flips.map(\.clip)))
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("\(actor.actor)'s \(actor.flips.count) β flips"), text)
        F.send(&state, F.key("esc"))
        XCTAssertNil(state.clips.query.list)
    }

    func testOnAProjectFileThePickerListsCoverageAndMakesTheSourceCurrentForTheCLI() async throws {
        // "voice" misses a third of the clips: the picker says so.
        let full = FusionInputs.synthetic(clipCount: 150, encoders: [
            SyntheticEncoder(name: "face", strength: 0.7), SyntheticEncoder(name: "voice", strength: 0.4),
        ], seed: 6)
        let inputs = FusionInputs(clips: full.clips, encoders: full.encoders, probabilities: full.probabilities,
                                  present: [full.present[0], (0..<150).map { $0 % 3 != 0 }])
        let project = try FusionTestProject(self, inputs)
        var state = WorkbenchProgram.initialState(path: project.path, width: 160, height: 48)
        for action in await F.perform(F.program.update(&state, .load), key: "load") { F.send(&state, action) }
        XCTAssertEqual(state.project?.source, .encoder("face"))
        XCTAssertEqual(state.project?.thresholdOrigin, .bestOnTrain)

        for action in await F.perform(F.program.update(&state, F.key("u")), key: "source.choices") { F.send(&state, action) }
        let choices = try XCTUnwrap(state.sourcePicker.choices)
        XCTAssertEqual(choices.map(\.source), [.encoder("face"), .encoder("voice")])
        XCTAssertEqual(choices.map(\.clipCount), [150, 100])
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains("100/150 clips"))

        press(&state, "j")
        for action in await F.perform(press(&state, "enter"), key: "source.use") { F.send(&state, action) }
        XCTAssertFalse(state.sourcePicker.isOpen)
        XCTAssertEqual(state.project?.source, .encoder("voice"))
        XCTAssertEqual(try project.store.settings().currentSource, .encoder("voice"), "the CLI's current source too")
        XCTAssertEqual(state.thresholds, choices[1].thresholds)
        XCTAssertTrue(state.app.toasts.last?.text.hasPrefix("current source: encoder voice") == true)
    }
}
