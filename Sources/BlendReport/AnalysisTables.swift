import BlendCore

/// The analyses as exportable tables: what `blendscope export` writes in any format.
public enum AnalysisTables {
    /// `0.1000`: thresholds in titles, four decimals as the CLI prints them.
    static func threshold(_ x: Double) -> String { NumberText.threshold(x) }

    static func at(_ t: Thresholds) -> String { "α \(threshold(t.alpha)), β \(threshold(t.beta))" }

    /// `95% intervals from 2000 actor-bootstrap replicates, seed 1`.
    public static func intervalNote(_ s: BootstrapSettings) -> String {
        "\(ReportText.percent(s.level)) intervals from \(s.replicates) bootstrap replicates, seed \(s.seed)"
    }

    private static func confusion<C>(_ table: ConfusionTable<C>, name: String, title: String, rowKey: String,
                                     label: (C) -> String, rates: Bool) -> ExportTable {
        let kind: ExportColumn.Kind = rates ? .number(places: 2) : .count
        let columns = [ExportColumn(rowKey, nil, .text)]
            + table.columns.map { ExportColumn(label($0), nil, kind) }
            + [ExportColumn("total", nil, .count)]
        let rows = table.rows.indices.map { r -> [ExportValue] in
            [.text(label(table.rows[r]))]
                + table.columns.indices.map { c in
                    rates ? .number(table.rate(row: r, column: c)) : .integer(table.count(row: r, column: c))
                }
                + [.integer(table.rowTotal(r))]
        }
        return ExportTable(name: name, title: title + (rates ? ", row-normalised rates" : ", counts"),
                           columns: columns, rows: rows)
    }

    /// True label set × predicted label set over the 16 sets, counts or row rates.
    public static func presence(_ t: ConfusionTables, source: String, scope: String, rates: Bool) -> ExportTable {
        confusion(t.presence, name: "confusion",
                  title: "Presence confusion of \(source) (\(scope), \(at(t.thresholds))): true × predicted label set",
                  rowKey: "true", label: \.description, rates: rates)
    }

    /// True × predicted salience split, over blends whose pair was found.
    public static func salience(_ t: ConfusionTables, source: String, scope: String, rates: Bool) -> ExportTable {
        confusion(t.salience, name: "salience",
                  title: "Salience confusion of \(source) (\(scope), \(at(t.thresholds))): true × predicted split of blends whose pair was found",
                  rowKey: "true", label: \.rawValue, rates: rates)
    }

    /// Presence precision, recall and F1 per emotion, with their actor-bootstrap intervals
    /// when given (one per emotion, in `t.perEmotion`'s order).
    public static func emotions(_ t: ConfusionTables, source: String, scope: String,
                                intervals: [EmotionInterval]? = nil) -> ExportTable {
        let columns = [
            ExportColumn("emotion", nil, .text), ExportColumn("true_positives", "TP", .count),
            ExportColumn("false_positives", "FP", .count), ExportColumn("false_negatives", "FN", .count),
            ExportColumn("precision", "P", .rate), ExportColumn("recall", "R", .rate),
            ExportColumn("f1", "F1", .rate),
        ] + (intervals == nil ? [] : ExportColumn.bounds(of: "precision", "P", .rate)
             + ExportColumn.bounds(of: "recall", "R", .rate) + ExportColumn.bounds(of: "f1", "F1", .rate))
        let rows = t.perEmotion.enumerated().map { i, s -> [ExportValue] in
            let i = intervals.map { $0.indices.contains(i) ? $0[i] : nil }
            return [.text(s.emotion.code), .integer(s.truePositives), .integer(s.falsePositives), .integer(s.falseNegatives),
                    .number(s.precision), .number(s.recall), .number(s.f1)]
                + (i.map { i in ExportValue.bounds(i?.precision) + ExportValue.bounds(i?.recall) + ExportValue.bounds(i?.f1) } ?? [])
        }
        return ExportTable(name: "emotions", title: "Presence per emotion of \(source) (\(scope), \(at(t.thresholds)))",
                           columns: columns, rows: rows)
    }

    /// One row per fold, then their unweighted means (optimistic, honest and baseline Score).
    public static func folds(_ r: FoldReport, source: String, intervals: FoldIntervals? = nil) -> ExportTable {
        let rate = ExportColumn.Kind.rate, th = ExportColumn.Kind.threshold
        let columns = [
            ExportColumn("fold", nil, .text), ExportColumn("clips", nil, .count),
            ExportColumn("alpha", "α*", th), ExportColumn("beta", "β*", th),
            ExportColumn("acc_presence", "ACC_P", rate), ExportColumn("acc_salience", "ACC_S", rate),
            ExportColumn("score", "Score", rate),
            ExportColumn("chosen_alpha", "α others", th), ExportColumn("chosen_beta", "β others", th),
            ExportColumn("honest_acc_presence", "honest ACC_P", rate),
            ExportColumn("honest_acc_salience", "honest ACC_S", rate),
            ExportColumn("honest_score", "honest Score", rate),
            ExportColumn("baseline_score", "baseline Score", rate),
        ] + (intervals == nil ? [] : ExportColumn.bounds(of: "acc_presence", "ACC_P", rate)
             + ExportColumn.bounds(of: "acc_salience", "ACC_S", rate) + ExportColumn.bounds(of: "score", "Score", rate)
             + ExportColumn.bounds(of: "honest_score", "honest Score", rate) + [ExportColumn("actors", nil, .count)])
        // Interval bounds go last, so the point columns keep their places for scripts.
        func bounds(_ i: Int?) -> [ExportValue] {
            guard let intervals else { return [] }
            guard let i else {
                return [.missing, .missing, .missing, .missing, .missing, .missing] + ExportValue.bounds(intervals.honestScore)
                    + [.missing]
            }
            let own = intervals.own[i]
            // The actors each replicate resamples: the fold's own.
            return ExportValue.bounds(own.accPresence) + ExportValue.bounds(own.accSalience) + ExportValue.bounds(own.score)
                + ExportValue.bounds(intervals.honest[i].score) + [.integer(own.units)]
        }
        var rows = r.folds.enumerated().map { i, f -> [ExportValue] in
            [.text(String(f.fold)), .integer(f.clips),
             .number(f.own.thresholds.alpha), .number(f.own.thresholds.beta),
             .number(f.own.metrics.accPresence), .number(f.own.metrics.accSalience), .number(f.own.metrics.score),
             .number(f.chosenOnOthers.thresholds.alpha), .number(f.chosenOnOthers.thresholds.beta),
             .number(f.honest.accPresence), .number(f.honest.accSalience), .number(f.honest.score),
             .number(f.baseline.score)] + bounds(i)
        }
        func mean(_ values: [Double]) -> ExportValue { .number(values.reduce(0, +) / Double(values.count)) }
        rows.append([
            .text("mean"), .integer(r.folds.reduce(0) { $0 + $1.clips }), .missing, .missing,
            mean(r.folds.map(\.own.metrics.accPresence)), mean(r.folds.map(\.own.metrics.accSalience)),
            .number(r.optimisticScore), .missing, .missing,
            mean(r.folds.map(\.honest.accPresence)), mean(r.folds.map(\.honest.accSalience)),
            .number(r.honestScore), .number(r.baselineScore),
        ] + bounds(nil))
        let title = "Per-fold thresholds of \(source): own optimum, chosen on the other folds (honest) and the "
            + "best fold's (fold \(r.baselineFold), \(at(r.baselineThresholds))) as the baseline"
            + (intervals.map { " · \(intervalNote($0.settings)), each fold's actors resampled, thresholds held fixed" } ?? "")
        return ExportTable(name: "folds", title: title, columns: columns, rows: rows)
    }

    /// The fold of an actor's clips (`test` for test actors), as tables show it.
    public static func fold(of actor: ActorBeta, in clips: [ClipInfo]) -> String {
        guard let first = actor.clips.first else { return "" }
        return clips[first].fold.map(String.init) ?? clips[first].split.rawValue
    }

    /// Actors ranked by how far their best β lies from the global one.
    public static func actors(_ r: ActorBetaReport, clips: [ClipInfo], source: String,
                              intervals: [String: ActorUncertainty]? = nil, settings: BootstrapSettings? = nil) -> ExportTable {
        let rate = ExportColumn.Kind.rate, th = ExportColumn.Kind.threshold
        let columns = [
            ExportColumn("actor", nil, .text), ExportColumn("fold", nil, .text), ExportColumn("clips", nil, .count),
            ExportColumn("blends", nil, .count), ExportColumn("best_beta", "β*", th),
            ExportColumn("beta_distance", "|Δβ|", th),
            ExportColumn("acc_salience_at_best", "ACC_S at β*", rate),
            ExportColumn("acc_salience_at_global", "ACC_S at global β", rate),
            // A margin |p1 − p2| is a difference of probabilities: three places, as the CLI prints it.
            ExportColumn("median_margin_even", "median margin 50/50", .rate),
            ExportColumn("median_margin_uneven", "median margin 70/30", .rate),
            ExportColumn("flips", nil, .count), ExportColumn("explanation", nil, .text),
        ] + (intervals == nil ? [] : ExportColumn.bounds(of: "best_beta", "β*", th)
             + ExportColumn.bounds(of: "acc_salience_at_best", "ACC_S at β*", rate)
             + ExportColumn.bounds(of: "acc_salience_at_global", "ACC_S at global β", rate))
        let rows = r.actors.map { a -> [ExportValue] in
            let u = intervals?[a.actor]
            let bounds = intervals == nil ? [] : ExportValue.bounds(u?.betaInterval) + ExportValue.bounds(u?.accSalienceAtBest)
                + ExportValue.bounds(u?.accSalienceAtGlobal)
            let atBest: ExportValue = a.bestBetaIndex.map { .number(a.curve[$0].accSalience) } ?? .missing
            return [
                .text(a.actor), .text(fold(of: a, in: clips)), .integer(a.clips.count), .integer(a.blends),
                a.bestBeta.map(ExportValue.number) ?? .missing, a.distance.map(ExportValue.number) ?? .missing,
                atBest, .number(a.curve[r.bestBetaIndex].accSalience),
                a.evenMargins.median.map(ExportValue.number) ?? .missing,
                a.unevenMargins.median.map(ExportValue.number) ?? .missing,
                .integer(a.flips.count), .text(a.explanation + (u.map { " " + $0.sentence } ?? "")),
            ] + bounds
        }
        return ExportTable(name: "actors",
                           title: "Best β per actor of \(source) at α \(threshold(r.alpha)) (global best β \(threshold(r.bestBeta)))"
                               + (settings.map { " · \(intervalNote($0)), each actor's own clips resampled" } ?? ""),
                           columns: columns, rows: rows)
    }

    /// The clips whose labels the evidence disputes most, best first (`top` of them, or all);
    /// with `predicted` (each clip's predicted label set, by clip index) and `tags` (by clip
    /// name), columns `predicted` and `tags` after the others.
    public static func review(_ r: LabelReview, clips: [ClipInfo], source: String, top: Int? = nil,
                              predicted: ((Int) -> String)? = nil, tags: [String: [String]]? = nil) -> ExportTable {
        let p = ExportColumn.Kind.rate
        let columns = [
            ExportColumn("rank", nil, .count), ExportColumn("clip", nil, .clip), ExportColumn("label", nil, .text),
            ExportColumn("weakest_labelled", "weakest", .text), ExportColumn("self_confidence", "self-conf.", p),
            ExportColumn("class_threshold", "class thr.", p), ExportColumn("alternative", nil, .text),
            ExportColumn("alternative_probability", "p alt.", p), ExportColumn("margin", nil, p),
            ExportColumn("agreeing", nil, .count), ExportColumn("voters", nil, .count),
            ExportColumn("score", nil, p),
        ] + (predicted == nil ? [] : [ExportColumn("predicted", nil, .text)])
            + (tags == nil ? [] : [ExportColumn("tags", nil, .text)])
        let ranked = r.top(top ?? r.entries.count)
        let rows = ranked.enumerated().map { rank, e -> [ExportValue] in
            [.integer(rank + 1), .text(clips[e.clip].name), .text(e.label.short), .text(e.weakestLabelled.code),
             .number(e.selfConfidence), .number(e.classThreshold), .text(e.alternative.code),
             .number(e.alternativeProbability), .number(e.margin), .integer(e.agreeing), .integer(e.voters),
             .number(e.score)]
                + (predicted.map { [.text($0(e.clip))] } ?? [])
                + (tags.map { [.text(($0[clips[e.clip].name] ?? []).joined(separator: " "))] } ?? [])
        }
        return ExportTable(name: "review", title: "Label review of \(source): clips whose labels the evidence disputes",
                           columns: columns, rows: rows)
    }
}
