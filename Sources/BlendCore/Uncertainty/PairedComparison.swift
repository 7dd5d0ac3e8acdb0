/// A paired comparison of two sources over the clips both have: the same actor draws for
/// both, Δ = metric(A) − metric(B) per replicate.
public struct PairedComparison: Sendable {
    /// A value per headline metric: the deltas themselves, their p-values or their intervals.
    public struct PerMetric<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
        public let accPresence: Value
        public let accSalience: Value
        public let score: Value
    }

    public typealias Deltas = PerMetric<Double>
    public typealias DeltaIntervals = PerMetric<Interval>

    /// A clip where exactly one source has the presence right.
    public struct Flip: Hashable, Sendable, Codable {
        public let clip: String
        public let actor: String
        public let label: Label
        /// True when A is right and B wrong.
        public let aRight: Bool
    }

    public struct FlipCount: Hashable, Sendable, Codable {
        public let group: String
        public var onlyARight: Int
        public var onlyBRight: Int
    }

    public let settings: BootstrapSettings
    /// Clips both sources have.
    public let clips: Int
    public let actors: Int
    public let a: Metrics
    public let b: Metrics
    public let delta: Deltas
    public let deltaInterval: DeltaIntervals
    /// p = min(1, 2·min(share Δ ≤ 0, share Δ ≥ 0)) per metric.
    public let pValue: Deltas
    /// McNemar's exact p on presence correctness.
    public let mcnemarP: Double
    public let flips: [Flip]
    public let byActor: [FlipCount]
    public let byKind: [FlipCount]

    public var onlyARight: Int { flips.filter(\.aRight).count }
    public var onlyBRight: Int { flips.count - onlyARight }

    /// Compares `a` at `ta` with `b` at `tb` over the clips (by name) both have, in A's order.
    /// Nil when they share no clip.
    public init?(a scoredA: ScoredClips, at ta: Thresholds, b scoredB: ScoredClips, at tb: Thresholds,
                 settings: BootstrapSettings = .standard) {
        var positionInB = [String: Int]()
        for (i, c) in scoredB.clips.enumerated() { positionInB[c.name] = i }
        var keepA = [Int](), keepB = [Int]()
        for (i, c) in scoredA.clips.enumerated() {
            if let j = positionInB[c.name] { keepA.append(i); keepB.append(j) }
        }
        guard !keepA.isEmpty else { return nil }
        let indexA = SweepIndex(scoredA.subset(keepA)), indexB = SweepIndex(scoredB.subset(keepB))
        self.init(indexA, at: ta, indexB, at: tb, settings: settings)
    }

    /// The same over two indices of the very same clips in the same order.
    public init(_ indexA: SweepIndex, at ta: Thresholds, _ indexB: SweepIndex, at tb: Thresholds,
                settings: BootstrapSettings = .standard) {
        precondition(indexA.clips.map(\.name) == indexB.clips.map(\.name), "paired indices need the same clips")
        self.settings = settings
        clips = indexA.count
        let groups = ResamplingUnits.actorGroups(indexA.clips)
        actors = groups.count
        let unitsA = ResamplingUnits(names: groups.map(\.actor), metrics: groups.map { indexA.metrics(at: ta, of: $0.members) })
        let unitsB = ResamplingUnits(names: groups.map(\.actor), metrics: groups.map { indexB.metrics(at: tb, of: $0.members) })
        a = unitsA.total
        b = unitsB.total
        delta = Deltas(accPresence: a.accPresence - b.accPresence, accSalience: a.accSalience - b.accSalience,
                       score: a.score - b.score)
        var dp = [Double](), ds = [Double](), dq = [Double]()
        dp.reserveCapacity(settings.replicates)
        ds.reserveCapacity(settings.replicates)
        dq.reserveCapacity(settings.replicates)
        Resampling.bootstrap(units: groups.count, replicates: settings.replicates, seed: settings.seed) { _, w in
            let ra = unitsA.replicate(w), rb = unitsB.replicate(w)
            dp.append(ra.accPresence - rb.accPresence)
            ds.append(ra.accSalience - rb.accSalience)
            dq.append(ra.score - rb.score)
        }
        deltaInterval = DeltaIntervals(accPresence: Percentile.interval(dp, level: settings.level),
                                       accSalience: Percentile.interval(ds, level: settings.level),
                                       score: Percentile.interval(dq, level: settings.level))
        pValue = Deltas(accPresence: Self.pValue(dp), accSalience: Self.pValue(ds), score: Self.pValue(dq))

        var flips = [Flip]()
        for n in indexA.entries.indices {
            let ca = indexA.entries[n].presenceHit(alpha: ta.alpha), cb = indexB.entries[n].presenceHit(alpha: tb.alpha)
            guard ca != cb else { continue }
            let clip = indexA.clips[n]
            flips.append(Flip(clip: clip.name, actor: clip.actor, label: clip.label, aRight: ca))
        }
        self.flips = flips
        let onlyA = flips.filter(\.aRight).count
        mcnemarP = McNemar.exactP(onlyA: onlyA, onlyB: flips.count - onlyA)
        byActor = Self.count(flips) { $0.actor }
        byKind = Self.count(flips) { $0.label.kind.rawValue }
    }

    /// min(1, 2·min(share of Δ ≤ 0, share of Δ ≥ 0)).
    public static func pValue(_ deltas: [Double]) -> Double {
        guard !deltas.isEmpty else { return 1 }
        let n = Double(deltas.count)
        let atMost = Double(deltas.filter { $0 <= 0 }.count) / n
        let atLeast = Double(deltas.filter { $0 >= 0 }.count) / n
        return min(1, 2 * min(atMost, atLeast))
    }

    private static func count(_ flips: [Flip], by key: (Flip) -> String) -> [FlipCount] {
        var counts = [String: FlipCount]()
        for f in flips {
            let k = key(f)
            var c = counts[k] ?? FlipCount(group: k, onlyARight: 0, onlyBRight: 0)
            if f.aRight { c.onlyARight += 1 } else { c.onlyBRight += 1 }
            counts[k] = c
        }
        return counts.keys.sorted().compactMap { counts[$0] }
    }
}
