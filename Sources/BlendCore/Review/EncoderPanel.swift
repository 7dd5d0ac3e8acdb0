/// Several encoders' probabilities aligned to the clips under review, so that label review can
/// ask how many of them dispute a label the same way.
public struct EncoderPanel: Sendable {
    /// Encoder names, one per member.
    public let names: [String]
    /// `values[m]`: N×6 row-major probabilities of member m, in the reviewed clips' order.
    public let values: [[Double]]
    /// `present[m][n]`: member m has a prediction for clip n (its values are ignored otherwise).
    public let present: [[Bool]]

    /// One name, value array and presence array per member, all over the same clips.
    public init(names: [String], values: [[Double]], present: [[Bool]]) {
        precondition(values.count == names.count, "one value array per encoder")
        _ = clipAlignedCount(values: values, present: present, per: "encoder")
        self.names = names
        self.values = values
        self.present = present
    }

    /// No encoders: label review then rests on the source alone.
    public static let empty = EncoderPanel(names: [], values: [], present: [])

    /// The number of clips the panel covers; 0 for an empty panel, which fits any clip count.
    public var clipCount: Int { present.first?.count ?? 0 }
}
