/// The units a bootstrap draws (actors, or one actor's clips), each reduced to its counts at
/// fixed thresholds. A replicate is then a weighted sum of these counts: no clip is decoded
/// again, so 2,000 replicates cost a few thousand dot products.
public struct ResamplingUnits: Sendable {
    /// Actor names, or clip indices as text.
    public let names: [String]
    /// Each unit's counts.
    public let metrics: [Metrics]

    public init(names: [String], metrics: [Metrics]) {
        precondition(names.count == metrics.count, "one name per unit")
        self.names = names
        self.metrics = metrics
    }

    public var count: Int { metrics.count }
    public var total: Metrics { metrics.reduce(Metrics(), +) }

    /// The clips at `indices` (all when nil) grouped by actor, in actor order, at `t`.
    public static func actors(_ index: SweepIndex, at t: Thresholds, indices: [Int]? = nil) -> ResamplingUnits {
        let groups = actorGroups(index.clips, indices: indices)
        return ResamplingUnits(names: groups.map(\.actor), metrics: groups.map { index.metrics(at: t, of: $0.members) })
    }

    /// Every clip at `indices` on its own (one actor's scope).
    public static func clips(_ index: SweepIndex, at t: Thresholds, indices: [Int]) -> ResamplingUnits {
        ResamplingUnits(names: indices.map { index.clips[$0].name }, metrics: indices.map { index.metrics(at: t, of: [$0]) })
    }

    /// Actors of the clips at `indices` (all when nil), sorted by name, with their clip indices.
    public static func actorGroups(_ clips: [ClipInfo], indices: [Int]? = nil) -> [(actor: String, members: [Int])] {
        var byActor = [String: [Int]]()
        for n in indices ?? Array(clips.indices) { byActor[clips[n].actor, default: []].append(n) }
        return byActor.keys.sorted().map { ($0, byActor[$0] ?? []) }
    }

    /// The counts of one replicate: unit i counted `weights[i]` times.
    @inlinable
    public func replicate(_ weights: UnsafeBufferPointer<Int32>) -> Metrics {
        var m = Metrics()
        metrics.withUnsafeBufferPointer { u in
            for i in u.indices where weights[i] != 0 {
                let w = Int(weights[i])
                m.clips += w * u[i].clips
                m.blends += w * u[i].blends
                m.presenceHits += w * u[i].presenceHits
                m.salienceHits += w * u[i].salienceHits
            }
        }
        return m
    }

    /// The percentile intervals of ACC_P, ACC_S and Score over `settings.replicates` replicates.
    public func bootstrap(_ settings: BootstrapSettings) -> MetricIntervals {
        var replicates = MetricReplicates(capacity: settings.replicates)
        Resampling.bootstrap(units: count, replicates: settings.replicates, seed: settings.seed) { _, w in
            replicates.append(replicate(w))
        }
        return replicates.intervals(settings, units: count)
    }
}

/// Per-replicate ACC_P, ACC_S and Score, kept to read percentiles from.
public struct MetricReplicates: Sendable {
    public private(set) var accPresence: [Double] = []
    public private(set) var accSalience: [Double] = []
    public private(set) var score: [Double] = []

    public init(capacity: Int) {
        accPresence.reserveCapacity(capacity)
        accSalience.reserveCapacity(capacity)
        score.reserveCapacity(capacity)
    }

    public mutating func append(_ m: Metrics) {
        append(accPresence: m.accPresence, accSalience: m.accSalience, score: m.score)
    }

    public mutating func append(accPresence p: Double, accSalience s: Double, score: Double) {
        accPresence.append(p)
        accSalience.append(s)
        self.score.append(score)
    }

    public func intervals(_ settings: BootstrapSettings, units: Int) -> MetricIntervals {
        MetricIntervals(settings: settings, units: units,
                        accPresence: Percentile.interval(accPresence, level: settings.level),
                        accSalience: Percentile.interval(accSalience, level: settings.level),
                        score: Percentile.interval(score, level: settings.level))
    }
}

/// Intervals of the three rates, and what they rest on.
public struct MetricIntervals: Hashable, Sendable, Codable {
    public let settings: BootstrapSettings
    /// The number of units drawn per replicate (actors, or one actor's clips).
    public let units: Int
    public let accPresence: Interval
    public let accSalience: Interval
    public let score: Interval
}

extension SweepIndex {
    /// The actor bootstrap at fixed thresholds over the clips at `indices` (all when nil).
    public func intervals(at t: Thresholds, indices: [Int]? = nil,
                          settings: BootstrapSettings = .standard) -> MetricIntervals {
        ResamplingUnits.actors(self, at: t, indices: indices).bootstrap(settings)
    }
}
