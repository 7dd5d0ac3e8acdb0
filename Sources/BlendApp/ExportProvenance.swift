import BlendCore
import BlendReport
import BlendStore
import Foundation

/// What every export records besides its rows: where it came from and when.
public struct ExportContext: Sendable, Hashable {
    /// The project as the user named it.
    public var project: String
    /// blendscope's version.
    public var version: String
    /// When the export was made: the caller's clock, so tests can fix it.
    public var created: Date

    public init(project: String, version: String, created: Date) {
        self.project = project
        self.version = version
        self.created = created
    }
}

/// How an export's thresholds were chosen, as its provenance says it.
public enum ThresholdUse: Sendable, Hashable {
    /// The target's α and β (given, stored or one of each).
    case target
    /// The target's α; β chosen per row on the grid (`actors`: each actor's best β).
    case alphaOnly
    /// Chosen per row on the grid; the target's thresholds unused (`folds`, `encoders`).
    case chosen(String)
    /// No thresholds (`notes`, `review`, `predictions`).
    case none
}

extension SourceTable {
    /// Which thresholds the table decodes at.
    public var thresholdUse: ThresholdUse {
        switch self {
        case .confusion, .salience, .emotions, .emotionFolds, .kinds, .compare, .durations: .target
        case .actors: .alphaOnly
        case .folds: .chosen("each fold's own best on the grid; honest: chosen on the other folds")
        case .review: .none
        }
    }

    /// Whether the table searches a grid.
    public var usesGrid: Bool {
        switch self {
        case .actors, .folds, .durations: true
        default: false
        }
    }
}

extension Provenance {
    /// The provenance of `table`: the project, the source and its thresholds with where they
    /// came from, the scope, the grid, the bootstrap settings when the table holds intervals
    /// (a `KEY_lo` column), the version and the time (ISO 8601, UTC, whole seconds).
    public static func export(_ table: ExportTable, context: ExportContext, target: AnalysisTarget? = nil,
                              request: TargetRequest? = nil, thresholds use: ThresholdUse = .none,
                              b: (source: SourceRef, thresholds: Thresholds)? = nil,
                              scope: ClipSelection? = nil, grid: String? = nil,
                              settings: BootstrapSettings? = nil) -> Provenance {
        var p = Provenance()
        p.add("table", table.name)
        p.add("project", context.project)
        if let target { p.add("source", target.source.description) }
        if let target {
            switch use {
            case .target:
                p.add("alpha", .number(target.thresholds.alpha))
                p.add("beta", .number(target.thresholds.beta))
                p.add("thresholds", origin(target, request))
            case .alphaOnly:
                p.add("alpha", .number(target.thresholds.alpha))
                p.add("thresholds", "alpha " + origin(target, request) + "; beta: each row's best on the grid")
            case .chosen(let how):
                p.add("thresholds", how)
            case .none:
                break
            }
        } else if case .chosen(let how) = use {
            p.add("thresholds", how)
        }
        if let b {
            p.add("source_b", b.source.description)
            p.add("alpha_b", .number(b.thresholds.alpha))
            p.add("beta_b", .number(b.thresholds.beta))
        }
        if let scope { p.add("scope", scope.description) }
        if let grid { p.add("grid", grid) }
        if let settings, table.columns.contains(where: { $0.key.hasSuffix("_lo") }) {
            p.add("ci_level", .number(settings.level))
            p.add("replicates", .integer(settings.replicates))
            p.add("seed", Int(exactly: settings.seed).map(ExportValue.integer) ?? .text(String(settings.seed)))
        }
        p.add("blendscope", context.version)
        p.add("created", utc(context.created))
        return p
    }

    /// `stored`, `best on train`, `given`, or which one was given.
    private static func origin(_ target: AnalysisTarget, _ request: TargetRequest?) -> String {
        switch target.thresholdOrigin {
        case .stored: "stored (kept by the source)"
        case .bestOnTrain: "best on train (the source's own, official grid)"
        case .given: "given"
        case .mixed: request?.alpha != nil ? "alpha given, beta the source's own" : "alpha the source's own, beta given"
        case .placeholder: AnalysisTarget.ThresholdOrigin.placeholder.label
        }
    }

    /// `2026-12-02T11:00:13Z`.
    static func utc(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
