/// The outcome of a set of clips on every cell of one grid, kept as histograms that add up.
///
/// Counts of disjoint clip sets on the same ``SweepPlan`` add with `+`: the sum describes the
/// union (nested fold selection sums the other four folds). ``SweepPlan/result(_:)`` turns
/// them into per-cell ``Metrics``.
public struct SweepCounts: Hashable, Sendable {
    public let alphaCount: Int
    public let betaCount: Int
    public private(set) var clips = 0
    public private(set) var blends = 0
    /// Presence hits if every clip kept its top class alone.
    private var singlePresenceHits = 0
    /// By α rank count k: the change in presence hits when the clips with that k keep the pair.
    private var presenceChange: [Int32]
    /// By (k, first 50/50 β rank q), row-major over (alphaCount + 1) × (betaCount + 1):
    /// blends whose salience is right when called 50/50, and when called 70/30.
    private var evenHits: [Int32]
    private var unevenHits: [Int32]

    init(alphaCount: Int, betaCount: Int) {
        self.alphaCount = alphaCount
        self.betaCount = betaCount
        presenceChange = [Int32](repeating: 0, count: alphaCount + 1)
        evenHits = [Int32](repeating: 0, count: (alphaCount + 1) * (betaCount + 1))
        unevenHits = evenHits
    }

    mutating func add(_ e: SweepEntry, alphaRank k: Int, betaRank q: Int) {
        clips += 1
        if e.isBlend { blends += 1 }
        if e.singlePresenceHit { singlePresenceHits += 1 }
        guard k > 0 else { return }
        if e.pairPresenceHit != e.singlePresenceHit { presenceChange[k] += e.pairPresenceHit ? 1 : -1 }
        switch e.salience {
        case .never: break
        case .atMostBeta: evenHits[k * (betaCount + 1) + q] += 1
        case .aboveBeta: unevenHits[k * (betaCount + 1) + q] += 1
        }
    }

    public static func + (a: SweepCounts, b: SweepCounts) -> SweepCounts {
        var s = a
        s += b
        return s
    }

    public static func += (a: inout SweepCounts, b: SweepCounts) {
        precondition(a.alphaCount == b.alphaCount && a.betaCount == b.betaCount, "counts from different grids")
        a.clips += b.clips
        a.blends += b.blends
        a.singlePresenceHits += b.singlePresenceHits
        for i in a.presenceChange.indices { a.presenceChange[i] += b.presenceChange[i] }
        for i in a.evenHits.indices {
            a.evenHits[i] += b.evenHits[i]
            a.unevenHits[i] += b.unevenHits[i]
        }
    }

    /// Per-cell metrics, α-major in the grid's own order.
    ///
    /// At α rank s the pair is kept by clips with k > s; at β rank t a kept pair is 50/50 when
    /// q ≤ t. Walking s downwards accumulates the rows k > s; walking t upwards splits each row
    /// into its 50/50 prefix and 70/30 suffix.
    func cells(alphaOrder: [Int], betaOrder: [Int]) -> [Metrics] {
        let width = betaCount + 1
        var cells = [Metrics](repeating: Metrics(), count: alphaCount * betaCount)
        var evenByQ = [Int](repeating: 0, count: width)
        var unevenByQ = [Int](repeating: 0, count: width)
        var unevenTotal = 0
        var presence = singlePresenceHits
        for s in stride(from: alphaCount - 1, through: 0, by: -1) {
            let k = s + 1
            presence += Int(presenceChange[k])
            for q in 0..<width {
                evenByQ[q] += Int(evenHits[k * width + q])
                let u = Int(unevenHits[k * width + q])
                unevenByQ[q] += u
                unevenTotal += u
            }
            var evenUpToT = 0
            var unevenAboveT = unevenTotal
            let row = alphaOrder[s] * betaCount
            for t in 0..<betaCount {
                evenUpToT += evenByQ[t]
                unevenAboveT -= unevenByQ[t]
                cells[row + betaOrder[t]] = Metrics(clips: clips, blends: blends, presenceHits: presence,
                                                    salienceHits: evenUpToT + unevenAboveT)
            }
        }
        return cells
    }
}
