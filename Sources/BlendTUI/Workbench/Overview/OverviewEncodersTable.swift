import BlendCore
import BlendReport

/// The Overview's encoders table: the rows of the encoders-at-own-best report (`open`'s,
/// `AnalysisTables.encodersAtOwnBest`) with each encoder's intervals where computed, ranked by
/// Score, in the columns that fit the pane. Columns come in by importance — Score, its
/// interval, the actors it rests on, the coverage of a partial encoder, ACC_P and ACC_S, the
/// fusion weight, the published Score, their intervals, α*/β*, modality, the published ACC_P
/// and ACC_S — and the names take the rest, cut in the middle so two never read the same.
struct OverviewEncodersTable {
    let ranked: [EncoderBest]
    let report: ExportTable
    let columns: [TableColumn]
    let cells: [[Span]]

    /// What a column shows.
    enum Part: Hashable {
        case name, coverage, modality, alpha, beta, accP, accPCI, accS, accSCI, score, scoreCI, actors, weight,
             paper, paperP, paperS
    }

    init(_ rows: [EncoderBest], project: ProjectSnapshot, intervals: OverviewState, width: Int) {
        ranked = rows.sorted { $0.best.metrics.score > $1.best.metrics.score }
        report = AnalysisTables.encodersAtOwnBest(ranked.map { $0.reportRow(intervals: intervals.intervals($0.intervalKey)) })
        let compact = width < 84
        let ci = compact ? 9 : 12
        let partial = ranked.contains { $0.coverage != nil }
        let coverageWidth = max(5, ranked.map { Self.coverage($0).count }.max() ?? 0)
        let weights = project.fusionWeights
        let actorsWidth = compact ? 3 : 6
        var widths: [Part: Int] = [.score: 5, .scoreCI: ci, .actors: actorsWidth, .accP: 5, .accS: 5, .paper: 5, .accPCI: ci,
                                   .accSCI: ci, .alpha: 4, .beta: 4, .modality: 3, .paperP: 7, .paperS: 9]
        if partial { widths[.coverage] = coverageWidth }
        if !weights.isEmpty { widths[.weight] = 6 }
        let groups: [[Part]] = [[.score], [.scoreCI], [.coverage], [.actors], [.accP, .accS], [.weight], [.paper],
                                [.accPCI, .accSCI], [.alpha, .beta], [.modality], [.paperP, .paperS]]
        let longest = ranked.map { DisplayWidth.of($0.name) }.max() ?? 7
        let nameNeed = max(7, min(longest, compact ? 10 : 12))
        var chosen = Set<Part>(), used = nameNeed
        for group in groups where group.allSatisfy({ widths[$0] != nil }) {
            let extra = group.reduce(0) { $0 + (widths[$1] ?? 0) + 1 }
            guard used + extra <= width else { continue }
            chosen.formUnion(group)
            used += extra
        }
        // The published ACC_P and ACC_S sit beside the published Score, renamed for it (their
        // budget holds the two cells it widens by).
        let full = chosen.contains(.paperP)
        let order: [Part] = [.name, .coverage, .modality, .alpha, .beta, .accP, .accPCI, .accS, .accSCI, .score, .scoreCI,
                             .actors, .weight, .paperP, .paperS, .paper]
        let shown = order.filter { $0 == .name || chosen.contains($0) }
        let nameWidth = max(1, width - used + nameNeed)
        columns = shown.map { part in
            switch part {
            case .name: TableColumn("encoder", width: .fill(1))
            case .coverage: TableColumn("clips", width: .fixed(coverageWidth), alignment: .right)
            case .modality: TableColumn("mod", width: .fixed(3))
            case .alpha: TableColumn("α*", width: .fixed(4), alignment: .right)
            case .beta: TableColumn("β*", width: .fixed(4), alignment: .right)
            case .accP: TableColumn("ACC_P", width: .fixed(5), alignment: .right)
            case .accS: TableColumn("ACC_S", width: .fixed(5), alignment: .right)
            case .score: TableColumn("Score", width: .fixed(5), alignment: .right)
            case .accPCI, .accSCI, .scoreCI: TableColumn(compact ? "[lo,hi]" : "[lo, hi]", width: .fixed(ci), alignment: .center)
            case .actors: TableColumn(compact ? "n" : "actors", width: .fixed(actorsWidth), alignment: .right)
            case .weight: TableColumn("weight", width: .fixed(6), alignment: .right)
            case .paper: TableColumn(full ? "p.Score" : "paper", width: .fixed(full ? 7 : 5), alignment: .right)
            case .paperP: TableColumn("p.ACC_P", width: .fixed(7), alignment: .right)
            case .paperS: TableColumn("p.ACC_S", width: .fixed(7), alignment: .right)
            }
        }
        let names = DistinctNames.fit(ranked.map(\.name), width: nameWidth)
        let table = report
        let position = Dictionary(table.columns.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        cells = ranked.enumerated().map { r, e in
            let row = table.rows[r]
            func number(_ key: String, digits: Int = 3) -> String {
                guard let i = position[key], case .number(let x) = row[i] else { return "–" }
                return Format.fraction(x, digits: digits)
            }
            func interval(_ key: String) -> Span {
                guard let lo = position[key + "_lo"], let hi = position[key + "_hi"],
                      case .number(let l) = row[lo], case .number(let h) = row[hi] else {
                    return Span(intervals.placeholder(e.intervalKey), Style(fg: .muted))
                }
                let d = compact ? 2 : 3, gap = compact ? "," : ", "
                return Span("[\(Format.fraction(l, digits: d))\(gap)\(Format.fraction(h, digits: d))]", Style(fg: .muted))
            }
            // The actors the intervals resampled (blank until they come).
            func actors() -> Span {
                guard let i = position["units"], case .integer(let n) = row[i] else { return Span("", Style(fg: .muted)) }
                return Span(String(n), Style(fg: .muted))
            }
            let current = project.source == .encoder(e.name)
            let paper = PaperEncoder.matching(e.name)
            func published(_ value: Double?) -> Span { Span(value.map { Format.fraction($0) } ?? "–", Style(fg: .muted)) }
            return shown.map { part in
                switch part {
                case .name: Span(names[r], current ? Style(fg: .accent, .bold) : Style(fg: .text))
                case .coverage: Span(Self.coverage(e), Style(fg: e.coverage == nil ? .muted : .warning))
                case .modality: Span(e.modality)
                case .alpha: Span(number("alpha", digits: 2))
                case .beta: Span(number("beta", digits: 2))
                case .accP: Span(number("acc_presence"))
                case .accS: Span(number("acc_salience"))
                case .score: Span(number("score"), Style(fg: .accent))
                case .accPCI: interval("acc_presence")
                case .accSCI: interval("acc_salience")
                case .scoreCI: interval("score")
                case .actors: actors()
                case .weight: Span(weights[e.name].map { Format.fraction($0) } ?? "–")
                case .paper: published(paper?.score)
                case .paperP: published(paper?.accPresence)
                case .paperS: published(paper?.accSalience)
                }
            }
        }
    }

    /// `99/3,050` for a partial encoder (the column is headed `clips`), `all` for a full one.
    static func coverage(_ e: EncoderBest) -> String {
        e.coverage == nil ? "all" : "\(Format.count(e.clips))/\(Format.count(e.labelledClips))"
    }

    /// The table with its rows, in `area`.
    func render(into canvas: inout Canvas, area: Rect) {
        Table(columns: columns, rowCount: cells.count, scroll: TableScroll(selected: nil), focused: false) { cells[$0] }
            .render(into: &canvas, area: area)
    }
}
