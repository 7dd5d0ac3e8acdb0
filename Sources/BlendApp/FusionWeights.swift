import BlendCore
import BlendFigures
import BlendStore
import Foundation

/// A saved fusion's weights and, where its provenance kept them, each training fold's.
public struct FusionWeightsData: Sendable {
    public let fusion: String
    public let method: String
    public let thresholds: Thresholds
    public let honestScore: Double?
    public let inSampleScore: Double?
    /// One per encoder, in the fusion's order; `folds` empty when none were kept.
    public let bars: [FusionWeightBar]
    /// How the folds' weights were chosen, for the figure's note (nil without them).
    public let note: String?
    /// True for weights that are not a saved fusion's (the Fusion screen's edit or proposal):
    /// `fusion` then says what they are and the figure's title says they are not saved.
    public var unsaved = false
    /// The stored honest Score with its interval, or why it has none (nil for unsaved weights).
    public var honest: SavedHonestScore?

    /// Weights the Fusion screen shows and has not saved: `encoders` with `weights` and, for
    /// a proposal, each training fold's weights (`folds[fold][encoder]`; empty for a hand
    /// edit, whose weights are the same in every fold). `what` names them for the title
    /// ("the edit of fusion greedy-12"); `perFold` says how a proposal's fold weights were chosen.
    public static func unsaved(_ what: String, encoders: [String], weights: [Double], folds: [[Double]] = [],
                               perFold: Bool = false) -> FusionWeightsData {
        let bars = encoders.indices.map { m in
            FusionWeightBar(encoder: encoders[m], weight: weights.indices.contains(m) ? weights[m] : 0,
                            folds: folds.compactMap { $0.indices.contains(m) ? $0[m] : nil })
        }
        let note = "Not saved: the weights on the Fusion screen. "
            + (folds.isEmpty ? "Weights set by hand: the same in every fold." : foldNote(perFold: perFold))
        var data = FusionWeightsData(fusion: what, method: "unsaved", thresholds: Thresholds(alpha: 0, beta: 0), honestScore: nil,
                                     inSampleScore: nil, bars: bars, note: note)
        data.unsaved = true
        return data
    }

    static func foldNote(perFold: Bool) -> String {
        perFold ? "Fold weights: chosen on each training fold alone (per-fold mode); the bar is their mean."
            : "Fold weights: chosen without each training fold (nested), as the honest Score is."
    }
}

extension ProjectSession {
    /// The weights of fusion `source` with the per-fold weights its nested run stored (`fuse`
    /// keeps them in the provenance; a hand edit has the same weights in every fold).
    ///
    /// - Throws: `AppError.notAFusion` for an encoder, `StoreError.unknownFusion`.
    public func fusionWeights(of source: SourceRef) throws -> FusionWeightsData {
        guard case .fusion(let name) = source else {
            throw AppError.notAFusion(source: source.description, fusions: try store.fusions().map(\.spec.name))
        }
        let spec = try store.fusion(named: name).spec
        let stored = spec.provenance.flatMap { StoredFoldWeights(json: $0) }
        let bars = spec.weights.map { w in
            FusionWeightBar(encoder: w.encoder, weight: w.weight, folds: stored?.weights(of: w.encoder) ?? [])
        }
        let note: String?
        switch stored?.madeBy {
        case nil: note = "No per-fold weights stored for this fusion."
        case "weights": note = "Weights set by hand: the same in every fold."
        default:
            note = FusionWeightsData.foldNote(perFold: stored?.perFold == true)
        }
        return FusionWeightsData(fusion: spec.name, method: spec.method, thresholds: spec.thresholds,
                                 honestScore: spec.honestScore, inSampleScore: spec.inSampleScore, bars: bars, note: note)
    }

    /// `fusionWeights(of:)` with the stored honest Score's interval (the report's fusion section).
    public func fusionWeights(of source: SourceRef, settings: BootstrapSettings) throws -> FusionWeightsData {
        var data = try fusionWeights(of: source)
        data.honest = savedHonestScore(of: try store.fusion(named: data.fusion), settings: settings)
        return data
    }
}

/// The folds' weights read back from a fusion's provenance JSON (`FusionProvenance`); nil
/// for provenance that is not that JSON (free text, an older project).
struct StoredFoldWeights {
    let madeBy: String
    let perFold: Bool
    let encoders: [String]
    let folds: [[Double]]

    private struct Provenance: Decodable {
        struct Settings: Decodable { let perFold: Bool? }
        struct Fold: Decodable { let weights: [Double] }
        let madeBy: String
        let encoders: [String]
        let settings: Settings?
        let folds: [Fold]?
    }

    init?(json: String) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let p = try? decoder.decode(Provenance.self, from: Data(json.utf8)), let folds = p.folds, !folds.isEmpty,
              folds.allSatisfy({ $0.weights.count == p.encoders.count && $0.weights.allSatisfy(\.isFinite) })
        else { return nil }
        madeBy = p.madeBy
        perFold = p.settings?.perFold ?? false
        encoders = p.encoders
        self.folds = folds.map(\.weights)
    }

    /// `encoder`'s weight in each fold (empty for one the run did not weigh).
    func weights(of encoder: String) -> [Double] {
        guard let i = encoders.firstIndex(of: encoder) else { return [] }
        return folds.map { $0[i] }
    }
}
