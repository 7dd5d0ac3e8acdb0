import BlendCore
@testable import BlendStore
import Foundation
import XCTest
@testable import BlendReport
@testable import BlendTUI

/// One number, the same digits everywhere: for every report the exports write, each rounded
/// cell reads the same in the CLI's text table (`TextTable`, whose `ReportText` the CLI's
/// `Output.rate` is), Markdown, LaTeX and the TUI's `Format`, and CSV and JSON carry the
/// number itself, whose rounding gives those digits again. Only the look may differ: the
/// leading zero (`0.271`, `.271`) and the minus sign (`-`, `−`).
final class ReportDigitsTests: XCTestCase {
    func testEveryReportShowsTheSameDigitsInEveryFormat() throws {
        let reports = try Self.reports()
        XCTAssertEqual(reports.map(\.name), ["folds", "actors", "confusion", "confusion", "salience", "emotions",
                                             "emotion-folds", "kinds", "durations", "compare", "review"])
        for report in reports {
            let checked = try check(report)
            // The presence counts hold whole numbers only; every other report has figures.
            let rounded = report.columns.contains { $0.isNumeric && $0.kind != .count }
            XCTAssertEqual(checked > 0, rounded, "\(report.name): \(checked) rounded cells checked")
        }
    }

    /// The digits of a rounded figure whatever its look: `0.271`, `.271` → `.271`; `−.012`,
    /// `-0.012` → `-.012`.
    private func digits(_ text: String) -> String {
        var s = text.replacingOccurrences(of: "−", with: "-")
        if s.hasPrefix("0.") { s.removeFirst() }
        if s.hasPrefix("-0.") { s.remove(at: s.index(after: s.startIndex)) }
        return s
    }

    /// A merged cell `pt [lo, hi]` split into its three figures, or the one figure.
    private func figures(_ cell: String) -> [String] {
        guard let open = cell.range(of: " [") else { return [cell] }
        let inner = cell[open.upperBound...].dropLast()
        return [String(cell[..<open.lowerBound])] + inner.components(separatedBy: ", ")
    }

    /// Checks every finite number of `table` across the formats; returns how many cells it checked.
    private func check(_ table: ExportTable) throws -> Int {
        let name = table.name
        let csv = try CSVReader.records(Array(ExportFormat.csv.render(table).utf8), file: "\(name).csv").dropFirst().map(\.fields)
        let json = try JSONDecoder().decode([[String: JSONNumber]].self, from: Data(ExportFormat.json.render(table).utf8))
        let merged = table.mergingIntervals()
        let markdown = ExportFormat.md.render(table).split(separator: "\n").dropFirst(2).map { line in
            line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
        }
        // The cells as LaTeX writes them, whichever column groups or pages the layout makes.
        let latex = LaTeXExport.cells(table)
        let text = TextTable.cells(table).rows
        XCTAssertEqual(csv.count, table.rows.count, name)
        XCTAssertEqual(json.count, table.rows.count, name)
        XCTAssertEqual(markdown.count, table.rows.count, name)
        XCTAssertEqual(latex.count, table.rows.count, name)
        XCTAssertEqual(text.count, table.rows.count, name)
        let position = Dictionary(table.columns.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        var checked = 0
        for (r, row) in table.rows.enumerated() {
            // CSV and JSON: the number itself, to the bit.
            for (c, column) in table.columns.enumerated() {
                guard case .number(let x) = row[c], x.isFinite else { continue }
                XCTAssertEqual(Double(csv[r][c])?.bitPattern, x.bitPattern, "\(name) CSV row \(r) \(column.key)")
                XCTAssertEqual(json[r][column.key]?.value?.bitPattern, x.bitPattern, "\(name) JSON row \(r) \(column.key)")
            }
            // The formats for people: each figure of a merged column, against the one formatter.
            for (m, column) in merged.columns.enumerated() where column.isNumeric {
                guard let c = position[column.key], case .number(let x) = row[c], x.isFinite else { continue }
                let places = column.places
                var expected = [digits(NumberText.fixed(x, places: places))]
                if let lo = position[column.key + "_lo"], let hi = position[column.key + "_hi"],
                   case .number(let l) = row[lo], case .number(let h) = row[hi] {
                    expected += [digits(NumberText.fixed(l, places: places)), digits(NumberText.fixed(h, places: places))]
                }
                let place = "\(name) row \(r) \(column.key) = \(x)"
                XCTAssertEqual(figures(markdown[r][m]).map(digits), expected, "Markdown, " + place)
                XCTAssertEqual(figures(latex[r][m]).map(digits), expected, "LaTeX, " + place)
                XCTAssertEqual(figures(text[r][m]).map(digits), expected, "text, " + place)
                // The CLI's figures and the TUI's, one number at a time.
                XCTAssertEqual(digits(ReportText.short(x, places)), expected[0], "CLI, " + place)
                XCTAssertEqual(digits(Format.decimal(x, digits: places, leadingZero: false)), expected[0], "TUI, " + place)
                if places == 3 {
                    XCTAssertEqual(digits(ReportText.rate(x)), expected[0], "CLI rate, " + place)
                    XCTAssertEqual(digits(Format.fraction(x)), expected[0], "TUI fraction, " + place)
                }
                checked += 1
            }
        }
        return checked
    }

    /// A JSON number or null.
    private struct JSONNumber: Decodable {
        let value: Double?
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            value = c.decodeNil() ? nil : (try? c.decode(Double.self))
        }
    }

    // MARK: Reports from a made-up project

    /// A seeded linear congruential generator: the same project on every run.
    private struct Generator {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(UInt64(1) << 53)
        }
    }

    /// 60 training clips of 12 actors in four folds, singles and blends, with probabilities
    /// that favour the true emotions (noisily, so every metric lands between 0 and 1).
    private static func project(seed: UInt64) -> ScoredClips {
        var g = Generator(state: seed)
        var infos = [ClipInfo](), probabilities = [Double]()
        for n in 0..<60 {
            // b is 1 to 3 places after a among the five blendable emotions, never a itself.
            let a = Emotion.blendable[n % 5], b = Emotion.blendable[(n % 5 + 1 + n / 20) % 5]
            let label: Label = switch n % 4 {
            case 0: .single(n % 8 == 0 ? .neu : a)
            case 1: .blend(a, 50, b)
            case 2: .blend(a, 70, b)
            default: .blend(a, 30, b)
            }
            let actor = n % 12
            infos.append(ClipInfo(name: "A\(actor)_c\(n)", actor: "A\(actor)", split: .train, fold: actor % 4, label: label))
            var p = (0..<Emotion.count).map { _ in g.next() }
            p[label.first.rawValue] += 1.2 * g.next()
            if let second = label.second { p[second.rawValue] += g.next() }
            let sum = p.reduce(0, +)
            probabilities += p.map { $0 / sum }
        }
        return ScoredClips(clips: infos, probabilities: probabilities)
    }

    private static func reports() throws -> [ExportTable] {
        let clips = project(seed: 7), other = project(seed: 11)
        let t = Thresholds(alpha: 0.1, beta: 0.12)
        let grid = ThresholdGrid(alphas: ThresholdGrid.linspace(0.05, 0.45, 9), betas: ThresholdGrid.linspace(0.05, 0.45, 9))
        let settings = BootstrapSettings(replicates: 50)
        let index = SweepIndex(clips)
        let folds = try XCTUnwrap(index.plan(grid).foldReport())
        let actors = index.actorBetas(alpha: t.alpha, betas: grid.betas)
        var intervals = [String: ActorUncertainty]()
        for a in actors.actors {
            intervals[a.actor] = index.actorUncertainty(actor: a.actor, members: a.clips, alpha: t.alpha, betas: actors.betas,
                                                        bestBeta: a.bestBeta, globalBeta: actors.bestBeta, settings: settings)
        }
        let confusion = clips.confusionTables(at: t)
        let durations = try XCTUnwrap(index.durationReport(durations: clips.clips.indices.map { 1 + Double($0 % 9) * 0.55 },
                                                           binning: .quantiles(4), at: t, betas: grid.betas))
        let comparison = try XCTUnwrap(PairedComparison(a: clips, at: t, b: other, at: t, settings: settings))
        let panel = EncoderPanel(names: ["other"], values: [other.probabilities], present: [clips.clips.map { _ in true }])
        return [
            AnalysisTables.folds(folds, source: "a", intervals: index.foldIntervals(folds, settings: settings)),
            AnalysisTables.actors(actors, clips: clips.clips, source: "a", intervals: intervals, settings: settings),
            AnalysisTables.presence(confusion, source: "a", scope: "all", rates: true),
            AnalysisTables.presence(confusion, source: "a", scope: "all", rates: false),
            AnalysisTables.salience(confusion, source: "a", scope: "all", rates: true),
            AnalysisTables.emotions(confusion, source: "a", scope: "all"),
            AnalysisTables.emotionFolds((0...4).map { FoldPresence(fold: $0, scores: clips.confusionTables(at: t, in: .fold($0)).perEmotion) },
                                        source: "a", scope: "all", thresholds: t),
            AnalysisTables.kinds(Dictionary(uniqueKeysWithValues: Label.Kind.allCases.map { kind in
                (kind, SweepIndex(clips.filter { $0.label.kind == kind }).metrics(at: t))
            }), source: "a", scope: "all", thresholds: t),
            AnalysisTables.durations(durations, source: "a", scope: "all"),
            AnalysisTables.compare(comparison, a: "a", at: t, b: "b", at: t, scope: "all"),
            AnalysisTables.review(clips.labelReview(panel: panel), clips: clips.clips, source: "a"),
        ]
    }
}
