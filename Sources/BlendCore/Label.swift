/// A label or a prediction: one emotion alone, or a blend of two with saliences that add to 100.
///
/// Stored canonically: `first` has the lower class index. Two labels have the same *presence*
/// when their emotion sets are equal, and the same *salience* when they are equal outright.
public struct Label: Hashable, Sendable, Codable, CustomStringConvertible {
    public let first: Emotion
    public let second: Emotion?
    /// Salience of `first` in percent: 100 alone, else 50, 70 or 30.
    public let firstSalience: Int

    public static func single(_ e: Emotion) -> Label { Label(first: e, second: nil, firstSalience: 100) }

    /// A blend of two different non-neutral emotions; `salienceA` is `a`'s share (50, 70 or 30).
    /// So every label falls in one of the 16 presence sets of the confusion tables.
    public static func blend(_ a: Emotion, _ salienceA: Int, _ b: Emotion) -> Label {
        precondition(a != b && a != .neu && b != .neu, "a blend mixes two different non-neutral emotions")
        return a < b
            ? Label(first: a, second: b, firstSalience: salienceA)
            : Label(first: b, second: a, firstSalience: 100 - salienceA)
    }

    private init(first: Emotion, second: Emotion?, firstSalience: Int) {
        self.first = first
        self.second = second
        self.firstSalience = firstSalience
    }

    public var isBlend: Bool { second != nil }
    public var secondSalience: Int { 100 - firstSalience }

    /// The emotion set as a bit mask (bit i = class i): equal masks mean equal presence.
    public var presenceMask: UInt8 {
        var m = UInt8(1) << UInt8(first.rawValue)
        if let s = second { m |= UInt8(1) << UInt8(s.rawValue) }
        return m
    }

    public var emotions: [Emotion] { second.map { [first, $0] } ?? [first] }

    public enum Kind: String, Sendable, CaseIterable, Codable {
        case single, even = "50/50", uneven = "70/30"
    }

    public var kind: Kind {
        guard isBlend else { return .single }
        return firstSalience == 50 ? .even : .uneven
    }

    public func samePresence(as other: Label) -> Bool { first == other.first && second == other.second }

    /// The conformance files' spelling: `neu:100`, `ang:30;sad:70` (class order).
    public var description: String {
        guard let s = second else { return "\(first.code):100" }
        return "\(first.code):\(firstSalience);\(s.code):\(secondSalience)"
    }

    /// Compact human form: `ang`, `ang=hap` (50/50), `ang>fea` (70/30, larger first).
    public var short: String {
        guard let s = second else { return first.code }
        switch firstSalience {
        case 50: return "\(first.code)=\(s.code)"
        case 70: return "\(first.code)>\(s.code)"
        default: return "\(s.code)>\(first.code)"
        }
    }

    /// Parses `description`'s spelling back.
    public init?(_ text: String) {
        // Every stored label is in its canonical spelling: one lookup instead of the parse.
        if let known = Self.canonical[text] {
            self = known
            return
        }
        let parts = text.split(separator: ";").map { $0.split(separator: ":") }
        guard parts.allSatisfy({ $0.count == 2 }) else { return nil }
        let items = parts.compactMap { p -> (Emotion, Int)? in
            guard let e = Emotion(code: String(p[0])), let s = Int(p[1]) else { return nil }
            return (e, s)
        }
        guard items.count == parts.count else { return nil }
        switch items.count {
        case 1 where items[0].1 == 100:
            self = .single(items[0].0)
        case 2 where items[0].0 != items[1].0 && items[0].0 != .neu && items[1].0 != .neu
            && items[0].1 + items[1].1 == 100
            && [30, 50, 70].contains(items[0].1):
            self = .blend(items[0].0, items[0].1, items[1].0)
        default:
            return nil
        }
    }

    /// Every label by its `description`: the 6 single emotions and the 10 blends at 3 saliences.
    private static let canonical: [String: Label] = {
        var labels = Emotion.allCases.map(Label.single)
        for (i, a) in Emotion.blendable.enumerated() {
            for b in Emotion.blendable[(i + 1)...] {
                labels += [30, 50, 70].map { Label.blend(a, $0, b) }
            }
        }
        return Dictionary(uniqueKeysWithValues: labels.map { ($0.description, $0) })
    }()
}
