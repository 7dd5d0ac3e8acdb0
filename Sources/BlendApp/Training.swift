import BlendCore
import BlendEngine
import BlendStore

/// A training run checked and ready to run as a job.
public struct TrainingPlan: Sendable {
    public let prepared: PreparedTraining
    public let job: JobWork<TrainingOutcome>
}

extension ProjectSession {
    /// `train`: retrain `encoder`'s head, or repeat the stored settings of trained encoder
    /// `rerun` (`features`, `name` and `configure` override them). Everything that can be
    /// refused is checked here, before a job is recorded.
    public func planTraining(encoder: String?, rerun: String? = nil, features: String? = nil, name: String? = nil,
                             replace: Bool = false, configure: (inout TrainingConfig) -> Void = { _ in }) throws -> TrainingPlan {
        var request: TrainingRequest
        var dimension: Int?
        if let rerun {
            (request, dimension) = try ProjectTraining.storedRequest(encoder: rerun, in: store)
            request.replace = replace
        } else {
            request = TrainingRequest(encoder: encoder ?? "", replace: replace)
        }
        if let features { request.features = features }
        if let name { request.name = name }
        configure(&request.config)
        let prepared = try ProjectTraining.prepare(request, in: store, expectedDimension: features == nil ? dimension : nil)
        return TrainingPlan(prepared: prepared, job: JobWork(kind: TrainingJob.kind, config: try TrainingJob.config(prepared),
                                                             work: TrainingJob.work(prepared, in: store)))
    }

    /// The Jobs screen's training: `request` as built there, checked before a job is recorded.
    public func planTraining(_ request: TrainingRequest) throws -> TrainingPlan {
        let prepared = try ProjectTraining.prepare(request, in: store)
        return TrainingPlan(prepared: prepared, job: JobWork(kind: TrainingJob.kind, config: try TrainingJob.config(prepared),
                                                             work: TrainingJob.work(prepared, in: store)))
    }

    /// `runs`: every training run.
    public func trainingRuns() throws -> [TrainingRunInfo] { try store.trainingRuns() }

    /// `runs --show`: one trained encoder's run and its per-fold curves.
    public func trainingRun(_ encoder: String) throws -> (run: TrainingRunInfo, curves: [TrainingEpoch]) {
        (try store.trainingRun(encoder: encoder), try store.trainingCurves(encoder: encoder))
    }

    /// `runs --delete`: a trained encoder with everything it owns.
    public func deleteTrainedEncoder(_ name: String) throws { try store.deleteTrainedEncoder(name) }
}
