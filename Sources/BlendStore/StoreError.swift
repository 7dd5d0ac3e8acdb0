/// An input problem, located: `FILE:LINE: what is wrong`. Importers throw it before they
/// write anything, so the store stays exactly as it was.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line (or record) number; nil when the problem concerns the whole file.
    public let line: Int?
    public let message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
