import BlendCore
import BlendFigures
import Foundation

/// The figure kinds `blendscope figure` and the report draw.
public enum FigureKind: String, CaseIterable, Sendable {
    case heatmap
    case betaCurves = "beta-curves"
    case confusion
    case actorBeta = "actor-beta"
    case fusionWeights = "fusion-weights"
    case durations
}

/// One figure to draw, with each kind's own options.
public struct FigureRequest: Sendable {
    public var kind: FigureKind
    public var width: FigureWidth
    /// heatmap: what the cells are coloured by.
    public var metric: HeatmapMetric
    /// confusion: row rates instead of counts.
    public var rates: Bool
    /// beta-curves: the first curve's bootstrap band.
    public var bands: Bool
    /// durations: how clips are binned.
    public var binning: DurationBinning
    /// Replicates, level and seed of every interval drawn.
    public var settings: BootstrapSettings
    /// fusion-weights: weights on show that are not saved (`FusionWeightsData.unsaved`, the
    /// Fusion screen's edit or proposal), drawn instead of the saved fusion's; nil draws those.
    public var unsavedFusion: FusionWeightsData?

    public init(_ kind: FigureKind, width: FigureWidth = .column, metric: HeatmapMetric = .score, rates: Bool = false,
                bands: Bool = false, binning: DurationBinning = .quantiles(4), settings: BootstrapSettings = .standard) {
        self.kind = kind
        self.width = width
        self.metric = metric
        self.rates = rates
        self.bands = bands
        self.binning = binning
        self.settings = settings
    }
}

extension ProjectSession {
    /// The figure `request` asks for, of the target's source at its thresholds over `selection`
    /// (actor-beta and fusion-weights cover the whole source).
    ///
    /// - Throws: the use case's refusals; `AppError.notAFusion` for fusion-weights of an encoder.
    public func figure(_ request: FigureRequest, target: AnalysisTarget, in selection: ClipSelection = .all) throws -> Figure {
        let width = request.width
        switch request.kind {
        case .heatmap:
            let sweep = try heatmapSweep(target, in: selection)
            return Figures.heatmap(sweep, metric: request.metric, current: target.thresholds, width: width)
        case .betaCurves:
            let curves = try betaCurves(target, in: selection, bands: request.bands ? request.settings : nil)
            return Figures.betaCurves(curves.map { CurveSeries(label: $0.label, xs: $0.betas, ys: $0.accSalience,
                                                               band: $0.band?.map { $0.lo...$0.hi }) },
                                      alpha: target.thresholds.alpha, width: width)
        case .confusion:
            return Figures.confusion(try confusionTable(target, in: selection), rates: request.rates, width: width)
        case .actorBeta:
            return Self.actorBetaFigure(try actors(target.source, alpha: target.thresholds.alpha, settings: request.settings),
                                        width: width)
        case .fusionWeights:
            let data = try request.unsavedFusion ?? fusionWeights(of: target.source)
            return Figures.fusionWeights(data.bars, fusion: data.fusion, note: data.note, unsaved: data.unsaved, width: width)
        case .durations:
            let outcome = try durations(target, in: selection, binning: request.binning, settings: request.settings)
            return Self.durationsFigure(outcome, width: width)
        }
    }

    /// The forest plot of an `actors` outcome (actors without β* left out and counted).
    static func actorBetaFigure(_ outcome: ActorsOutcome, width: FigureWidth) -> Figure {
        let points = outcome.rows.compactMap { row -> ActorBetaPoint? in
            guard let beta = row.actor.bestBeta else { return nil }
            return ActorBetaPoint(actor: row.actor.actor, beta: beta, interval: row.uncertainty.betaInterval.map { $0.lo...$0.hi })
        }
        let betas = outcome.report.betas
        return Figures.actorBeta(points, global: outcome.report.bestBeta, betas: (betas.first ?? 0)...(betas.last ?? 1),
                                 omitted: outcome.rows.count - points.count, width: width)
    }

    /// ACC_S and β* by bin of a `durations` outcome, with the bins' intervals.
    static func durationsFigure(_ outcome: DurationsOutcome, width: FigureWidth) -> Figure {
        let report = outcome.report
        let bins = report.bins.enumerated().map { i, b in
            DurationBinPoint(range: b.range, clips: b.count, blends: b.blends, accSalience: b.metrics.accSalience,
                             interval: outcome.binIntervals[i].map { $0.accSalience.lo...$0.accSalience.hi }, bestBeta: b.bestBeta)
        }
        return Figures.durations(bins, thresholds: report.thresholds, overall: report.metrics.accSalience,
                                 globalBeta: report.bestBeta,
                                 betas: (report.betas.first ?? 0)...(report.betas.last ?? 1), width: width)
    }
}
