/// A fuzzy match: how good it is and which characters of the candidate matched.
public struct FuzzyMatch: Hashable, Sendable {
    public var score: Int
    /// Offsets (in characters) of the matched characters in the candidate.
    public var positions: [Int]
}

/// Subsequence matching with scoring, for the command palette: every query character must
/// appear in order (case-insensitive); matches score more at word starts, right after the
/// previous match, and at the very start, and lose a little for each skipped character.
/// The best alignment is found by dynamic programming, not greedily, so `thr` in
/// "set thresholds" matches the word "thresholds", not the first `t`.
public enum FuzzyMatcher {
    static let matchScore = 16
    static let consecutiveBonus = 12
    static let wordStartBonus = 10
    static let firstCharacterBonus = 8
    static let gapPenalty = 1
    static let leadingGapPenalty = 1

    /// nil when `query` is not a subsequence of `candidate`; an empty query matches with 0.
    public static func match(_ query: String, in candidate: String) -> FuzzyMatch? {
        let q = Array(query.lowercased().filter { $0 != " " })
        let original = Array(candidate)
        let c = Array(candidate.lowercased())
        guard !q.isEmpty else { return FuzzyMatch(score: 0, positions: []) }
        guard q.count <= c.count, c.count == original.count else { return nil }
        let n = q.count, m = c.count
        let impossible = Int.min / 4

        // best[i][j]: best score with q[i] matched at c[j]; from[i][j]: where q[i-1] was.
        var best = [[Int]](repeating: [Int](repeating: impossible, count: m), count: n)
        var from = [[Int]](repeating: [Int](repeating: -1, count: m), count: n)
        for j in 0..<m where c[j] == q[0] {
            best[0][j] = matchScore + bonus(original, j) + (j == 0 ? firstCharacterBonus : 0) - leadingGapPenalty * min(j, 10)
        }
        for i in 1..<max(1, n) {
            // Running best of best[i-1][k] − gap·(j−1−k) over k ≤ j−2, kept as j advances:
            // each step costs every earlier option one more gap, and adds k = j−2.
            var runningScore = impossible
            var runningFrom = -1
            for j in i..<m {
                if runningScore > impossible { runningScore -= gapPenalty }
                if j >= 2, best[i - 1][j - 2] > impossible, best[i - 1][j - 2] - gapPenalty > runningScore {
                    runningScore = best[i - 1][j - 2] - gapPenalty
                    runningFrom = j - 2
                }
                guard c[j] == q[i] else { continue }
                var score = impossible, origin = -1
                if best[i - 1][j - 1] > impossible {
                    score = best[i - 1][j - 1] + consecutiveBonus
                    origin = j - 1
                }
                if runningScore > score {
                    score = runningScore
                    origin = runningFrom
                }
                guard origin >= 0 else { continue }
                best[i][j] = score + matchScore + bonus(original, j)
                from[i][j] = origin
            }
        }
        guard let end = (0..<m).max(by: { best[n - 1][$0] < best[n - 1][$1] }), best[n - 1][end] > impossible else {
            return nil
        }
        var positions = [end]
        var j = end
        for i in stride(from: n - 1, to: 0, by: -1) {
            j = from[i][j]
            positions.append(j)
        }
        return FuzzyMatch(score: best[n - 1][end], positions: positions.reversed())
    }

    /// The candidates that match, best first; ties keep the shorter, then the earlier one.
    public static func rank(_ query: String, _ candidates: [String]) -> [(index: Int, match: FuzzyMatch)] {
        candidates.enumerated()
            .compactMap { (i, text) in match(query, in: text).map { (index: i, match: $0) } }
            .sorted { a, b in
                if a.match.score != b.match.score { return a.match.score > b.match.score }
                if candidates[a.index].count != candidates[b.index].count {
                    return candidates[a.index].count < candidates[b.index].count
                }
                return a.index < b.index
            }
    }

    /// Extra score for matching at a word start: after a separator, or an upper-case letter
    /// after a lower-case one.
    private static func bonus(_ text: [Character], _ j: Int) -> Int {
        guard j > 0 else { return wordStartBonus }
        let previous = text[j - 1], here = text[j]
        if " -_./:·".contains(previous) { return wordStartBonus }
        if previous.isLowercase && here.isUppercase { return wordStartBonus }
        return 0
    }
}
