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

/// A request the project cannot satisfy (as opposed to bad input files, see `InputError`).
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The project file does not exist and opening was asked not to create it.
    case noProject(String)
    /// The file was written by a newer blendscope, with migrations this one does not know.
    case newerSchema(String)
    /// The file exists but is no blendscope project: not SQLite at all, or another program's
    /// database (the reason says which).
    case notAProject(String, reason: String)
    case unknownEncoder(String)
    case unknownFusion(String)
    case unknownClip(String)
    case unknownJob(Int64)
    /// A note id the project does not hold (deleted meanwhile, or never there).
    case unknownNote(Int64)
    /// A threshold outside [0, 1]; `name` is α or β.
    case thresholdOutOfRange(name: String, value: Double)
    /// Saving a fusion under a name taken, without `replace`.
    case fusionExists(String)
    /// Deleting an encoder that saved fusions still use.
    case encoderInUse(String, fusions: [String])
    /// Creating a new-only project at a path another process took meanwhile.
    case createdMeanwhile(String)
    /// Any other value the store refuses (a bad weight, an empty name, a malformed record):
    /// shown, never matched by callers — a kind callers react to gets its own case.
    case invalid(String)
    /// Content that cannot have been written by blendscope (e.g. a hand-edited row).
    case corrupt(String)
    /// SQLite could not do what was asked of the project file at `path`.
    case database(path: String, DatabaseProblem)
    /// The path names something that is not a file (a folder, a FIFO, a device).
    case notAFile(String, kind: String)

    public var description: String {
        switch self {
        case .noProject(let path): "\(path): no such project (import metadata first to create it)"
        case .newerSchema(let path): "\(path): written by a newer blendscope; upgrade to open it"
        case .notAProject(let path, let reason): "\(path): not a blendscope project (\(reason))"
        case .unknownEncoder(let name): "no encoder named '\(name)' in the project"
        case .unknownFusion(let name): "no fusion named '\(name)' in the project"
        case .unknownClip(let name): "no clip named '\(name)' in the project"
        case .unknownJob(let id): "no job with id \(id) in the project"
        case .unknownNote(let id): "no note with id \(id)"
        case .thresholdOutOfRange(let name, let value): "\(name) must lie in [0, 1], got \(value)"
        case .fusionExists(let name): "a fusion named '\(name)' already exists"
        case .encoderInUse(let name, let users):
            "encoder '\(name)' is used by fusion\(users.count == 1 ? "" : "s") "
                + users.map { "'\($0)'" }.joined(separator: ", ") + "; delete \(users.count == 1 ? "it" : "them") first"
        case .createdMeanwhile(let path): "\(path) was created by another process meanwhile; nothing was changed"
        case .invalid(let why): why
        case .corrupt(let why): "corrupt project: \(why)"
        case .database(let path, let problem): problem.message(path: path)
        case .notAFile(let path, let kind): "\(path): is \(kind), not a project file"
        }
    }
}
