import BlendCore
import Foundation
@testable import BlendStore
@testable import BlendTUI

/// Made-up jobs for the Jobs screen's reducer and snapshot tests: one running training with
/// live figures and a log, one failed fusion, one cancelled and one finished training.
extension WorkbenchFixture {
    /// The moment the fixture's jobs were polled.
    static let jobsNow = Date(timeIntervalSince1970: 1_790_000_000)

    static func job(_ id: Int64, kind: String = "train", _ status: JobStatus, progress: Double, message: String,
                    startedAgo: Double, lasted: Double? = nil, log: String = "",
                    metrics: JobMetrics? = nil) -> JobRecord {
        let started = jobsNow.addingTimeInterval(-startedAgo)
        return JobRecord(id: id, kind: kind, status: status, progress: progress, message: message, config: #"{"encoder":"face"}"#,
                         pid: 4242, created: started, started: started, finished: lasted.map { started.addingTimeInterval($0) },
                         log: log, metrics: metrics)
    }

    /// Newest first, as the store lists them; job 4 runs unless `running` is false.
    static func fixtureJobs(running: Bool = true) -> [JobRecord] {
        let log = (1...12).map { "fold 0 (1/6) epoch \($0)/100: loss \(String(format: "%.4f", 1.2 - Double($0) * 0.02))" }
            .joined(separator: "\n") + "\n"
        return [
            running
                ? job(4, .running, progress: 0.4, message: "fold 2 (3/6) · epoch 14/100 · loss 0.9120 · ETA 3m 00s",
                      startedAgo: 120, log: log, metrics: [.loss: 0.912, .score: 0.2714, .epoch: 14])
                : job(4, .succeeded, progress: 1, message: "final model (6/6) · epoch 30/30", startedAgo: 120, lasted: 100,
                      log: log, metrics: [.loss: 0.8, .epoch: 30]),
            job(3, kind: "fuse", .failed, progress: 0.2, message: "no encoder has probabilities", startedAgo: 600, lasted: 3),
            job(2, .cancelled, progress: 0.05, message: "cancelled at 5%", startedAgo: 900, lasted: 42),
            job(1, .succeeded, progress: 1, message: "done", startedAgo: 4000, lasted: 3725),
        ]
    }

    /// A loaded workbench on the Jobs screen with `jobs` polled.
    static func onJobs(width: Int = 80, height: Int = 24, jobs: [JobRecord] = fixtureJobs()) -> WorkbenchState {
        var state = loaded(width: width, height: height)
        send(&state, key("6"), .jobs(.polled(jobs, at: jobsNow)))
        return state
    }

    /// The fixture project with encoders that have features ("synthetic" and "face") and one without.
    static let projectWithFeatures = ProjectSnapshot(
        path: project.path, clips: scored.clips,
        encoders: [encoder("face", features: 64), encoder("synthetic", features: 32), encoder("fused", features: nil)],
        fusionCount: 0, source: .encoder("synthetic"), thresholds: Thresholds(alpha: 0.1, beta: 0.2), scored: scored, panel: panel)

    static func encoder(_ name: String, features: Int?) -> EncoderInfo {
        EncoderInfo(name: name, modality: .visual, source: .imported, created: jobsNow, config: nil, probabilityCount: 600,
                    featureDimension: features, featureCount: features == nil ? 0 : 600)
    }
}
