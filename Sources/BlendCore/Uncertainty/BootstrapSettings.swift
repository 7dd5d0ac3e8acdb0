/// How an interval is made: its level, how many replicates and the seed that fixes them.
///
/// The same settings give the same interval on every run and every machine: replicates are
/// drawn in fixed chunks, each from its own generator derived from the seed (see
/// ``Resampling``), so nothing depends on how many threads do the work.
public struct BootstrapSettings: Hashable, Sendable, Codable {
    public var level: Double
    public var replicates: Int
    public var seed: UInt64

    /// 0.95, 2,000 replicates, seed 1.
    public static let standard = BootstrapSettings(level: 0.95, replicates: 2_000, seed: 1)
    /// The replicate counts the command line accepts: fewer gives percentile ends that move
    /// with the seed; more buys nothing a reader can see at three decimals.
    public static let replicateRange = 100...100_000

    public init(level: Double = 0.95, replicates: Int = 2_000, seed: UInt64 = 1) {
        precondition(level.isFinite && level > 0 && level < 1, "level must lie in (0, 1)")
        precondition(replicates >= 1, "at least one replicate")
        self.level = level
        self.replicates = replicates
        self.seed = seed
    }

    /// The two percentiles the interval reads: (1 − level)/2 and (1 + level)/2.
    public var quantiles: (Double, Double) { ((1 - level) / 2, (1 + level) / 2) }
}
