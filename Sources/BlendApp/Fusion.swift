import BlendCore
import BlendStore

/// What a fusion job ends with: the optimiser's report and the name it was saved under.
public struct FusionOutcome: Sendable {
    public let report: FusionReport
    public let saved: String?
}

/// A fusion re-optimisation checked and ready to run as a job.
public struct FusionPlan: Sendable {
    public let inputs: FusionInputs
    public let job: JobWork<FusionOutcome>
}

extension ProjectSession {
    /// The encoders' probabilities to fuse: `names`, else every encoder with probabilities.
    ///
    /// - Throws: `StoreError` for no encoders, a name given twice or an unknown encoder.
    public func fusionInputs(encoders names: [String]? = nil) throws -> FusionInputs {
        try store.fusionInputs(encoders: names)
    }

    /// Every saved fusion.
    public func fusions() throws -> [SavedFusion] { try store.fusions() }

    /// One saved fusion by name.
    public func fusion(named name: String) throws -> SavedFusion { try store.fusion(named: name) }

    /// `fuse` and the Fusion screen's re-optimisation: everything that can be refused is
    /// checked here, before a job is recorded. `groups` are named encoder groups whose weight
    /// share is reported (each member must be fused); `saveAs` saves the result unless the
    /// job is cancelled, even after its last evaluation.
    ///
    /// - Throws: `AppError.fusionExists` for a name taken without `replace`, `.groupNotFused`,
    ///   the store's and `FusionStudy.preflight`'s refusals.
    public func planFusion(encoders names: [String]? = nil, settings: FusionSettings, saveAs: String? = nil,
                           replace: Bool = false, groups: [(name: String, members: [String])] = [],
                           madeBy: String? = nil) throws -> FusionPlan {
        try planFusion(try store.fusionInputs(encoders: names), settings: settings, saveAs: saveAs, replace: replace,
                       groups: groups, madeBy: madeBy)
    }

    /// The same over inputs already read (the Fusion screen's selection of its encoders).
    public func planFusion(_ inputs: FusionInputs, settings: FusionSettings, saveAs: String? = nil, replace: Bool = false,
                           groups: [(name: String, members: [String])] = [], madeBy: String? = nil) throws -> FusionPlan {
        if let saveAs, !replace, try store.fusions().contains(where: { $0.spec.name == saveAs.trimmingCharacters(in: .whitespaces) }) {
            throw AppError.fusionExists(saveAs)
        }
        for (name, members) in groups {
            if let unknown = members.first(where: { inputs.index(of: $0) == nil }) {
                throw AppError.groupNotFused(group: name, encoder: unknown)
            }
        }
        try FusionStudy.preflight(inputs, settings: settings)
        let config = try FusionJob.config(settings: settings, encoders: inputs.encoders, saveAs: saveAs, madeBy: madeBy)
        let store = self.store
        let job = JobWork(kind: FusionJob.kind, config: config) { context in
            let control = FusionControl(
                progress: { fraction, message, score in context.report(fraction, message, metrics: score.map { [.score: $0] }) },
                isCancelled: { context.isCancelled })
            let report = try FusionStudy.run(inputs, settings: settings, control: control)
            // A cancel that arrives after the last evaluation still means: save nothing.
            try context.checkCancellation()
            let saved = try saveAs.map { try store.saveFusion(named: $0, report: report, job: context.jobID, replace: replace) }
            return FusionOutcome(report: report, saved: saved?.spec.name)
        }
        return FusionPlan(inputs: inputs, job: job)
    }
}

/// A saved fusion's weights, as they were and after a hand edit.
public struct WeightsEdit: Sendable {
    public let fusion: SavedFusion
    public let inputs: FusionInputs
    /// The weights as saved, over the encoders of `after` (0 for one that joins).
    public let before: FixedWeightsReport
    public let after: FixedWeightsReport
    public let changed: Bool
    /// `after`'s in-sample, honest and test intervals (nil without training clips).
    public let intervals: FusionIntervals?
    /// Training clips at the saved α/β with the weights as now, actors resampled.
    public let atPreviousThresholds: MetricIntervals?
    public let unlabelled: Int
    /// The fusion's stored honest Score as it was saved (before an edit), with its interval or
    /// why it has none.
    public let savedHonest: SavedHonestScore
}

extension ProjectSession {
    /// `weights`: a saved fusion's weights, or with `set` (`face=0.2,voice=0`) those weights
    /// replaced, all renormalised, α/β chosen again, and the fusion saved as a manual edit.
    /// Bad input is refused before anything is read or written.
    public func editWeights(of name: String, set: String? = nil, settings: BootstrapSettings = .standard) throws -> WeightsEdit {
        let fusion = try store.fusion(named: name)
        let current = fusion.spec.weights.map { (encoder: $0.encoder, weight: $0.weight) }
        let edits = try set.map(FusionWeightEdit.parse)
        let updated = try edits.map { try FusionWeightEdit.apply($0, to: current) } ?? current
        let savedHonest = savedHonestScore(of: fusion, settings: settings)
        let inputs = try store.fusionInputs(encoders: updated.map(\.encoder))
        let before = try FixedWeightsReport(inputs, weights: updated.map { u in current.first { $0.encoder == u.encoder }?.weight ?? 0 })
        let after = edits == nil ? before : try FixedWeightsReport(inputs, weights: updated.map(\.weight))
        if edits != nil { try store.saveEditedFusion(named: fusion.spec.name, edit: after, previous: fusion) }
        let intervals = inputs.intervals(of: after, settings: settings)
        let previous = inputs.intervals(weights: after.weights, at: fusion.spec.thresholds, settings: settings) { $0.fold != nil }
        return WeightsEdit(fusion: fusion, inputs: inputs, before: before, after: after, changed: edits != nil,
                           intervals: intervals, atPreviousThresholds: previous, unlabelled: try store.unlabelledCount(),
                           savedHonest: savedHonest)
    }

    /// The Fusion screen's save: `edit`'s weights saved as fusion `name` and made the current
    /// source with its own α/β (as `use --fusion` does). Weights exactly as a job proposed
    /// (`proposal`) keep that job's method and honest Score; a fusion edited under its own
    /// name (`start`) is saved as a manual edit of it; any other as a new manual fusion whose
    /// provenance names `startWeights` over `encoders`.
    public func saveFusion(named name: String, edit: FixedWeightsReport, weights: [Double],
                           proposal: (jobID: Int64, report: FusionReport, weights: [Double])?,
                           start: SavedFusion?, encoders: [String], startWeights: [Double]) throws -> SavedFusion {
        let replace = name == start?.spec.name
        let saved: SavedFusion
        if let proposal, proposal.weights == weights {
            saved = try store.saveFusion(named: name, report: proposal.report, job: proposal.jobID, replace: replace)
        } else if replace, let start {
            saved = try store.saveEditedFusion(named: name, edit: edit, previous: start)
        } else {
            let previous = zip(encoders, startWeights).map { FusionWeight(encoder: $0, weight: $1) }
            let spec = FusionSpec(
                name: name, weights: zip(edit.encoders, edit.weights).map { FusionWeight(encoder: $0, weight: $1) },
                thresholds: edit.thresholds, method: "manual", honestScore: edit.assessment.honest.score,
                inSampleScore: edit.assessment.inSample.score,
                provenance: try FusionProvenance(edit: edit, previous: previous, grid: .official).json())
            saved = try store.saveFusion(spec)
        }
        // Current from now on, at the thresholds it was saved with (a fusion keeps those).
        try store.updateSettings(source: .fusion(saved.spec.name))
        return saved
    }

    /// The Fusion screen's start: every fusable encoder's probabilities, the saved fusions,
    /// and the one `source` names when it is a saved fusion.
    public func fusionWorkbench(source: SourceRef?) throws -> (inputs: FusionInputs, fusions: [SavedFusion], start: SavedFusion?) {
        let inputs = try store.fusionInputs(encoders: try store.fusableEncoders())
        let fusions = try store.fusions()
        var start: SavedFusion?
        if case .fusion(let name) = source { start = fusions.first { $0.spec.name == name } }
        return (inputs, fusions, start)
    }
}
