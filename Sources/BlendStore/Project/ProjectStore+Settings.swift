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

/// The project's current source and the thresholds it keeps (what the TUI opens on).
public struct ProjectSettings: Sendable, Hashable, Codable {
    /// Nil until a source is imported or `updateSettings` names one.
    public var currentSource: SourceRef?
    /// The current source's stored thresholds (`storedThresholds(for:)`); nil when it has none
    /// and is decoded at its own best (BlendApp's rule).
    public var thresholds: Thresholds?

    public init(currentSource: SourceRef?, thresholds: Thresholds?) {
        self.currentSource = currentSource
        self.thresholds = thresholds
    }
}

extension ProjectStore {
    /// The current source and its stored thresholds. A new project has neither.
    public func settings() throws -> ProjectSettings {
        try pool.read { db in try Self.readSettings(db) }
    }

    /// Whether the project has `source` (an encoder with or without probabilities, or a saved
    /// fusion): one indexed lookup, cheap enough for every verb's start.
    public func hasSource(_ source: SourceRef) throws -> Bool {
        try pool.read { db in try Self.exists(db, source) }
    }

    /// The thresholds `source` keeps: the ones stored for it (`use`, the workbench, accepting a
    /// fusion), else for a fusion the ones it was chosen with; nil for an encoder without any.
    ///
    /// - Throws: `StoreError.unknownEncoder` / `.unknownFusion` for a source the project lacks; a stored row out of
    ///   range names table, source and column.
    public func storedThresholds(for source: SourceRef) throws -> Thresholds? {
        try pool.read { db in try Self.storedThresholds(db, for: source) }
    }

    /// Makes `source` current (when given) and stores `thresholds` for it, or for the current
    /// source when `source` is nil; returns the settings now in force.
    ///
    /// - Throws: `StoreError.unknownEncoder` / `.unknownFusion` for a source the project does
    ///   not have, `StoreError.thresholdOutOfRange` for a threshold outside [0, 1],
    ///   `StoreError.invalid` for thresholds with no source to keep them.
    @discardableResult
    public func updateSettings(source: SourceRef? = nil, thresholds: Thresholds? = nil) throws -> ProjectSettings {
        if let thresholds {
            for (name, value) in [("α", thresholds.alpha), ("β", thresholds.beta)] where !(value >= 0 && value <= 1) {
                throw StoreError.thresholdOutOfRange(name: name, value: value)
            }
        }
        return try pool.write { db in
            if let source {
                try Self.checkExists(db, source)
                try db.execute(sql: "UPDATE settings SET source_kind = ?, source_name = ? WHERE id = 1",
                               arguments: [source.kind, source.name])
            }
            if let thresholds {
                guard let owner = try source ?? Self.readSettings(db).currentSource else {
                    throw StoreError.invalid("thresholds need a source to keep them (name one, or import probabilities first)")
                }
                try db.execute(sql: """
                    INSERT INTO source_thresholds (source_kind, source_name, alpha, beta) VALUES (?, ?, ?, ?)
                    ON CONFLICT (source_kind, source_name) DO UPDATE SET alpha = excluded.alpha, beta = excluded.beta
                    """, arguments: [owner.kind, owner.name, thresholds.alpha, thresholds.beta])
            }
            return try Self.readSettings(db)
        }
    }

    private static func checkExists(_ db: Database, _ source: SourceRef) throws {
        guard try exists(db, source) else {
            switch source {
            case .encoder(let name): throw StoreError.unknownEncoder(name)
            case .fusion(let name): throw StoreError.unknownFusion(name)
            }
        }
    }

    private static func exists(_ db: Database, _ source: SourceRef) throws -> Bool {
        switch source {
        case .encoder(let name): try EncoderRow.id(db, name: name) != nil
        case .fusion(let name): try FusionRow.filter(Column("name") == name).fetchCount(db) > 0
        }
    }

    static func storedThresholds(_ db: Database, for source: SourceRef) throws -> Thresholds? {
        if let row = try Row.fetchOne(db, sql: """
            SELECT alpha, beta FROM source_thresholds WHERE source_kind = ? AND source_name = ?
            """, arguments: [source.kind, source.name]) {
            let r = CheckedRow(row, table: "source_thresholds", name: source.description)
            return Thresholds(alpha: try r.unit(0, "alpha"), beta: try r.unit(1, "beta"))
        }
        guard case .fusion(let name) = source else {
            guard try exists(db, source) else { throw StoreError.unknownEncoder(source.name) }
            return nil
        }
        guard let row = try FusionRow.filter(Column("name") == name).fetchOne(db) else { throw StoreError.unknownFusion(name) }
        return try fusion(db, row: row).spec.thresholds
    }

    private static func readSettings(_ db: Database) throws -> ProjectSettings {
        guard let row = try Row.fetchOne(db, sql: "SELECT source_kind, source_name FROM settings WHERE id = 1") else {
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
        // A current source that is gone (a hand-edited file) keeps no thresholds; the verbs
        // that read it say it is missing.
        var thresholds: Thresholds?
        if let source, try exists(db, source) { thresholds = try storedThresholds(db, for: source) }
        return ProjectSettings(currentSource: source, thresholds: thresholds)
    }
}
