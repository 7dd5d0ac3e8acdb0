import BlendCore
import GRDB

/// What the project's views and `eval` use by default: an encoder or a saved fusion.
public enum SourceRef: Sendable, Hashable, Codable, CustomStringConvertible {
    case encoder(String)
    case fusion(String)

    public var name: String {
        switch self {
        case .encoder(let n), .fusion(let n): n
        }
    }

    /// `encoder` or `fusion`, as stored.
    public var kind: String {
        switch self {
        case .encoder: "encoder"
        case .fusion: "fusion"
        }
    }

    public var description: String { "\(kind) \(name)" }
}

/// The project's current source and thresholds (what the TUI opens on).
public struct ProjectSettings: Sendable, Hashable, Codable {
    /// Nil until `updateSettings` names one.
    public var currentSource: SourceRef?
    public var thresholds: Thresholds

    public init(currentSource: SourceRef?, thresholds: Thresholds) {
        self.currentSource = currentSource
        self.thresholds = thresholds
    }
}

extension ProjectStore {
    /// The current settings. A new project has no source and α 0.1, β 0.2.
    public func settings() throws -> ProjectSettings {
        try pool.read { db in try Self.readSettings(db) }
    }

    /// Changes what is given and keeps the rest; returns the settings now in force.
    ///
    /// - Throws: `StoreError.unknownEncoder` / `.unknownFusion` for a source the project does
    ///   not have, `StoreError.thresholdOutOfRange` for a threshold outside [0, 1].
    @discardableResult
    public func updateSettings(source: SourceRef? = nil, alpha: Double? = nil, beta: Double? = nil) throws -> ProjectSettings {
        for (name, value) in [("α", alpha), ("β", beta)] {
            if let value, !(value >= 0 && value <= 1) {
                throw StoreError.thresholdOutOfRange(name: name, value: value)
            }
        }
        return try pool.write { db in
            if let source {
                switch source {
                case .encoder(let name):
                    guard try EncoderRow.id(db, name: name) != nil else { throw StoreError.unknownEncoder(name) }
                case .fusion(let name):
                    guard try FusionRow.filter(Column("name") == name).fetchCount(db) > 0 else {
                        throw StoreError.unknownFusion(name)
                    }
                }
                try db.execute(sql: "UPDATE settings SET source_kind = ?, source_name = ? WHERE id = 1",
                               arguments: [source.kind, source.name])
            }
            if let alpha { try db.execute(sql: "UPDATE settings SET alpha = ? WHERE id = 1", arguments: [alpha]) }
            if let beta { try db.execute(sql: "UPDATE settings SET beta = ? WHERE id = 1", arguments: [beta]) }
            return try Self.readSettings(db)
        }
    }

    private static func readSettings(_ db: Database) throws -> ProjectSettings {
        guard let row = try Row.fetchOne(db, sql: "SELECT source_kind, source_name, alpha, beta FROM settings WHERE id = 1") else {
            throw StoreError.corrupt("the settings row is missing")
        }
        let r = CheckedRow(row, table: "settings", name: "id 1")
        var source: SourceRef?
        switch (try r.optional(0, "source_kind", as: String.self), try r.optional(1, "source_name", as: String.self)) {
        case ("encoder", let name?): source = .encoder(name)
        case ("fusion", let name?): source = .fusion(name)
        case (nil, _): source = nil
        case (let kind?, _): throw r.corrupt("source_kind", "'\(kind)' is not encoder or fusion")
        }
        return ProjectSettings(currentSource: source, thresholds: Thresholds(alpha: try r.unit(2, "alpha"), beta: try r.unit(3, "beta")))
    }
}
