import BlendApp
import BlendCore
import Foundation

/// The Fusion screen's work off the UI thread: reading the inputs, measuring weights on large
/// projects, re-optimising as a recorded job, and saving a fusion as the current source.
enum FusionEffects {
    /// Reads every fusable encoder's probabilities and the weights to start from: the current
    /// source's when it is a saved fusion, else equal weights. Encoders a saved fusion gives
    /// weight 0 (or does not name) start switched off.
    static func load(path: String, source: SourceRef?, from access: ProjectAccess = ProjectAccess()) -> FusionAction {
        do {
            let session = try access.session(path)
            let (inputs, fusions, saved) = try session.fusionWorkbench(source: source)
            var start = saved
            var weights = FusionWeights.equal(inputs.encoderCount)
            if let spec = start?.spec {
                let saved = inputs.encoders.map { name in spec.weights.first { $0.encoder == name }?.weight ?? 0 }
                // A fusion over encoders that are no longer fusable cannot be edited here.
                if saved.contains(where: { $0 > 0 }) { weights = FusionWeights.normalised(saved) } else { start = nil }
            }
            let active = weights.map { $0 > 0 }
            let clock = ContinuousClock(), started = clock.now
            let current = try FixedWeightsReport(inputs, weights: weights)
            let measureTime = clock.now - started
            var data = FusionData(inputs: inputs, startFusion: start, startWeights: weights, startActive: active,
                                  current: current, fusionNames: fusions.map(\.spec.name), measureTime: measureTime)
            // The intervals the screen opens with, here off the UI thread (a bootstrap each).
            data.currentFoldIntervals = inputs.heldOutIntervals(of: current, settings: FusionReducer.intervalSettings).intervals
            data.savedHonest = start.map { session.savedHonestScore(of: $0, settings: FusionReducer.intervalSettings) }
            return .loaded(data)
        } catch {
            return .loadFailed("\(error)")
        }
    }

    /// The metrics of `weights` as fixed weights (best α/β on the official grid, nested too).
    static func measure(_ inputs: FusionInputs, _ weights: [Double]) -> FusionAction {
        do {
            return .measured(weights, try FixedWeightsReport(inputs, weights: weights))
        } catch {
            return .measureFailed(weights, "\(error)")
        }
    }

    /// Each active encoder left out of `weights` (the rest renormalised): the Score change
    /// against `score`, both at their own best α/β. Superseded runs stop between encoders.
    static func leaveOneOut(_ inputs: FusionInputs, _ weights: [Double], score: Double, delay: Duration) -> Effect<FusionAction> {
        .run(.fusionLeaveOneOut) { send in
            guard (try? await Task.sleep(for: delay)) != nil else { return }
            var changes: [Double?] = []
            for m in weights.indices {
                guard !Task.isCancelled else { return }
                var without = weights
                without[m] = 0
                guard weights[m] > 0, without.contains(where: { $0 > 0 }),
                      let report = try? FixedWeightsReport(inputs, weights: without) else {
                    changes.append(nil)
                    continue
                }
                changes.append(report.pooled.score - score)
            }
            send(.leftOut(weights, changes))
        }
    }

    /// The "α/β from other folds" interval of `report`: the Live panel's edited weights, or
    /// (`of: "proposal"`) a waiting proposal's, under a task name of its own so neither
    /// replaces the other.
    static func foldIntervals(_ inputs: FusionInputs, _ report: FixedWeightsReport, key: FusionFoldKey,
                              of subject: String = "edit") -> Effect<WorkbenchAction> {
        .task(.screen(.fusion, subject == "edit" ? "fold-intervals" : "\(subject)-fold-intervals")) {
            .fusion(.foldIntervals(key, inputs.heldOutIntervals(of: report, settings: FusionReducer.intervalSettings).intervals))
        }
    }

    /// Re-optimises the weights of the encoders at `active` with `method` as a job recorded in
    /// the project (so `blendscope jobs` and the Jobs screen list it), reporting progress and
    /// ending with the proposal, a failure or the cancellation.
    /// The job is registered with `background`, so quitting cancels it and waits for its end.
    static func optimise(path: String, inputs: FusionInputs, active: [Int], method: FusionMethod,
                         background: JobsBackground) -> Effect<FusionAction> {
        .run(.fusionOptimise) { send in
            do {
                let session = try background.session(path)
                // Refusals (a simplex grid too large to finish) come before a job is recorded.
                let plan = try session.planFusion(inputs.selecting(encoders: active), settings: FusionSettings(method: method),
                                                  madeBy: "tui")
                let job = try session.prepareJob(plan.job)
                background.began(job)
                defer { background.ended(job) }
                send(.jobStarted(job))
                let report = try await session.runJob(job, plan.job, onProgress: { progress in
                    send(.jobProgress(fraction: progress.fraction, message: progress.message, score: progress.metrics?.score))
                }).report
                var weights = [Double](repeating: 0, count: inputs.encoderCount)
                for (position, m) in active.enumerated() { weights[m] = report.weights[position] }
                let fixed = try FixedWeightsReport(inputs, weights: weights)
                // The honest Score's interval over the encoders the job fused, once per proposal.
                let intervals = plan.inputs.intervals(of: report)
                send(.jobFinished(FusionProposal(jobID: job.jobID, report: report, weights: weights, fixed: fixed,
                                                 intervals: intervals)))
            } catch is CancellationError {
                send(.jobCancelled)
            } catch {
                send(.jobFailed("\(error)"))
            }
        }
    }

    /// Saves the edited weights as fusion `name` and makes it the project's current source
    /// with its own α/β (as `blendscope use --fusion` does). Weights exactly as a job proposed
    /// keep that job's method and honest Score; others are saved as a manual edit of the
    /// weights the screen started from.
    static func save(path: String, name: String, data: FusionData, weights: [Double], edit: FixedWeightsReport,
                     accepted: FusionProposal?, from access: ProjectAccess = ProjectAccess()) -> Effect<FusionAction> {
        .task(.fusionSave) {
            do {
                let saved = try access.session(path).saveFusion(
                    named: name, edit: edit, weights: weights,
                    proposal: accepted.map { (jobID: $0.jobID, report: $0.report, weights: $0.weights) },
                    start: data.startFusion, encoders: data.inputs.encoders, startWeights: data.startWeights)
                return .saved(saved)
            } catch {
                return .saveFailed("\(error)")
            }
        }
    }
}
