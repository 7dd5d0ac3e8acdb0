import BlendCore
import BlendStore
import Foundation

/// A saved fusion's stored honest Score (weights and α/β chosen on the other folds) with its
/// interval, computed by the definition a fresh run's uses (`FusionInputs.heldOutIntervals`:
/// the actor bootstrap over the nested decisions, each fold fused with the weights and decoded
/// at the α/β chosen without it) from the choices the run stored with the fusion. When the
/// fusion does not hold them, or the predictions no longer give its stored per-fold Scores,
/// there is no interval and `unavailable` says why: an interval of some other figure would
/// be shown as this one's.
public struct SavedHonestScore: Sendable, Hashable {
    /// The stored honest Score (the mean over folds), when the fusion has one.
    public let score: Double?
    /// The pooled nested decisions' counts and their interval.
    public let pooled: Metrics?
    public let intervals: MetricIntervals?
    /// Why there is no interval (nil when there is one).
    public let unavailable: String?

    public init(score: Double?, pooled: Metrics?, intervals: MetricIntervals?, unavailable: String?) {
        self.score = score
        self.pooled = pooled
        self.intervals = intervals
        self.unavailable = unavailable
    }

    public static func missing(_ score: Double?, _ why: String) -> SavedHonestScore {
        SavedHonestScore(score: score, pooled: nil, intervals: nil, unavailable: why)
    }
}

extension ProjectSession {
    /// The honest Score of saved fusion `fusion` with its interval (see `SavedHonestScore`).
    /// Never throws: a fusion whose encoders are gone has no interval, and says so.
    public func savedHonestScore(of fusion: SavedFusion, settings: BootstrapSettings = .standard) -> SavedHonestScore {
        let score = fusion.spec.honestScore
        guard let stored = fusion.spec.provenance.flatMap(StoredHeldOut.init(json:)) else {
            return .missing(score, "saved before blendscope kept each fold's held-out weights and α/β; "
                                   + "run `fuse --as \(fusion.spec.name) --replace` again for an interval")
        }
        let inputs: FusionInputs
        do {
            inputs = try store.fusionInputs(encoders: stored.encoders)
        } catch {
            return .missing(score, "its encoders cannot be read (\(error))")
        }
        // The stored per-fold Scores must come out again: otherwise the predictions changed
        // since the save, and the interval would be of another figure.
        for fold in stored.folds {
            let clips = inputs.filter { $0.fold == fold.fold }.fused(weights: fold.weights).scored
            let now = SweepIndex(clips).metrics(at: fold.thresholds).score
            guard abs(now - fold.heldOutScore) <= 1e-9 else {
                return .missing(score, "the predictions changed since it was saved (fold \(fold.fold)'s held-out Score is "
                                       + "\(NumberText.rate(now)) now, \(NumberText.rate(fold.heldOutScore)) saved)")
            }
        }
        let honest = inputs.heldOutIntervals(stored.folds.map { ($0.fold, $0.weights, $0.thresholds) }, settings: settings)
        return SavedHonestScore(score: score, pooled: honest.pooled, intervals: honest.intervals, unavailable: nil)
    }
}

/// Each fold's held-out weights and α/β read back from a fusion's provenance JSON
/// (`FusionProvenance`); nil when any fold lacks them (a fusion saved before they were kept,
/// free-text provenance) or they do not fit the encoders.
struct StoredHeldOut {
    struct Fold {
        let fold: Int
        let weights: [Double]
        let thresholds: Thresholds
        let heldOutScore: Double
    }

    let encoders: [String]
    let folds: [Fold]

    private struct Provenance: Decodable {
        struct Fold: Decodable {
            let fold: Int
            let heldOutScore: Double
            let heldOutWeights: [Double]?
            let heldOutThresholds: Thresholds?
        }
        let encoders: [String]
        let folds: [Fold]?
    }

    init?(json: String) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let p = try? decoder.decode(Provenance.self, from: Data(json.utf8)), let entries = p.folds, !entries.isEmpty
        else { return nil }
        var folds: [Fold] = []
        for e in entries {
            guard let w = e.heldOutWeights, let t = e.heldOutThresholds, w.count == p.encoders.count,
                  w.allSatisfy({ $0.isFinite && $0 >= 0 }), w.contains(where: { $0 > 0 }),
                  t.alpha.isFinite, t.beta.isFinite, e.heldOutScore.isFinite else { return nil }
            folds.append(Fold(fold: e.fold, weights: w, thresholds: t, heldOutScore: e.heldOutScore))
        }
        encoders = p.encoders
        self.folds = folds
    }
}
