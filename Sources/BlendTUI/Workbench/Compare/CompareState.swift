import BlendApp
import BlendCore

/// What one comparison was computed for. A side that is the workbench's source follows the
/// workbench's α/β, so its thresholds are part of the key; any other side is decoded at its own
/// thresholds (stored, else best on train), which α/β moves leave alone (nil here).
public struct CompareKey: Hashable, Sendable {
    public let a: SourceRef
    public let b: SourceRef
    public let thresholdsA: Thresholds?
    public let thresholdsB: Thresholds?
    public let scope: ClipScope
}

/// A paired comparison with the thresholds each side was decoded at.
public struct CompareResult: Sendable {
    public let comparison: PairedComparison
    public let thresholdsA: Thresholds
    public let thresholdsB: Thresholds
}

/// The Compare screen's state: the two sources picked, the scope, the selected flip group, and
/// the comparisons computed so far, cached by what they were computed for.
public struct CompareState: Sendable {
    /// Every source of the project (encoders with probabilities, then fusions); nil until read.
    public internal(set) var sources: [SourceRef]?
    /// Positions in `sources` of A and B.
    public var a = 0
    public var b = 1
    public var scope = ClipScope.all
    /// The selected row of the flips table (0: every flip, then the kinds, then the actors).
    public var row = 0
    /// The comparisons computed, by what they were computed for; `wanted` is what the screen
    /// asks for now (nil before the sources are read).
    var cache = ResultCache<CompareKey, CompareResult>(limit: CompareState.cacheLimit)
    /// Why the sources could not be read, when they could not.
    public internal(set) var sourcesFailure: String?

    /// The most comparisons kept: each holds its flips and a few numbers.
    static let cacheLimit = 16

    public init() {}

    var wanted: CompareKey? { cache.wanted }

    /// The comparison for what the screen asks for now, when it has arrived.
    public var current: CompareResult? { cache.current }

    /// The comparison to draw and whether it is stale (for other sources, thresholds or scope
    /// than asked for) while the wanted one is still being computed.
    public var shown: (result: CompareResult, stale: Bool)? { cache.shown.map { ($0.value, $0.stale) } }

    /// Why the wanted comparison (or reading the sources) failed, when it did.
    public var failure: String? { cache.failure ?? sourcesFailure }

    /// Whether the wanted comparison is still being computed.
    public var computing: Bool { cache.computing }

    public var sourceA: SourceRef? { sources.flatMap { $0.indices.contains(a) ? $0[a] : nil } }
    public var sourceB: SourceRef? { sources.flatMap { $0.indices.contains(b) ? $0[b] : nil } }

}

/// One row of the flips table: a group of the clips only one source has right.
public struct CompareFlipGroup: Sendable, Hashable {
    public let title: String
    public let onlyA: Int
    public let onlyB: Int
    public let clips: Set<String>
}

extension CompareResult {
    /// Every flip, then by label kind, then by actor.
    public var flipGroups: [CompareFlipGroup] {
        let flips = comparison.flips
        func group(_ title: String, _ keep: (PairedComparison.Flip) -> Bool) -> CompareFlipGroup {
            let part = flips.filter(keep)
            let onlyA = part.filter(\.aRight).count
            return CompareFlipGroup(title: title, onlyA: onlyA, onlyB: part.count - onlyA, clips: Set(part.map(\.clip)))
        }
        return [group("all flips") { _ in true }]
            + comparison.byKind.map { k in group(k.group) { $0.label.kind.rawValue == k.group } }
            + comparison.byActor.map { a in group(a.group) { $0.actor == a.group } }
    }
}

/// What can happen on the Compare screen besides its commands.
public enum CompareAction: Sendable {
    case sourcesLoaded([SourceRef])
    case sourcesFailed(String)
    case compared(CompareKey, CompareResult)
    case failed(CompareKey, String)
    /// A click on a row of the flips table: selects it, or lists its clips when already selected.
    case click(Int)
}
