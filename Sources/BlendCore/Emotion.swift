/// The six BLEMORE classes, in the challenge's order everywhere (arrays, columns, files).
public enum Emotion: Int, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case ang = 0, disg, fea, hap, sad, neu

    public static let count = 6
    /// The five emotions that can take part in a blend.
    public static let blendable: [Emotion] = [.ang, .disg, .fea, .hap, .sad]
    /// `code` of each class in class order, built once (`allCases` is a new array per use).
    public static let codes: [String] = allCases.map(\.code)

    /// The challenge's short name (`ang`, `disg`, ...), as in file names and CSV headers.
    public var code: String { codeBytes.description }

    /// `code` as a static string, for the clip-name parser's byte comparisons.
    var codeBytes: StaticString {
        switch self {
        case .ang: "ang"
        case .disg: "disg"
        case .fea: "fea"
        case .hap: "hap"
        case .sad: "sad"
        case .neu: "neu"
        }
    }

    public var title: String {
        switch self {
        case .ang: "anger"
        case .disg: "disgust"
        case .fea: "fear"
        case .hap: "happiness"
        case .sad: "sadness"
        case .neu: "neutral"
        }
    }

    public init?(code: String) {
        guard let e = Emotion.allCases.first(where: { $0.code == code }) else { return nil }
        self = e
    }

    public static func < (a: Emotion, b: Emotion) -> Bool { a.rawValue < b.rawValue }
}
