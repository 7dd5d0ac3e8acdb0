import BlendCore

/// Seven clips built by hand for the duration analysis, shared by the core's report tests and
/// the export table's tests so both check the same worked example. α .1, β .15; all blends
/// ang/hap with the pair kept, so only β decides salience:
/// - c0 single hap (2 s, right), c1 50/50 margin .20 (2.5 s, salience wrong at β .15),
///   c2 70/30 margin .30 (2.9 s, right);
/// - c3 50/50 margin .10 (4 s, right), c4 70/30 with hap (the weaker) on top: reversed (4.5 s),
///   c5 70/30 margin .06 (5 s, called 50/50 at β .15: wrong);
/// - c6 single ang with no duration.
public enum HandMadeDurations {
    public static let thresholds = Thresholds(alpha: 0.1, beta: 0.15)

    /// The clips with their probabilities, and each clip's duration in seconds (nil: no video).
    public static func clips() -> (scored: ScoredClips, durations: [Double?]) {
        func p(_ ang: Double, _ hap: Double) -> [Double] {
            let rest = (1 - ang - hap) / 4
            return [ang, rest, rest, hap, rest, rest]
        }
        let rows: [(Label, [Double], Double?)] = [
            (.single(.hap), [0.04, 0.04, 0.04, 0.8, 0.04, 0.04], 2.0),
            (.blend(.ang, 50, .hap), p(0.45, 0.25), 2.5),
            (.blend(.ang, 70, .hap), p(0.50, 0.20), 2.9),
            (.blend(.ang, 50, .hap), p(0.40, 0.30), 4.0),
            (.blend(.ang, 70, .hap), p(0.25, 0.45), 4.5),
            (.blend(.ang, 70, .hap), p(0.39, 0.33), 5.0),
            (.single(.ang), [0.8, 0.04, 0.04, 0.04, 0.04, 0.04], nil),
        ]
        let clips = rows.enumerated().map { n, r in ClipInfo(name: "c\(n)", actor: "A1", split: .train, fold: 0, label: r.0) }
        return (ScoredClips(clips: clips, probabilities: rows.flatMap(\.1)), rows.map(\.2))
    }
}
