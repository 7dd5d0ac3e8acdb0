/// The emotions present in a label or a prediction, without saliences: one of 16 sets (the
/// six classes alone, or a pair of two of the five non-neutral ones).
public struct LabelSet: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// Bit i set for class i, as ``Label/presenceMask``.
    public let mask: UInt8

    public init(_ label: Label) { mask = label.presenceMask }

    /// The 16 sets in table order: `ang … neu`, then the pairs in class order (`ang+disg`, …).
    public static let all: [LabelSet] = {
        let singles = Emotion.allCases.map { LabelSet(.single($0)) }
        let pairs = Emotion.blendable.flatMap { a in
            Emotion.blendable.filter { $0 > a }.map { LabelSet(.blend(a, 50, $0)) }
        }
        return singles + pairs
    }()

    private static let positionOfMask: [Int8] = {
        var table = [Int8](repeating: -1, count: 64)
        for (i, s) in all.enumerated() { table[Int(s.mask)] = Int8(i) }
        return table
    }()

    /// Place in ``all``.
    public var position: Int { Int(Self.positionOfMask[Int(mask)]) }

    public var emotions: [Emotion] { Emotion.allCases.filter { mask & (1 << UInt8($0.rawValue)) != 0 } }

    public var isPair: Bool { mask.nonzeroBitCount == 2 }

    /// `hap`, `ang+sad`.
    public var description: String { emotions.map(\.code).joined(separator: "+") }

    public static func < (a: LabelSet, b: LabelSet) -> Bool { a.position < b.position }

    /// The set written as in ``description`` (`ang+sad`); nil for anything outside the 16.
    public init?(_ text: String) {
        guard let s = Self.all.first(where: { $0.description == text }) else { return nil }
        self = s
    }

    /// Coded as its ``description``, the form tables and exports show.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let s = LabelSet(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown label set '\(text)'"))
        }
        self = s
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
