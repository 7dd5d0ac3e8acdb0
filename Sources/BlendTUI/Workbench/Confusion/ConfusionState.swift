import BlendApp
import BlendCore

/// What the confusion tables were computed for: recomputing is needed only when one of
/// these changes (the source is named by its clip count too, in case a project reloads).
struct ConfusionKey: Hashable, Sendable {
    let thresholds: Thresholds
    let scope: ClipScope
    let source: String?
    let clips: Int
}

/// What the per-emotion intervals are for: the source (named by its clip count too, in case a
/// project reloads), the thresholds and the scope. A β step asks for another key; the answer
/// for the old one is never shown as the new one's.
public struct ConfusionIntervalKey: Hashable, Sendable {
    public let source: SourceRef
    public let thresholds: Thresholds
    public let scope: ClipScope
    public let clips: Int
}

/// The `confusion` use case's intervals at one key: per emotion (in `ConfusionTables.perEmotion`'s
/// order) and of the scope's ACC_P, ACC_S and Score, with the actors they resample.
public struct ConfusionIntervals: Sendable {
    public let emotions: [EmotionInterval]
    public let metrics: MetricIntervals
    public let settings: BootstrapSettings
}

/// The Confusion screen's state: the selected cell, counts or rates, the scope, and the
/// tables for the current α/β (recomputed in the reducer only while the screen shows).
public struct ConfusionState: Sendable {
    /// The selected cell of the presence table: row = true label set, column = predicted,
    /// both positions in `LabelSet.all`.
    public var row = 0
    public var column = 0
    /// Row-normalised rates instead of counts.
    public var rates = false
    /// The clips the tables are for.
    public var scope = ClipScope.all
    public internal(set) var tables: ConfusionTables?
    /// The source's metrics over `scope` at the tables' thresholds.
    public internal(set) var metrics: Metrics?
    var key: ConfusionKey?
    /// The export format chooser's highlighted entry (an index into `ExportFormat.allCases`)
    /// while it is open.
    public var exportChoice: Int?
    /// The file the last export went to, shown under the table.
    public var lastExport: String?
    /// The intervals asked for last, the answers so far (a few keys, oldest dropped first) and
    /// why the last one failed.
    var intervalCache = ResultCache<ConfusionIntervalKey, ConfusionIntervals>(limit: 8)

    /// The intervals for the tables on show, or nil while they are computed (never another key's).
    public var intervals: ConfusionIntervals? { intervalCache.current }
    var wantedIntervals: ConfusionIntervalKey? { intervalCache.wanted }
    public var intervalFailure: String? { intervalCache.failure }

    public init() {}

    /// The selected cell as a Clips filter.
    public var cell: ConfusionCell {
        ConfusionCell(truth: LabelSet.all[row], predicted: LabelSet.all[column], scope: scope)
    }
}

/// What can happen on the Confusion screen besides its commands.
public enum ConfusionAction: Sendable {
    /// A click on a presence cell: selects it, or opens its clips when it is already selected.
    case click(row: Int, column: Int)
    /// A key while the export format chooser is open.
    case chooserKey(KeyChord)
    /// A click on a format of the chooser: exports in it.
    case chooseFormat(Int)
    /// Opens the selected cell's clips on the Clips screen (the workbench does: it changes
    /// that screen's filters).
    case openCell
    /// The per-emotion and scope intervals at `key` arrived (or could not be computed).
    case intervalsComputed(ConfusionIntervalKey, ConfusionIntervals)
    case intervalsFailed(ConfusionIntervalKey, String)
    /// The table was written to this (absolute) path.
    case exported(String)
    case exportFailed(String)
}
