/// A part of a project's clips: all of them, one split, one training fold or one actor.
/// Restricts analyses (confusion tables, sweeps) and names the groups of per-group sweeps.
public enum ClipScope: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    case all
    case split(Split)
    case fold(Int)
    case actor(String)

    public func contains(_ clip: ClipInfo) -> Bool {
        switch self {
        case .all: true
        case .split(let s): clip.split == s
        case .fold(let f): clip.fold == f
        case .actor(let a): clip.actor == a
        }
    }

    /// The indices of `clips` inside this scope, in order.
    public func indices(in clips: [ClipInfo]) -> [Int] {
        if case .all = self { return Array(clips.indices) }
        return clips.indices.filter { contains(clips[$0]) }
    }

    /// `all`, `train`, `fold 2`, `A102`.
    public var description: String {
        switch self {
        case .all: "all"
        case .split(let s): s.rawValue
        case .fold(let f): "fold \(f)"
        case .actor(let a): a
        }
    }

    private var sortKey: (Int, Int, String) {
        switch self {
        case .all: (0, 0, "")
        case .split(let s): (1, s == .train ? 0 : 1, "")
        case .fold(let f): (2, f, "")
        case .actor(let a): (3, 0, a)
        }
    }

    public static func < (a: ClipScope, b: ClipScope) -> Bool { a.sortKey < b.sortKey }
}

/// How per-group sweeps split the clips (`--by split|fold|actor`).
public enum ClipGrouping: String, Sendable, Hashable, CaseIterable, Codable {
    case split, fold, actor

    /// The group a clip falls in; test clips have no fold.
    public func scope(of clip: ClipInfo) -> ClipScope? {
        switch self {
        case .split: .split(clip.split)
        case .fold: clip.fold.map { .fold($0) }
        case .actor: .actor(clip.actor)
        }
    }

    /// The groups present in `clips`, in ``ClipScope`` order, and each clip's group number.
    public func partition(_ clips: [ClipInfo]) -> (groups: [ClipScope], groupOf: [Int?]) {
        let scopes = clips.map(scope(of:))
        let groups = Set(scopes.compactMap { $0 }).sorted()
        var number = [ClipScope: Int]()
        for (g, s) in groups.enumerated() { number[s] = g }
        return (groups, scopes.map { $0.flatMap { number[$0] } })
    }
}
