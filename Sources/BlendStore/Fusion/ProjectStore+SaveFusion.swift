import BlendCore
import Foundation

/// Where a saved fusion came from, kept as JSON in its `provenance`.
public struct FusionProvenance: Sendable, Encodable {
    /// `fuse` (an optimiser) or `weights` (set by hand).
    public let madeBy: String
    public let encoders: [String]
    public let settings: FusionSettings?
    public let grid: String
    /// Per training fold: the weights behind the spread, the held-out Score, and the weights
    /// and α/β it was scored at (chosen without the fold), so that the honest Score's interval
    /// can be computed later exactly as for a fresh run. Fusions saved before these two were
    /// kept lack them (no schema change: the provenance is JSON text, read leniently).
    public let folds: [FoldEntry]?
    public let testScore: Double?
    public let renormalisedClips: Int
    public let droppedClips: Int
    /// The job that computed it, if it ran as one.
    public let job: Int64?
    /// For a hand edit: the fusion's weights before it.
    public let previousWeights: [FusionWeight]?

    public struct FoldEntry: Sendable, Encodable {
        public let fold: Int
        public let weights: [Double]
        public let heldOutScore: Double
        public let heldOutWeights: [Double]?
        public let heldOutThresholds: Thresholds?
    }

    /// The provenance of an optimiser's run.
    public init(report: FusionReport, job: Int64?) {
        madeBy = "fuse"
        encoders = report.encoders
        settings = report.settings
        grid = Self.describe(report.grid)
        folds = report.folds.map {
            FoldEntry(fold: $0.fold, weights: $0.weights, heldOutScore: $0.heldOut.score, heldOutWeights: $0.heldOutWeights,
                      heldOutThresholds: $0.heldOutThresholds)
        }
        testScore = report.test?.score
        renormalisedClips = report.renormalisedClips
        droppedClips = report.droppedClips
        self.job = job
        previousWeights = nil
    }

    /// The provenance of a hand edit.
    public init(edit: FixedWeightsReport, previous: [FusionWeight], grid: ThresholdGrid) {
        madeBy = "weights"
        encoders = edit.encoders
        settings = nil
        self.grid = Self.describe(grid)
        folds = edit.assessment.heldOut.map {
            FoldEntry(fold: $0.fold, weights: edit.weights, heldOutScore: $0.metrics.score, heldOutWeights: edit.weights,
                      heldOutThresholds: $0.thresholds)
        }
        testScore = edit.test?.score
        renormalisedClips = edit.renormalisedClips
        droppedClips = edit.droppedClips
        job = nil
        previousWeights = previous
    }

    static func describe(_ grid: ThresholdGrid) -> String {
        grid == .official ? "official 20×20" : "\(grid.alphas.count)×\(grid.betas.count)"
    }

    /// Snake-case keys, sorted: stable text to diff and to read with pandas.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

extension ProjectStore {
    /// Saves an optimiser's fusion as `name`: its weights over every encoder it was given
    /// (zeros included, so the encoders it chose from stay on record), the in-sample
    /// thresholds, the method, honest and in-sample Scores and the provenance.
    ///
    /// - Throws: as `saveFusion(_:replace:)`; nothing is stored on error.
    @discardableResult
    public func saveFusion(named name: String, report: FusionReport, job: Int64? = nil, replace: Bool = false) throws -> SavedFusion {
        let method = report.settings.method.rawValue + (report.settings.perFold ? " per-fold" : "")
        let spec = FusionSpec(
            name: name, weights: zip(report.encoders, report.weights).map { FusionWeight(encoder: $0, weight: $1) },
            thresholds: report.thresholds, method: method, honestScore: report.honest.score,
            inSampleScore: report.inSample.score, provenance: try FusionProvenance(report: report, job: job).json())
        return try saveFusion(spec, replace: replace)
    }

    /// Replaces fusion `name` with hand-set weights: method `manual`, the thresholds and
    /// Scores of `edit`, the previous weights in the provenance.
    @discardableResult
    public func saveEditedFusion(named name: String, edit: FixedWeightsReport, previous: SavedFusion,
                                 grid: ThresholdGrid = .official) throws -> SavedFusion {
        let spec = FusionSpec(
            name: name, weights: zip(edit.encoders, edit.weights).map { FusionWeight(encoder: $0, weight: $1) },
            thresholds: edit.thresholds, method: "manual", honestScore: edit.assessment.honest.score,
            inSampleScore: edit.assessment.inSample.score,
            provenance: try FusionProvenance(edit: edit, previous: previous.spec.weights, grid: grid).json())
        return try saveFusion(spec, replace: true)
    }
}
