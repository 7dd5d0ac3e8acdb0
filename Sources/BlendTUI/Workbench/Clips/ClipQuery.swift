import BlendCore

/// Which label kinds the Clips table shows.
public enum ClipKindFilter: CaseIterable, Hashable, Sendable {
    case all, single, even, uneven
    /// Only the unlabelled test clips (`test_0001.mov`), which no other kind admits.
    case unlabelled

    public var title: String {
        switch self {
        case .all: "all kinds"
        case .single: "single"
        case .even: "50/50"
        case .uneven: "70/30"
        case .unlabelled: "unlabelled"
        }
    }

    /// The next filter in the cycle (after 70/30 comes all again).
    public var next: ClipKindFilter { next(unlabelled: false) }

    /// The next filter in the cycle; "unlabelled" comes after 70/30 only in a project that has
    /// unlabelled clips.
    public func next(unlabelled: Bool) -> ClipKindFilter {
        let all = Self.allCases.filter { unlabelled || $0 != .unlabelled }
        guard let index = all.firstIndex(of: self) else { return .all }
        return all[(index + 1) % all.count]
    }

    func admits(_ label: Label) -> Bool {
        switch self {
        case .all: true
        case .single: label.kind == .single
        case .even: label.kind == .even
        case .uneven: label.kind == .uneven
        case .unlabelled: false
        }
    }
}

/// Whether the Clips table shows clips the current α/β decode correctly, wrongly, or both.
/// "Correct" is the challenge's strictest sense: presence right and, for blends, salience too.
public enum ClipOutcomeFilter: CaseIterable, Hashable, Sendable {
    case all, correct, wrong

    public var title: String {
        switch self {
        case .all: "right & wrong"
        case .correct: "right"
        case .wrong: "wrong"
        }
    }

    public var next: ClipOutcomeFilter {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// The Clips table's order.
public enum ClipSort: CaseIterable, Hashable, Sendable {
    /// By clip name.
    case clip
    /// Smallest top-two margin first: the clips nearest a decision boundary.
    case margin
    /// Label review's ranking: the labels the evidence disputes most first.
    case dispute

    public var title: String {
        switch self {
        case .clip: "clip"
        case .margin: "margin"
        case .dispute: "label dispute"
        }
    }

    public var next: ClipSort {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// What the Clips table shows: filters, search text and order. `rows` turns it into clip
/// indices once per change, so drawing a frame only looks up the visible rows.
public struct ClipQuery: Hashable, Sendable {
    public var kind = ClipKindFilter.all
    public var outcome = ClipOutcomeFilter.all
    public var sort = ClipSort.clip
    /// Case-insensitive substring of the clip name; empty matches every clip.
    public var search = ""
    /// Only this actor's clips, when set.
    public var actor: String?
    /// Only the clips of this presence-table cell (set from the Confusion screen), when set.
    public var cell: ConfusionCell?
    /// Only these clips (a list handed over by another screen: Compare's flips, an actor's β
    /// flips from Thresholds), when set.
    public var list: ClipList?
    /// Only training or only test clips, when set.
    public var split: Split?
    /// Only this training fold's clips, when set.
    public var fold: Int?
    /// Only clips whose label contains this emotion (alone or in a blend), when set.
    public var emotion: Emotion?
    /// Only clips carrying this tag, when set (the tags come with `rows`' `tags`).
    public var tag: String?

    public init() {}

    /// Whether anything narrows the table (the order is not a filter).
    public var isFiltered: Bool { cleared() != self }

    /// The same order with every filter and the search removed.
    public func cleared() -> ClipQuery {
        var fresh = ClipQuery()
        fresh.sort = sort
        return fresh
    }

    /// The option after `current` in `options`, then none (nil) again: how the filter keys
    /// cycle. A current value no longer among the options restarts the cycle.
    public static func cycle<T: Equatable>(_ current: T?, through options: [T]) -> T? {
        guard let current else { return options.first }
        guard let index = options.firstIndex(of: current), index + 1 < options.count else { return nil }
        return options[index + 1]
    }

    /// The indices into `scored` that pass the filters, in the query's order. `review` is
    /// needed only for `.dispute` (without it the order falls back to clip name); `tags` maps
    /// a clip name to its tags and is needed only for the tag filter.
    ///
    /// `unlabelled` clips follow as indices from `scored.count` on (see `ProjectSnapshot`):
    /// they pass only filters that do not need a label or an actor (all kinds or
    /// "unlabelled", split test, tag, search) and sort after the labelled ones in the dispute
    /// order, which only labels have.
    public func rows(_ scored: ScoredClips, unlabelled: UnlabelledScores = .empty, at thresholds: Thresholds,
                     review: LabelReview?, tags: [String: Set<String>] = [:]) -> [Int] {
        let needle = search.lowercased()
        var rows = scored.clips.indices.filter { i in
            let clip = scored.clips[i]
            guard kind.admits(clip.label) else { return false }
            if let actor, clip.actor != actor { return false }
            if let cell, !cell.admits(i, in: scored, at: thresholds) { return false }
            if let list, !list.names.contains(clip.name) { return false }
            if let split, clip.split != split { return false }
            if let fold, clip.fold != fold { return false }
            if let emotion, clip.label.first != emotion, clip.label.second != emotion { return false }
            if let tag, tags[clip.name]?.contains(tag) != true { return false }
            if !needle.isEmpty, !clip.name.lowercased().contains(needle) { return false }
            switch outcome {
            case .all: return true
            case .correct: return scored.prediction(of: i, thresholds) == clip.label
            case .wrong: return scored.prediction(of: i, thresholds) != clip.label
            }
        }
        let n = scored.count
        if kind == .all || kind == .unlabelled, actor == nil, cell == nil, list == nil, split != .train, fold == nil, emotion == nil,
           outcome == .all {
            rows += unlabelled.clips.indices.filter { u in
                let clip = unlabelled.clips[u]
                if let tag, tags[clip.name]?.contains(tag) != true { return false }
                return needle.isEmpty || clip.name.lowercased().contains(needle)
            }.map { n + $0 }
        }
        func name(_ i: Int) -> String { i < n ? scored.clips[i].name : unlabelled.clips[i - n].name }
        func probabilities(_ i: Int) -> ArraySlice<Double> {
            i < n ? scored.probabilities(of: i) : unlabelled.probabilities(of: i - n)
        }
        switch sort {
        case .clip:
            rows.sort { name($0) < name($1) }
        case .margin:
            let margins = rows.map { ClipTrace.margin(probabilities($0)) }
            let order = margins.indices.sorted { margins[$0] != margins[$1] ? margins[$0] < margins[$1] : rows[$0] < rows[$1] }
            rows = order.map { rows[$0] }
        case .dispute:
            guard let review else {
                rows.sort { name($0) < name($1) }
                break
            }
            var rank = [Int](repeating: Int.max, count: scored.count + unlabelled.count)
            for (position, entry) in review.ranking.enumerated() { rank[review.entries[entry].clip] = position }
            rows.sort { rank[$0] != rank[$1] ? rank[$0] < rank[$1] : $0 < $1 }
        }
        return rows
    }
}

