import BlendCore
import BlendStore
import Foundation

/// ACC_S over β at one α for one part of the clips (a curve of `blendscope figure beta-curves`).
public struct BetaCurve: Sendable, Hashable {
    /// `all clips`, `fold 2`.
    public let label: String
    public let betas: [Double]
    public let accSalience: [Double]
    /// ACC_S's bootstrap interval at each β (only for the first curve, with `bands`).
    public let band: [Interval]?
}

extension ProjectSession {
    /// Every cell of `grid` for the target's source over `selection` (no bootstrap: a heatmap
    /// shows the point values).
    public func heatmapSweep(_ target: AnalysisTarget, in selection: ClipSelection = .all,
                             grid: ThresholdGrid = .official) throws -> SweepResult {
        let (clips, _) = try scoredClips(target, in: selection)
        return SweepIndex(clips).plan(grid).sweep()
    }

    /// ACC_S(β) at the target's α over `selection`, then over each training fold in it; with
    /// `bands`, the first curve's bootstrap interval at each β (one bootstrap per β).
    public func betaCurves(_ target: AnalysisTarget, in selection: ClipSelection = .all,
                           betas: [Double] = ThresholdGrid.official.betas,
                           bands: BootstrapSettings? = nil) throws -> [BetaCurve] {
        let (clips, _) = try scoredClips(target, in: selection)
        let grid = ThresholdGrid(alphas: [target.thresholds.alpha], betas: betas)
        func curve(_ label: String, _ part: ScoredClips, bands: BootstrapSettings? = nil) -> BetaCurve {
            let index = SweepIndex(part)
            let result = index.plan(grid).sweep()
            let band = bands.map { settings in
                betas.map { index.intervals(at: Thresholds(alpha: target.thresholds.alpha, beta: $0), settings: settings).accSalience }
            }
            return BetaCurve(label: label, betas: betas,
                             accSalience: betas.indices.map { result.metrics(alphaIndex: 0, betaIndex: $0).accSalience }, band: band)
        }
        var curves = [curve(selection.scopes.isEmpty ? "all clips" : selection.description, clips, bands: bands)]
        // One fold alone would only repeat the first curve.
        let folds = Set(clips.clips.compactMap(\.fold)).sorted()
        if folds.count > 1 {
            for fold in folds { curves.append(curve("fold \(fold)", clips.filter { $0.fold == fold })) }
        }
        return curves
    }

    /// The presence confusion table of `selection` at the target's thresholds (no intervals).
    public func confusionTable(_ target: AnalysisTarget, in selection: ClipSelection = .all) throws -> ConfusionTable<LabelSet> {
        let (clips, _) = try scoredClips(target, in: selection)
        return clips.confusionTables(at: target.thresholds).presence
    }
}

extension ExportFile {
    /// Writes `data` (a figure's bytes) into a temporary file beside `path`, then renames it over
    /// `path`: whole or not at all.
    public static func write(_ data: Data, to path: String) throws { try AtomicFile.write(data, to: URL(fileURLWithPath: path)) }
}
