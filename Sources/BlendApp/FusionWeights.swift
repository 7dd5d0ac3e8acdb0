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
            note = stored?.perFold == true
                ? "Fold weights: chosen on each training fold alone (per-fold mode); the bar is their mean."
                : "Fold weights: chosen without each training fold (nested), as the honest Score is."
        }
        return FusionWeightsData(fusion: spec.name, method: spec.method, thresholds: spec.thresholds,
                                 honestScore: spec.honestScore, inSampleScore: spec.inSampleScore, bars: bars, note: note)
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
