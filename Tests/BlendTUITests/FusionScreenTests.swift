import BlendCore
import BlendStore
import Foundation
import XCTest
@testable import BlendTUI

/// The Fusion screen's reducer: weight moves keep Σ = 1 and measure exactly as fixed weights
/// do, toggles never switch everything off, the chooser starts a job, the job's actions, the
/// proposal, and the save path on a real project file.
final class FusionScreenTests: XCTestCase {
    private typealias F = WorkbenchFixture

    private func onFusion(width: Int = 80, height: Int = 24) -> WorkbenchState {
        var state = F.loaded(width: width, height: height)
        F.send(&state, F.key("4"))
        XCTAssertEqual(state.app.screen, .fusion)
        return state
    }

    /// Σ = 1, inactive encoders at 0, and the edited metrics equal to a fresh `FixedWeightsReport`.
    private func assertConsistent(_ state: WorkbenchState, file: StaticString = #filePath, line: UInt = #line) throws {
        let f = state.fusion
        XCTAssertEqual(f.weights.reduce(0, +), 1, accuracy: 1e-12, file: file, line: line)
        for m in f.weights.indices where !f.active[m] { XCTAssertEqual(f.weights[m], 0, file: file, line: line) }
        let direct = try FixedWeightsReport(F.fusionInputs, weights: f.weights)
        let edited = try XCTUnwrap(f.edited, file: file, line: line)
        XCTAssertEqual(edited.pooled, direct.pooled, file: file, line: line)
        XCTAssertEqual(edited.thresholds, direct.thresholds, file: file, line: line)
        XCTAssertEqual(edited.assessment.honest, direct.assessment.honest, file: file, line: line)
    }

    /// Runs `effects` (only those keyed `only`, when given: toasts' timers are left out) to
    /// the end and returns the actions they sent, in order.
    private func run(_ effects: [Effect<WorkbenchAction>], only key: String? = nil) async -> [WorkbenchAction] {
        await F.perform(effects, key: key)
    }

    func testTheScreenStartsFromEqualWeightsWithTheirMetrics() throws {
        let state = onFusion()
        XCTAssertEqual(state.fusion.weights, FusionWeights.equal(3))
        XCTAssertEqual(state.fusion.active, [true, true, true])
        XCTAssertEqual(state.fusion.edited?.pooled, F.fusionData.current.pooled)
        XCTAssertEqual(F.fusionData.startDescription, "equal weights")
        try assertConsistent(state)
    }

    func testFineAndCoarseStepsMoveTheSelectedWeightAndRenormaliseTheOthers() throws {
        var state = onFusion()
        F.send(&state, F.key("j"))
        XCTAssertEqual(state.fusion.selected, 1)
        F.send(&state, F.key("right"))
        XCTAssertEqual(state.fusion.weights[1], 0.34, accuracy: 1e-12)
        XCTAssertEqual(state.fusion.weights[0], 0.33, accuracy: 1e-12)
        XCTAssertEqual(state.fusion.weights[2], 0.33, accuracy: 1e-12)
        try assertConsistent(state)
        F.send(&state, F.key("L"))
        XCTAssertEqual(state.fusion.weights[1], 0.39, accuracy: 1e-12)
        try assertConsistent(state)
        F.send(&state, F.key("shift+left"), F.key("h"))
        XCTAssertEqual(state.fusion.weights[1], 0.33, accuracy: 1e-12)
        try assertConsistent(state)
        // The others keep their proportions: move the first, then the second again.
        F.send(&state, F.key("k"), F.key("L"), F.key("L"), F.key("j"))
        let before = state.fusion.weights
        F.send(&state, F.key("H"))
        let after = state.fusion.weights
        XCTAssertEqual(after[1], ((before[1] - 0.05) * 100).rounded() / 100, accuracy: 1e-12)
        XCTAssertEqual(after[0] / after[2], before[0] / before[2], accuracy: 1e-12)
        try assertConsistent(state)
        // To 1 and back: the others share the rest equally once they were all 0.
        for _ in 0..<20 { F.send(&state, F.key("L")) }
        XCTAssertEqual(state.fusion.weights, [0, 1, 0])
        F.send(&state, F.key("left"))
        XCTAssertEqual(state.fusion.weights[0], 0.005, accuracy: 1e-12)
        XCTAssertEqual(state.fusion.weights[2], 0.005, accuracy: 1e-12)
        try assertConsistent(state)
    }

    func testTogglingOffRenormalisesAndTheLastEncoderStaysOn() throws {
        var state = onFusion()
        F.send(&state, F.key("space"))
        XCTAssertEqual(state.fusion.active, [false, true, true])
        XCTAssertEqual(state.fusion.weights, [0, 0.5, 0.5])
        try assertConsistent(state)
        // An encoder that is off does not move.
        F.send(&state, F.key("right"))
        XCTAssertEqual(state.fusion.weights, [0, 0.5, 0.5])
        XCTAssertTrue(state.app.toasts.last?.text.contains("is off") ?? false)
        F.send(&state, F.key("j"), F.key("space"))
        XCTAssertEqual(state.fusion.active, [false, false, true])
        XCTAssertEqual(state.fusion.weights, [0, 0, 1])
        try assertConsistent(state)
        // Never all off.
        F.send(&state, F.key("j"), F.key("space"))
        XCTAssertEqual(state.fusion.active, [false, false, true])
        XCTAssertEqual(state.app.toasts.last?.text, "at least one encoder must stay on")
        // Back on with an equal share of the two now on.
        F.send(&state, F.key("k"), F.key("space"))
        XCTAssertEqual(state.fusion.active, [false, true, true])
        XCTAssertEqual(state.fusion.weights, [0, 0.5, 0.5])
        try assertConsistent(state)
    }

    func testResetReturnsToTheStartingWeights() throws {
        var state = onFusion()
        F.send(&state, F.key("L"), F.key("j"), F.key("space"))
        XCTAssertNotEqual(state.fusion.weights, F.fusionData.startWeights)
        F.send(&state, F.key("r"))
        XCTAssertEqual(state.fusion.weights, F.fusionData.startWeights)
        XCTAssertEqual(state.fusion.active, F.fusionData.startActive)
        try assertConsistent(state)
    }

    func testAClickOnABarSetsTheWeightAtThatColumnAndTheWheelSelects() throws {
        let state = onFusion(width: 160, height: 48)
        let canvas = F.program.frame(state, width: 160, height: 48)
        let layout = FusionLayout(state.app, data: state.fusion.data)
        let bar = layout.bar(for: state.fusion)
        let y = layout.rows.y + 2
        let x = bar.x + bar.width / 2 - 1
        XCTAssertEqual(canvas.region(atX: x, y: y), "fusion-bar:2")
        let click = InputEvent.mouse(MouseEvent(x: x, y: y, action: .press(.left)))
        let actions = F.program.actions(for: click, region: canvas.region(atX: x, y: y), state: state)
        guard case .fusion(.setWeight(2, let value))? = actions.first else { return XCTFail("\(actions)") }
        // A full bar is the largest weight (equal weights: 1/3).
        let scale = FusionScreen.barScale(state.fusion.weights)
        XCTAssertEqual(value, (Double(bar.width / 2) / Double(bar.width) * scale * 100).rounded() / 100)
        var clicked = state
        F.send(&clicked, actions[0])
        XCTAssertEqual(clicked.fusion.selected, 2)
        XCTAssertEqual(clicked.fusion.weights[2], value, accuracy: 1e-12)
        try assertConsistent(clicked)
        // Just left of the bar means 0.
        let zero = F.program.actions(for: .mouse(MouseEvent(x: bar.x - 1, y: y, action: .press(.left))),
                                     region: canvas.region(atX: bar.x - 1, y: y), state: state)
        guard case .fusion(.setWeight(2, 0))? = zero.first else { return XCTFail("\(zero)") }
        let wheel = F.program.actions(for: .mouse(MouseEvent(x: x, y: y, action: .wheelDown)), region: nil, state: state)
        guard case .fusion(.select(1))? = wheel.first else { return XCTFail("\(wheel)") }
    }

    func testTheChooserOpensMovesClosesAndStartsAJob() {
        var state = onFusion()
        F.send(&state, F.key("o"))
        XCTAssertEqual(state.fusion.chooser, 0)
        // While it is open, keys go to it (j moves the chooser, not the encoder).
        let keys = F.program.actions(for: .key(KeyChord(parsing: "j")!), region: nil, state: state)
        guard case .fusion(.modalKey)? = keys.first else { return XCTFail("\(keys)") }
        F.send(&state, .fusion(.modalKey(KeyChord(parsing: "j")!)))
        XCTAssertEqual(state.fusion.chooser, 1)
        XCTAssertEqual(state.fusion.selected, 0)
        F.send(&state, .fusion(.modalKey(KeyChord(parsing: "esc")!)))
        XCTAssertNil(state.fusion.chooser)
        XCTAssertNil(state.fusion.job)
        F.send(&state, F.key("o"))
        let effects = F.program.update(&state, .fusion(.modalKey(KeyChord(parsing: "enter")!)))
        XCTAssertEqual(effects.count, 1)
        XCTAssertNil(state.fusion.chooser)
        XCTAssertEqual(state.fusion.job?.method, .greedy)
        // A second run is refused while one is running.
        F.send(&state, F.key("o"))
        XCTAssertNil(state.fusion.chooser)
        XCTAssertEqual(state.app.toasts.last?.text, "a re-optimisation is already running")
        // The method's first letter picks it directly.
        var direct = onFusion()
        F.send(&direct, F.key("o"), .fusion(.modalKey(KeyChord(parsing: "c")!)))
        XCTAssertEqual(direct.fusion.job?.method, .coordinate)
    }

    func testJobProgressFinishAcceptAndDiscard() throws {
        var state = onFusion()
        F.send(&state, F.key("o"), .fusion(.modalKey(KeyChord(parsing: "enter")!)))
        F.send(&state, .fusion(.jobProgress(fraction: 0.4, message: "all folds: greedy round 2/4", score: 0.31)))
        XCTAssertEqual(state.fusion.job?.fraction, 0.4)
        XCTAssertEqual(state.fusion.job?.message, "all folds: greedy round 2/4")
        F.send(&state, .fusion(.jobProgress(fraction: 0.5, message: "assessing", score: nil)))
        XCTAssertEqual(state.fusion.job?.score, 0.31, "a progress report without a Score keeps the last one")
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("assessing"))

        let proposal = F.fusionProposal
        F.send(&state, .fusion(.jobFinished(proposal)))
        XCTAssertNil(state.fusion.job)
        XCTAssertNotNil(state.fusion.proposal)
        XCTAssertEqual(state.app.toasts.last?.kind, .success)
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("greedy proposal"), text)
        XCTAssertTrue(text.contains(Format.fraction(proposal.report.honest.score)), text)

        // Discard keeps the edited weights.
        var discarded = state
        F.send(&discarded, F.key("d"))
        XCTAssertNil(discarded.fusion.proposal)
        XCTAssertEqual(discarded.fusion.weights, FusionWeights.equal(3))

        F.send(&state, F.key("a"))
        XCTAssertNil(state.fusion.proposal)
        XCTAssertEqual(state.fusion.weights, proposal.weights)
        XCTAssertEqual(state.fusion.active, proposal.weights.map { $0 > 0 })
        XCTAssertNotNil(state.fusion.accepted)
        try assertConsistent(state)
        // The default name says where the weights came from; an edit makes them manual again.
        F.send(&state, F.key("S"))
        XCTAssertEqual(state.fusion.naming?.text, "tui-greedy")
        F.send(&state, .fusion(.modalKey(KeyChord(parsing: "esc")!)))
        XCTAssertNil(state.fusion.naming)
        F.send(&state, F.key("r"))
        XCTAssertNil(state.fusion.accepted)
        F.send(&state, F.key("S"))
        XCTAssertEqual(state.fusion.naming?.text, "tui-manual-2", "tui-manual is taken")
        F.send(&state, F.key("a"))
        XCTAssertEqual(state.app.toasts.last?.text, "no proposal to accept (o re-optimises)")
    }

    func testJobFailureAndCancellationEndTheJob() {
        var state = onFusion(width: 160, height: 48)
        F.send(&state, F.key("o"), .fusion(.modalKey(KeyChord(parsing: "s")!)))
        XCTAssertEqual(state.fusion.job?.method, .simplex)
        F.send(&state, .fusion(.jobFailed("the simplex grid is too large")))
        XCTAssertNil(state.fusion.job)
        XCTAssertEqual(state.app.toasts.last?.kind, .error)
        XCTAssertTrue(state.app.toasts.last?.text.contains("too large") ?? false)
        XCTAssertEqual(state.fusion.lastFailure, "the simplex grid is too large")
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains("Failed: the simplex grid is too large"))

        F.send(&state, F.key("o"), .fusion(.modalKey(KeyChord(parsing: "enter")!)))
        XCTAssertNil(state.fusion.lastFailure, "a new run clears the old failure")
        F.send(&state, .fusion(.jobCancelled))
        XCTAssertNil(state.fusion.job)
        XCTAssertEqual(state.app.toasts.last?.text, "re-optimisation cancelled")
        F.send(&state, F.key("c"))
        XCTAssertEqual(state.app.toasts.last?.text, "no re-optimisation is running")
    }

    func testCancelStopsTheRecordedJob() async throws {
        let project = try FusionTestProject(self, .synthetic(clipCount: 60, encoders: [SyntheticEncoder(name: "face", strength: 0.5)],
                                                             seed: 4))
        let job = try JobRunner(store: project.store).prepare(kind: "fuse")
        var state = onFusion()
        F.send(&state, F.key("o"), .fusion(.modalKey(KeyChord(parsing: "enter")!)), .fusion(.jobStarted(job)))
        let effects = F.program.update(&state, F.key("esc"))
        XCTAssertEqual(state.fusion.job?.message, "cancelling…")
        XCTAssertFalse(job.isCancelled)
        _ = await run(effects)
        XCTAssertTrue(job.isCancelled)
    }

    func testTheOptimiseEffectRecordsAJobAndProposes() async throws {
        let inputs = FusionInputs.synthetic(clipCount: 200, encoders: [
            SyntheticEncoder(name: "face", strength: 0.7), SyntheticEncoder(name: "voice", strength: 0.4),
            SyntheticEncoder(name: "noise", strength: 0),
        ], seed: 5)
        let project = try FusionTestProject(self, inputs)
        let stored = try project.store.fusionInputs()
        // "voice" is off: the optimiser sees face and noise only.
        let background = JobsBackground()
        let effect = FusionEffects.optimise(path: project.path, inputs: stored, active: [0, 2], method: .greedy,
                                            background: background)
        let actions = await run([effect.map(WorkbenchAction.fusion)])
        XCTAssertTrue(background.runningIDs.isEmpty, "the job was registered while it ran and is gone once it ended")
        guard case .fusion(.jobStarted(let context))? = actions.first else { return XCTFail("\(actions)") }
        guard case .fusion(.jobFinished(let proposal))? = actions.last else { return XCTFail("\(actions)") }
        XCTAssertEqual(proposal.jobID, context.jobID)
        XCTAssertEqual(proposal.weights[1], 0)
        XCTAssertEqual(proposal.weights.reduce(0, +), 1, accuracy: 1e-9)
        XCTAssertEqual(proposal.report.encoders, ["face", "noise"])
        XCTAssertEqual(proposal.fixed.pooled, try FixedWeightsReport(stored, weights: proposal.weights).pooled)
        let record = try XCTUnwrap(project.store.jobs().first { $0.id == context.jobID })
        XCTAssertEqual(record.kind, "fuse")
        XCTAssertEqual(record.status, .succeeded)
        let config = try XCTUnwrap(record.config)
        XCTAssertTrue(config.contains(#""method":"greedy""#) && config.contains(#""made_by":"tui""#), config)
        XCTAssertTrue(config.contains(#""encoders":["face","noise"]"#), config)
    }

    func testSavingMakesTheFusionCurrentAndReloads() async throws {
        let inputs = FusionInputs.synthetic(clipCount: 200, encoders: [
            SyntheticEncoder(name: "face", strength: 0.7), SyntheticEncoder(name: "voice", strength: 0.4),
        ], seed: 6)
        let project = try FusionTestProject(self, inputs)
        var state = WorkbenchProgram.initialState(path: project.path, width: 80, height: 24)
        for action in await run(F.program.update(&state, .load), only: "load") { _ = F.program.update(&state, action) }
        XCTAssertNotNil(state.project)
        let loadEffects = F.program.update(&state, F.key("4"))
        XCTAssertTrue(state.fusion.loading)
        for action in await run(loadEffects, only: "fusion-load") { _ = F.program.update(&state, action) }
        XCTAssertEqual(state.fusion.data?.inputs.encoders, ["face", "voice"])
        XCTAssertEqual(state.fusion.data?.startDescription, "equal weights")

        // Measured in line or, when that is slow (a debug build), by the keyed effect.
        for action in await run(F.program.update(&state, F.key("L")), only: "fusion-metrics") { F.send(&state, action) }
        XCTAssertFalse(state.fusion.measuring)
        F.send(&state, F.key("S"))
        XCTAssertEqual(state.fusion.naming?.text, "tui-manual")
        let saveEffects = F.program.update(&state, .fusion(.modalKey(KeyChord(parsing: "enter")!)))
        XCTAssertTrue(state.fusion.saving)
        let saved = await run(saveEffects, only: "fusion-save")
        guard case .fusion(.saved(let fusion))? = saved.first else { return XCTFail("\(saved)") }
        XCTAssertEqual(fusion.spec.name, "tui-manual")
        XCTAssertEqual(fusion.spec.method, "manual")
        XCTAssertEqual(fusion.spec.weights.map(\.weight), state.fusion.weights)
        XCTAssertEqual(fusion.spec.thresholds, state.fusion.edited?.thresholds)
        let settings = try project.store.settings()
        XCTAssertEqual(settings.currentSource, .fusion("tui-manual"))
        XCTAssertEqual(settings.thresholds, fusion.spec.thresholds)

        // The save reloads the project, which then shows the fusion as its source.
        let reload = F.program.update(&state, saved[0])
        XCTAssertFalse(state.fusion.saving)
        XCTAssertEqual(state.fusion.data?.startDescription, "fusion tui-manual")
        XCTAssertEqual(state.app.toasts.last?.kind, .success)
        for action in await run(reload, only: "load") { _ = F.program.update(&state, action) }
        XCTAssertEqual(state.project?.source, .fusion("tui-manual"))
        XCTAssertEqual(state.thresholds, fusion.spec.thresholds)
        // The screen after: the toast named the fusion; the status says its thresholds are stored.
        XCTAssertTrue(state.app.toasts.contains { $0.text == "saved fusion tui-manual as the current source" })
        XCTAssertEqual(state.project?.thresholdOrigin, .stored)
        XCTAssertEqual(WorkbenchStatus.origin(state), "stored")

        // A fresh screen on the saved project starts from the fusion's weights.
        guard case .loaded(let data) = FusionEffects.load(path: project.path, source: .fusion("tui-manual")) else {
            return XCTFail("load failed")
        }
        XCTAssertEqual(data.startWeights, fusion.spec.weights.map(\.weight))

        // Typing the name of the fusion the screen started from replaces it, as a manual edit.
        for action in await run(F.program.update(&state, F.key("H")), only: "fusion-metrics") { F.send(&state, action) }
        F.send(&state, F.key("S"))
        XCTAssertEqual(state.fusion.naming?.text, "tui-manual-2", "the default never replaces")
        state.fusion.naming = TextInput("tui-manual")
        let replaced = await run(F.program.update(&state, .fusion(.modalKey(KeyChord(parsing: "enter")!))), only: "fusion-save")
        guard case .fusion(.saved(let edited))? = replaced.first else { return XCTFail("\(replaced)") }
        XCTAssertEqual(try project.store.fusions().map(\.spec.name), ["tui-manual"])
        XCTAssertEqual(edited.spec.weights.map(\.weight), state.fusion.weights)
        XCTAssertTrue(edited.spec.provenance?.contains("previous_weights") ?? false, edited.spec.provenance ?? "")
        F.send(&state, replaced[0])

        // A name taken by another fusion is refused before anything is written.
        F.send(&state, F.key("S"))
        state.fusion.naming = TextInput("taken")
        state.fusion.data = FusionData(inputs: data.inputs, startFusion: data.startFusion, startWeights: data.startWeights,
                                       startActive: data.startActive, current: data.current,
                                       fusionNames: data.fusionNames + ["taken"])
        let refused = F.program.update(&state, .fusion(.modalKey(KeyChord(parsing: "enter")!)))
        XCTAssertTrue(refused.allSatisfy { if case .run(let key, _) = $0.operation { key != "fusion-save" } else { true } })
        XCTAssertNotNil(state.fusion.naming)
        XCTAssertEqual(state.app.toasts.last?.kind, .warning)
    }

    func testASaveFailureIsToastedAndALoadFailureShown() {
        var state = onFusion()
        F.send(&state, .fusion(.saveFailed("disk full")))
        XCTAssertEqual(state.app.toasts.last?.text, "save failed: disk full")
        var failed = WorkbenchProgram.initialState(path: "/nonexistent/x.sqlite", width: 80, height: 24)
        F.send(&failed, .loaded(F.project), F.key("4"))
        XCTAssertTrue(failed.fusion.loading)
        F.send(&failed, .fusion(FusionEffects.load(path: "/nonexistent/x.sqlite", source: nil)))
        XCTAssertFalse(failed.fusion.loading)
        XCTAssertNotNil(failed.fusion.loadError)
        XCTAssertTrue(F.program.frame(failed, width: 80, height: 24).text().contains("cannot fuse"))
    }

    func testLeaveOneOutChangesArriveForTheCurrentWeightsOnly() async throws {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("4"))
        // Switching one encoder off asks for the changes of the two left on.
        let effects = F.program.update(&state, F.key("space"))
        let actions = await run(effects, only: "fusion-leave-one-out")
        guard case .fusion(.leftOut(let weights, let changes))? = actions.first else { return XCTFail("\(actions)") }
        XCTAssertEqual(weights, [0, 0.5, 0.5])
        XCTAssertNil(changes[0], "an encoder that is off has no change")
        let score = try XCTUnwrap(state.fusion.edited?.pooled.score)
        for m in [1, 2] {
            var without = weights
            without[m] = 0
            XCTAssertEqual(changes[m], try FixedWeightsReport(F.fusionInputs, weights: without).pooled.score - score)
        }
        var stale = state
        F.send(&stale, F.key("space"), actions[0])
        XCTAssertNil(stale.fusion.leaveOneOut, "changes for other weights are dropped")
        F.send(&state, actions[0])
        XCTAssertEqual(state.fusion.leaveOneOutWeights, weights)
        // Wide: a column beside the bars, named in the Σ line, not a list under Re-optimise.
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("last column: Score Δ left out"), text)
        XCTAssertFalse(text.contains("Leave one out"), text)
        // Each line's weights pane: between the first two ┃ of the line.
        let rows = text.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: "┃", omittingEmptySubsequences: false)
            return parts.count > 2 ? String(parts[1]) : nil
        }
        let other = try XCTUnwrap(rows.first { $0.contains(" other ") })
        XCTAssertTrue(other.trimmingCharacters(in: .whitespaces).hasSuffix(FusionScreen.signed(changes[1]!)), other)
        let off = try XCTUnwrap(rows.first { $0.contains(" synthetic ") })
        XCTAssertTrue(off.trimmingCharacters(in: .whitespaces).hasSuffix("✗ off"), "an encoder that is off has no change: \(off)")
        // Narrow: the bars would drop under 10 cells, so the changes stay listed under Re-optimise.
        var narrow = state
        F.send(&narrow, .app(.input(.resize(width: 80, height: 24), region: nil)))
        let small = F.program.frame(narrow, width: 80, height: 24).text()
        XCTAssertTrue(small.contains("Leave one out"), small)
        XCTAssertTrue(small.contains("other " + FusionScreen.signed(changes[1]!)), small)
        XCTAssertEqual(FusionScreen.signed(0.0004), ".000")
        XCTAssertEqual(FusionScreen.signed(-0.017), "−.017")
        XCTAssertEqual(FusionScreen.signed(0.008), "+.008")
    }

    func testMeasurementsForStaleWeightsAreDropped() throws {
        var state = onFusion()
        let other = try FixedWeightsReport(F.fusionInputs, weights: [1, 0, 0])
        F.send(&state, .fusion(.measured([1, 0, 0], other)))
        XCTAssertEqual(state.fusion.edited?.weights, FusionWeights.equal(3))
        F.send(&state, .fusion(.measureFailed([1, 0, 0], "stale")))
        XCTAssertNil(state.fusion.editedError)
        F.send(&state, .fusion(.measured(state.fusion.weights, other)))
        XCTAssertEqual(state.fusion.edited?.weights, [1, 0, 0])
        F.send(&state, .fusion(.measureFailed(state.fusion.weights, "too few folds")))
        XCTAssertNil(state.fusion.edited)
        XCTAssertEqual(state.fusion.editedError, "too few folds")
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("too few folds"))
    }

    func testLargeProjectsMeasureAsAKeyedEffect() async throws {
        let count = FusionReducer.inlineClipLimit + 1
        let clips = ScoredClips.synthetic(count: count, seed: 11)
        let inputs = FusionInputs(clips: clips.clips, encoders: ["a", "b"],
                                  probabilities: [clips.probabilities, ScoredClips.synthetic(count: count, seed: 12).probabilities],
                                  present: [Array(repeating: true, count: count), Array(repeating: true, count: count)])
        let weights = FusionWeights.equal(2)
        var state = onFusion()
        F.send(&state, .fusion(.loaded(FusionData(inputs: inputs, startFusion: nil, startWeights: weights, startActive: [true, true],
                                                  current: try FixedWeightsReport(inputs, weights: weights), fusionNames: []))))
        let effects = F.program.update(&state, F.key("right"))
        XCTAssertTrue(state.fusion.measuring)
        XCTAssertEqual(state.fusion.edited?.weights, weights, "the last figures stay until the new ones arrive")
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("measuring"))
        F.send(&state, F.key("S"))
        XCTAssertNil(state.fusion.naming, "stale figures are not saved")
        let measured = await run(effects, only: "fusion-metrics")
        XCTAssertEqual(measured.count, 1)
        F.send(&state, measured[0])
        XCTAssertFalse(state.fusion.measuring)
        XCTAssertEqual(state.fusion.edited?.pooled, try FixedWeightsReport(inputs, weights: state.fusion.weights).pooled)
    }

    func testSlowMeasurementsMoveOffTheUIThreadOnSmallProjectsToo() async throws {
        let d = F.fusionData
        var state = onFusion()
        F.send(&state, .fusion(.loaded(FusionData(inputs: d.inputs, startFusion: nil, startWeights: d.startWeights,
                                                  startActive: d.startActive, current: d.current, fusionNames: [],
                                                  measureTime: .milliseconds(190)))))
        let effects = F.program.update(&state, F.key("space"))
        XCTAssertTrue(state.fusion.measuring)
        XCTAssertEqual(state.fusion.weights, [0, 0.5, 0.5])
        for action in await run(effects, only: "fusion-metrics") { F.send(&state, action) }
        XCTAssertFalse(state.fusion.measuring)
        try assertConsistent(state)
    }
}
