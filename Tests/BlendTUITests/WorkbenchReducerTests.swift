import BlendCore
import XCTest
@testable import BlendTUI

final class WorkbenchReducerTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testLoadAsksForTheProjectOffTheUIThreadAndTheFirstFrameShowsAtOnce() {
        var state = WorkbenchProgram.initialState(path: "p.sqlite", width: 80, height: 24)
        let effects = F.program.update(&state, .load)
        XCTAssertEqual(effects.count, 2, "the project, and a first look at its jobs")
        let text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("reading p.sqlite…"))
        for screen in Screen.allCases {
            XCTAssertTrue(text.contains("\(screen.rawValue) \(screen.title)"), "the tab bar offers \(screen.title)")
        }
    }

    func testLoadedSetsStoredThresholdsMetricsAndStartsTheBackgroundWork() {
        var state = WorkbenchProgram.initialState(path: F.project.path, width: 80, height: 24)
        let effects = F.program.update(&state, .loaded(F.project))
        XCTAssertEqual(state.thresholds, Thresholds(alpha: 0.1, beta: 0.2))
        XCTAssertEqual(state.metrics, F.project.index!.metrics(at: state.thresholds))
        XCTAssertEqual(effects.count, 6,
                       "grid analysis, per-actor β, the duration bins, the project's tags, "
                       + "and the Overview's intervals (its summary's and its folds'); the β tests wait for Thresholds")
        XCTAssertNil(state.loadError)
    }

    func testTheOverviewShowsTheCurrentFusionsWeightsAndThePublishedFiguresWhenWide() {
        var state = F.loaded(width: 160, height: 48)
        var project = F.project
        project.fusionWeights = ["synthetic": 0.75, "other": 0.25]
        state.project = project
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("weight") && text.contains("p.ACC_P"), text)
        let row = try? XCTUnwrap(text.split(separator: "\n").first { $0.contains("│ synthetic ") })
        XCTAssertTrue(row?.contains(".750") == true, "\(row ?? "")")
        // Without a fusion as the source there is no weight column; narrow panes give the published
        // figure's room to the Score's interval, its n and the coverage.
        XCTAssertFalse(F.program.frame(F.loaded(width: 160, height: 48), width: 160, height: 48).text().contains("weight"))
        let narrow = F.program.frame(F.loaded(), width: 80, height: 24).text()
        XCTAssertTrue(narrow.contains("[lo,hi]") && narrow.contains("480/600"), narrow)
    }

    func testLoadFailureIsShownInsteadOfTheScreens() {
        var state = WorkbenchProgram.initialState(path: "missing.sqlite", width: 80, height: 24)
        F.send(&state, .loadFailed("missing.sqlite: no such project"))
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("missing.sqlite: no such project"))
    }

    func testStepsMoveTheSelectedKnobAndRecomputeTheMetrics() {
        var state = F.loaded()
        F.send(&state, F.key("3"), F.key("right"), F.key("right"), F.key("l"))
        XCTAssertEqual(state.app.screen, .thresholds)
        XCTAssertEqual(state.thresholds.beta, 0.23, accuracy: 1e-12)
        XCTAssertEqual(state.metrics, F.project.index!.metrics(at: state.thresholds))
        F.send(&state, F.key("pgdn"), F.key("h"))
        XCTAssertEqual(state.thresholds.beta, 0.17, accuracy: 1e-12)
        F.send(&state, F.key("a"), F.key("shift+right"), F.key("L"))
        XCTAssertEqual(state.thresholdsScreen.knob, .alpha)
        XCTAssertEqual(state.thresholds.alpha, 0.2, accuracy: 1e-12)
        XCTAssertEqual(state.metrics, F.project.index!.metrics(at: Thresholds(alpha: 0.2, beta: 0.17)))
        for _ in 0..<30 { F.send(&state, F.key("pgup")) }
        XCTAssertEqual(state.thresholds.alpha, 1, "clamped at the top of the range")
    }

    func testAlphaStepAsksForTheActorsAgainButBetaDoesNot() {
        var state = F.loaded()
        F.send(&state, F.key("3"))
        XCTAssertTrue(F.program.update(&state, F.key("right")).isEmpty, "β moves need no background work")
        F.send(&state, F.key("a"))
        XCTAssertEqual(F.program.update(&state, F.key("right")).count, 2, "the actors, and their intervals at the new α")
    }

    func testTypedValueIsSetAndBadValuesAreRefused() {
        var state = F.loaded()
        F.send(&state, F.key("3"), F.key("="))
        XCTAssertEqual(state.thresholdsScreen.typing?.text, "0.20")
        for _ in 0..<4 { F.send(&state, F.program.actions(for: .key(KeyChord(parsing: "backspace")!), region: nil, state: state)[0]) }
        for c in "0.37" { F.send(&state, F.program.actions(for: .key(.char(c)), region: nil, state: state)[0]) }
        F.send(&state, .thresholds(.typing(KeyChord(parsing: "enter")!)))
        XCTAssertNil(state.thresholdsScreen.typing)
        XCTAssertEqual(state.thresholds.beta, 0.37, accuracy: 1e-12)
        XCTAssertEqual(state.metrics, F.project.index!.metrics(at: state.thresholds))

        F.send(&state, F.key("="), .thresholds(.typing(.char("x"))), .thresholds(.typing(KeyChord(parsing: "enter")!)))
        XCTAssertEqual(state.thresholds.beta, 0.37, accuracy: 1e-12)
        XCTAssertTrue(state.app.toasts.last?.text.contains("not a threshold") ?? false)

        F.send(&state, F.key("="), .thresholds(.typing(.char("9"))), .thresholds(.typing(KeyChord(parsing: "esc")!)))
        XCTAssertNil(state.thresholdsScreen.typing)
        XCTAssertEqual(state.thresholds.beta, 0.37, accuracy: 1e-12)
    }

    func testHeatmapMetricCycles() {
        var state = F.loaded()
        F.send(&state, F.key("3"), F.key("m"))
        XCTAssertEqual(state.thresholdsScreen.heatmapMetric, .presence)
        F.send(&state, F.key("m"), F.key("m"))
        XCTAssertEqual(state.thresholdsScreen.heatmapMetric, .score)
    }

    func testActorsAreRankedByDistanceAndSelectionFollowsKeys() throws {
        var state = F.loaded()
        let report = try XCTUnwrap(state.thresholdsScreen.actorReport)
        let distances = state.thresholdsScreen.actorRanking.map { report.actors[$0].distance ?? -1 }
        XCTAssertEqual(distances, distances.sorted(by: >))
        XCTAssertEqual(state.thresholdsScreen.selectedActor?.actor, report.actors[state.thresholdsScreen.actorRanking[0]].actor)
        F.send(&state, F.key("3"), F.key("j"), F.key("j"), F.key("k"))
        XCTAssertEqual(state.thresholdsScreen.selectedActor?.actor, report.actors[state.thresholdsScreen.actorRanking[1]].actor)
        // A new report keeps the same actor selected.
        let kept = state.thresholdsScreen.selectedActor?.actor
        F.refreshActors(&state)
        XCTAssertEqual(state.thresholdsScreen.selectedActor?.actor, kept)
    }

    func testApplyAsksToStoreAndReportsTheOutcome() {
        var state = F.loaded()
        F.send(&state, F.key("3"))
        XCTAssertEqual(F.program.update(&state, F.key("s")).count, 1)
        F.send(&state, .thresholds(.applied(Thresholds(alpha: 0.1, beta: 0.25), .encoder("synthetic"))))
        XCTAssertEqual(state.app.toasts.last?.text, "stored α 0.10 β 0.25 for encoder synthetic")
        F.send(&state, .thresholds(.applyFailed("read-only")))
        XCTAssertEqual(state.app.toasts.last?.kind, .error)
    }

    func testEncoderTableFillsInWhenTheSweepsArrive() {
        var state = WorkbenchProgram.initialState(path: F.project.path, width: 160, height: 48)
        F.send(&state, .loaded(F.project))
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains("no encoders with probabilities"))
        F.send(&state, .encodersAnalysed(F.encoderBests))
        XCTAssertEqual(state.encoderBests, F.encoderBests)
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("synthetic-train"))
        XCTAssertTrue(text.contains(Format.fraction(F.encoderBests[0].best.metrics.score)))
    }

    func testMouseSetsThresholdsFromTheHeatmapAndSlidersAndPicksActors() throws {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("3"))
        let frame = F.program.frame(state, width: 160, height: 48)
        let layout = ThresholdsLayout(state.app)
        func click(_ x: Int, _ y: Int) {
            let event = InputEvent.mouse(MouseEvent(x: x, y: y, action: .press(.left)))
            for action in F.program.actions(for: event, region: frame.region(atX: x, y: y), state: state) { F.send(&state, action) }
        }
        // The heatmap's top-left cell is the highest β and the lowest α.
        let heat = ThresholdsScreen.heatmapArea(layout)
        let cell = try XCTUnwrap((heat.x..<heat.maxX).first { frame.region(atX: $0, y: heat.y)?.hasPrefix("heat:0,0") ?? false })
        click(cell, heat.y)
        let grid = try XCTUnwrap(state.analysis?.grid)
        XCTAssertEqual(state.thresholds, Thresholds(alpha: grid.alphas[0], beta: grid.betas.last!))
        XCTAssertEqual(state.metrics, F.project.index!.metrics(at: state.thresholds))

        // The right arrow of the α slider is the top of its range.
        let alphaRow = Block().inner(layout.sliders).inset(Edges(horizontal: 1, vertical: 0)).row(0)
        click(alphaRow.maxX - 1, alphaRow.y)
        XCTAssertEqual(state.thresholds.alpha, 1)
        XCTAssertEqual(state.thresholdsScreen.knob, .alpha)

        let rowY = layout.actorTable.y + 3
        click(layout.actorTable.x + 2, rowY)
        XCTAssertEqual(state.thresholdsScreen.actorScroll.selected, 2)
        let wheel = InputEvent.mouse(MouseEvent(x: layout.actorTable.x + 2, y: rowY, action: .wheelDown))
        for action in F.program.actions(for: wheel, region: nil, state: state) { F.send(&state, action) }
        XCTAssertEqual(state.thresholdsScreen.actorScroll.selected, 3)
    }

    func testEveryScreenIsReachableByItsNumberKey() {
        var state = F.loaded()
        XCTAssertEqual(WorkbenchCommands.screens, Screen.allCases, "all six screens, in their numbers' order")
        for screen in Screen.allCases.reversed() {
            F.send(&state, F.key("\(screen.rawValue)"))
            XCTAssertEqual(state.app.screen, screen)
        }
    }
}
