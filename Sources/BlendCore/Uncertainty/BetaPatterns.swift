/// How each clip's salience verdict depends on β at one α, as a range of β ranks (ranks of the
/// β values in ascending order): hit for ranks ≥ q (a 50/50 blend), for ranks < q (70/30), or
/// never. Adding a clip to a β curve is then two increments of a difference array.
struct BetaPatterns {
    let betas: [Double]
    /// Grid position at ascending rank t.
    let order: [Int]
    /// Per clip: 0 none, 1 hit at ranks ≥ q, 2 hit at ranks < q.
    let kind: [UInt8]
    let rank: [Int32]

    init(_ index: SweepIndex, alpha: Double, betas: [Double]) {
        self.betas = betas
        order = betas.indices.sorted { betas[$0] < betas[$1] }
        let sorted = order.map { betas[$0] }
        var kind = [UInt8](repeating: 0, count: index.count)
        var rank = [Int32](repeating: 0, count: index.count)
        for (n, e) in index.entries.enumerated() where e.keepsPair(alpha: alpha) {
            // The first rank at which the pair is called 50/50 (all of them when never).
            let q = sorted.firstIndex { e.isEven(beta: $0) } ?? sorted.count
            switch e.salience {
            case .never: continue
            case .atMostBeta: kind[n] = 1
            case .aboveBeta: kind[n] = 2
            }
            rank[n] = Int32(q)
        }
        self.kind = kind
        self.rank = rank
    }

    /// Adds clip n `times` times to a difference array of `betas.count + 1` slots.
    @inline(__always)
    func add(_ n: Int, times: Int32 = 1, to diff: UnsafeMutableBufferPointer<Int32>) {
        switch kind[n] {
        case 1: diff[Int(rank[n])] &+= times
        case 2: diff[0] &+= times; diff[Int(rank[n])] &-= times
        default: break
        }
    }

    /// From a difference array: the first grid β (in grid order) with the most hits, and the
    /// hits per grid position. `diff` is cleared.
    func hits(_ diff: UnsafeMutableBufferPointer<Int32>, into hits: UnsafeMutableBufferPointer<Int32>) {
        var running: Int32 = 0
        for t in 0..<order.count {
            running &+= diff[t]
            hits[order[t]] = running
        }
        for i in 0..<diff.count { diff[i] = 0 }
    }

    static func firstMax(_ hits: UnsafeMutableBufferPointer<Int32>) -> Int {
        var best = 0
        for i in 1..<hits.count where hits[i] > hits[best] { best = i }
        return best
    }

    /// Of the β with the most hits, the one nearest `target` (first on ties), as
    /// ``SweepIndex/actorBetas(alpha:betas:binCount:)`` picks an actor's best; nil when none hits.
    func nearestMax(_ hits: UnsafeMutableBufferPointer<Int32>, to target: Double) -> Int? {
        var top: Int32 = 0
        for i in 0..<hits.count { top = max(top, hits[i]) }
        guard top > 0 else { return nil }
        var best: Int?
        for i in 0..<hits.count where hits[i] == top {
            if let b = best, !(abs(betas[i] - target) < abs(betas[b] - target)) { continue }
            best = i
        }
        return best
    }

    /// One actor's clip bootstrap: `members` (its clips) resampled with replacement with
    /// `settings`' draws; for each replicate, `body` gets the hits per β of the drawn clips and
    /// how many of the draws are blends.
    func eachClipReplicate(of members: [Int], isBlend: [Bool], settings: BootstrapSettings,
                           _ body: (_ hits: UnsafeMutableBufferPointer<Int32>, _ blends: Int) -> Void) {
        var diff = [Int32](repeating: 0, count: betas.count + 1)
        var hits = [Int32](repeating: 0, count: betas.count)
        diff.withUnsafeMutableBufferPointer { diff in
            hits.withUnsafeMutableBufferPointer { hits in
                Resampling.bootstrap(units: members.count, replicates: settings.replicates, seed: settings.seed) { _, w in
                    var blends = 0
                    for i in members.indices where w[i] != 0 {
                        if isBlend[i] { blends += Int(w[i]) }
                        add(members[i], times: w[i], to: diff)
                    }
                    self.hits(diff, into: hits)
                    body(hits, blends)
                }
            }
        }
    }
}
