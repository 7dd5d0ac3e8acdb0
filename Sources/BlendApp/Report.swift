import BlendCore
import BlendFigures
import BlendReport
import BlendStore
import Foundation

/// What `blendscope report` is asked for besides the source and thresholds.
public struct ReportRequest: Sendable {
    /// Replicates, level and seed of every interval and test in the report.
    public var settings: BootstrapSettings
    public var binning: DurationBinning
    /// When the report is made (the provenance's UTC time; tests fix it).
    public var generated: Date
    /// blendscope's version, for the provenance.
    public var version: String

    public init(settings: BootstrapSettings = .standard, binning: DurationBinning = .quantiles(4), generated: Date,
                version: String) {
        self.settings = settings
        self.binning = binning
        self.generated = generated
        self.version = version
    }
}

extension ProjectSession {
    /// The report for co-authors on the target's source at its thresholds: the project, every
    /// source at its thresholds, the α × β heatmap, folds and the honest Score, the actors' β
    /// with the heterogeneity test, confusion, a fusion's weights, durations and the
    /// provenance. A part the project cannot give (too few folds, no videos, no fusion) says
    /// why in its place.
    ///
    /// - Throws: the store's refusals, `FigureError` when cairo cannot draw.
    public func report(_ target: AnalysisTarget, request: ReportRequest) throws -> ReportDocument {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let sections = [
            try summarySection(target),
            try sourcesSection(request.settings),
            try heatmapSection(target),
            try foldsSection(target, request.settings),
            try actorsSection(target, request.settings),
            try confusionSection(target, request.settings),
            try fusionSection(target, request.settings),
            try durationsSection(target, request),
            provenanceSection(target, request),
        ]
        return ReportDocument(title: "blendscope report: \(name), \(target.source) at α \(ReportText.threshold(target.thresholds.alpha)), "
                                  + "β \(ReportText.threshold(target.thresholds.beta))",
                              sections: sections)
    }

    private func summarySection(_ target: AnalysisTarget) throws -> ReportSection {
        let overview = try overview()
        let train = overview.clips.filter { $0.split == .train }.count
        let test = overview.clips.count - train
        let folds = overview.folds.enumerated().map { "fold \($0) \($1)" }.joined(separator: ", ")
        let fusions = try self.fusions().map(\.spec.name)
        var facts = [
            ReportFact("project", path),
            ReportFact("labelled clips", "\(overview.clips.count): \(train) training (\(folds)), \(test) test"),
            ReportFact("unlabelled test clips", "\(overview.unlabelled)"),
            ReportFact("encoders", overview.encoders.map(\.encoder.name).joined(separator: ", ")),
            ReportFact("saved fusions", fusions.isEmpty ? "none" : fusions.joined(separator: ", ")),
            ReportFact("current source", overview.currentTarget.map { "\($0.source) at α \(ReportText.threshold($0.thresholds.alpha)), β \(ReportText.threshold($0.thresholds.beta)) (\($0.thresholdOrigin.label))" } ?? "none"),
            ReportFact("reported source", "\(target.source) at α \(ReportText.threshold(target.thresholds.alpha)), β \(ReportText.threshold(target.thresholds.beta))"),
        ]
        if let current = overview.current {
            facts.append(ReportFact("current source, all clips", "ACC_P \(ReportText.rate(current.accPresence)), ACC_S \(ReportText.rate(current.accSalience)), Score \(ReportText.rate(current.score))"))
        }
        return ReportSection(id: "summary", title: "Project", blocks: [.facts(facts)])
    }

    private func sourcesSection(_ settings: BootstrapSettings) throws -> ReportSection {
        let train = ClipSelection([.split(.train)])
        var rows: [SourceAtThresholds] = []
        for e in try encodersAtOwnBest() {
            let (clips, _) = try scoredClips(.encoder(e.encoder.name), in: train)
            let t = e.best.thresholds
            rows.append(SourceAtThresholds(source: SourceRef.encoder(e.encoder.name).description, thresholds: t, chosen: "best on train",
                                           metrics: clips.evaluate(t), intervals: SweepIndex(clips).intervals(at: t, settings: settings)))
        }
        var unreadable: [ReportBlock] = []
        for f in try fusions() {
            let clips: ScoredClips
            do {
                clips = try scoredClips(.fusion(f.spec.name), in: train).0
            } catch {
                // A fusion whose encoders are gone is reported as such, not the whole report refused.
                unreadable.append(.missing("fusion \(f.spec.name): \(error)"))
                continue
            }
            let t = f.spec.thresholds
            rows.append(SourceAtThresholds(source: SourceRef.fusion(f.spec.name).description, thresholds: t, chosen: "stored with the fusion",
                                           metrics: clips.evaluate(t), intervals: SweepIndex(clips).intervals(at: t, settings: settings)))
        }
        return ReportSection(id: "sources", title: "Sources", blocks: [
            .paragraph("Each encoder at its own best thresholds on the training split (the challenge's cross-validation setting), each saved fusion at the thresholds stored with it; scored on the training split."),
            .table(AnalysisTables.sources(rows, scope: "training split")),
        ] + unreadable)
    }

    private func heatmapSection(_ target: AnalysisTarget) throws -> ReportSection {
        let sweep = try heatmapSweep(target)
        let best = sweep.best
        return ReportSection(id: "heatmap", title: "α × β heatmap", blocks: [
            .figure(try Self.svg(Figures.heatmap(sweep, metric: .score, current: target.thresholds), kind: "heatmap",
                                 caption: "Score of \(target.source) over the official 20 × 20 grid, all labelled clips: best \(ReportText.rate(best.metrics.score)) at α \(ReportText.threshold(best.thresholds.alpha)), β \(ReportText.threshold(best.thresholds.beta)) (ringed); the reported thresholds crossed.")),
        ])
    }

    private func foldsSection(_ target: AnalysisTarget, _ settings: BootstrapSettings) throws -> ReportSection {
        var blocks: [ReportBlock] = []
        do {
            let outcome = try folds(target.source, test: true, settings: settings)
            let r = outcome.report, i = outcome.intervals.honestScore
            blocks.append(.paragraph("Honest Score (thresholds chosen on four folds, scored on the fifth, averaged): \(ReportText.rate(r.honestScore)) [\(ReportText.rate(i.lo)), \(ReportText.rate(i.hi))]; optimistic (chosen and scored on the same fold) \(ReportText.rate(r.optimisticScore))."))
            if let test = outcome.test { blocks.append(.paragraph("Fold heterogeneity: \(test.sentence).")) }
            blocks.append(.table(AnalysisTables.folds(r, source: target.source.description, intervals: outcome.intervals)))
        } catch let error as AppError {
            guard case .tooFewFolds = error else { throw error }
            blocks.append(.missing(error.description))
        }
        let curves = try betaCurves(target)
        blocks.append(.figure(try Self.svg(
            Figures.betaCurves(curves.map { CurveSeries(label: $0.label, xs: $0.betas, ys: $0.accSalience) }, alpha: target.thresholds.alpha),
            kind: "beta-curves", caption: "ACC_S over β at α \(ReportText.threshold(target.thresholds.alpha)) for all labelled clips and each training fold; each curve's β* marked.")))
        return ReportSection(id: "folds", title: "Folds and the honest Score", blocks: blocks)
    }

    private func actorsSection(_ target: AnalysisTarget, _ settings: BootstrapSettings) throws -> ReportSection {
        let outcome = try actors(target.source, alpha: target.thresholds.alpha, test: true, settings: settings)
        var blocks: [ReportBlock] = [
            .figure(try Self.svg(Self.actorBetaFigure(outcome, width: .column), kind: "actor-beta",
                                 caption: "Each actor's β* at α \(ReportText.threshold(outcome.alpha)) with its bootstrap interval (the actor's clips resampled), against the global β* \(ReportText.threshold(outcome.report.bestBeta)); sorted.")),
        ]
        blocks.append(outcome.test.map { ReportBlock.paragraph("Heterogeneity test: \($0.sentence).") }
            ?? .missing("Heterogeneity test: too few actors with enough blends to test."))
        var intervals = [String: ActorUncertainty]()
        for row in outcome.rows { intervals[row.actor.actor] = row.uncertainty }
        blocks.append(.table(AnalysisTables.actors(outcome.report, clips: outcome.scored.clips, source: target.source.description,
                                                   intervals: intervals, settings: settings)))
        return ReportSection(id: "actors", title: "Actors' β", blocks: blocks)
    }

    private func confusionSection(_ target: AnalysisTarget, _ settings: BootstrapSettings) throws -> ReportSection {
        let (clips, _) = try scoredClips(target.source, in: .all)
        let t = target.thresholds
        let emotions = try table(.emotions, source: target.source, clips: clips, selection: .all, thresholds: t, settings: settings)
        return ReportSection(id: "confusion", title: "Confusion", blocks: [
            .figure(try Self.svg(Figures.confusion(clips.confusionTables(at: t).presence, rates: false), kind: "confusion",
                                 caption: "Presence confusion of \(target.source), all labelled clips at α \(ReportText.threshold(t.alpha)), β \(ReportText.threshold(t.beta)): true label set down, predicted across, coloured by row rate.")),
            .table(emotions),
        ])
    }

    private func fusionSection(_ target: AnalysisTarget, _ settings: BootstrapSettings) throws -> ReportSection {
        let chosen: SourceRef?
        if case .fusion = target.source { chosen = target.source } else { chosen = try fusions().first.map { SourceRef.fusion($0.spec.name) } }
        guard let chosen else {
            return ReportSection(id: "fusion", title: "Fusion weights", blocks: [
                .missing("No fusion is saved in this project: make one with `blendscope fuse PROJECT --as NAME`."),
            ])
        }
        let data = try fusionWeights(of: chosen, settings: settings)
        var facts = [ReportFact("fusion", data.fusion), ReportFact("method", data.method),
                     ReportFact("thresholds", "α \(ReportText.threshold(data.thresholds.alpha)), β \(ReportText.threshold(data.thresholds.beta)) (stored with it)")]
        if let honest = data.honestScore {
            // With its interval over the nested decisions, as `fuse` prints it, or why it has none.
            let text = data.honest?.intervals.map { i in
                ReportText.rate(honest, i.score) + " (weights and α/β chosen on the other folds; \(i.units) actors resampled)"
            } ?? ReportText.rate(honest) + " — no interval: \(data.honest?.unavailable ?? "not computed")"
            facts.append(ReportFact("honest Score", text))
        }
        if let inSample = data.inSampleScore { facts.append(ReportFact("in-sample Score", ReportText.rate(inSample))) }
        return ReportSection(id: "fusion", title: "Fusion weights", blocks: [
            .facts(facts),
            .figure(try Self.svg(Figures.fusionWeights(data.bars, fusion: data.fusion, note: data.note), kind: "fusion-weights",
                                 caption: "Weight of each encoder in fusion \(data.fusion), with each training fold's weight where the fusion kept them.")),
        ])
    }

    private func durationsSection(_ target: AnalysisTarget, _ request: ReportRequest) throws -> ReportSection {
        let outcome: DurationsOutcome
        do {
            outcome = try durations(target, binning: request.binning, settings: request.settings)
        } catch let error as AppError {
            guard case .noDurations = error else { throw error }
            return ReportSection(id: "durations", title: "Durations", blocks: [.missing(error.description)])
        }
        let report = outcome.report
        return ReportSection(id: "durations", title: "Durations", blocks: [
            .paragraph(report.finding),
            .figure(try Self.svg(Self.durationsFigure(outcome, width: .column), kind: "durations",
                                 caption: "ACC_S at α \(ReportText.threshold(report.thresholds.alpha)), β \(ReportText.threshold(report.thresholds.beta)) with its interval (actors resampled) and β* by duration bin; \(report.withDuration) clips with a video.")),
            .table(AnalysisTables.durations(report, source: target.source.description, scope: "all", intervals: outcome.binIntervals)),
        ])
    }

    private func provenanceSection(_ target: AnalysisTarget, _ request: ReportRequest) -> ReportSection {
        let s = request.settings
        let source: String
        switch target.sourceOrigin {
        case .named: source = "named (--encoder or --fusion)"
        case .current: source = "the project's current source"
        case .firstEncoder: source = "the first encoder (the project has no current source)"
        }
        let thresholds: String
        switch target.thresholdOrigin {
        case .given: thresholds = "given (--alpha and --beta)"
        case .stored: thresholds = "the ones the source keeps (blendscope use, or a fusion's own)"
        case .bestOnTrain: thresholds = "the source's own best on the training split (official grid)"
        case .mixed: thresholds = "one given, the other the source's own"
        case .placeholder: thresholds = "a default: the source has no training clips to choose them on"
        }
        let time = ISO8601DateFormatter()
        time.timeZone = TimeZone(identifier: "UTC")
        time.formatOptions = [.withInternetDateTime]
        return ReportSection(id: "provenance", title: "Provenance", blocks: [.facts([
            ReportFact("project", path),
            ReportFact("source", "\(target.source): \(source)"),
            ReportFact("thresholds", "α \(ReportText.threshold(target.thresholds.alpha)), β \(ReportText.threshold(target.thresholds.beta)): \(thresholds)"),
            ReportFact("scope", "all labelled clips of the source; sources table on the training split; folds on the training folds"),
            ReportFact("grid", "official 20 × 20 (α and β in linspace(0.05, 0.95, 20))"),
            ReportFact("intervals", "\(ReportText.percent(s.level)) actor bootstrap, \(s.replicates) replicates, seed \(s.seed)"),
            ReportFact("blendscope", request.version),
            ReportFact("generated (UTC)", time.string(from: request.generated)),
        ])])
    }

    /// `figure` drawn as SVG, its ids prefixed with `kind` so that the page's figures stay apart.
    static func svg(_ figure: Figure, kind: String, caption: String) throws -> ReportFigure {
        ReportFigure(kind: kind, svg: SVGIdentifiers.inline(try FigureRenderer.render(figure, as: .svg), prefix: kind), caption: caption)
    }
}
