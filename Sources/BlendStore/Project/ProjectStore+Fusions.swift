import BlendCore
import Foundation
import GRDB

/// One encoder's share in a late fusion.
public struct FusionWeight: Sendable, Hashable, Codable {
    public var encoder: String
    public var weight: Double

    public init(encoder: String, weight: Double) {
        self.encoder = encoder
        self.weight = weight
    }
}

/// A late fusion to save: `p = Σ w·p_encoder` with weights ≥ 0 summing to 1, then the
/// decision rule at `thresholds`.
public struct FusionSpec: Sendable, Hashable, Codable {
    public var name: String
    public var weights: [FusionWeight]
    public var thresholds: Thresholds
    /// How the weights were found (`manual`, `coordinate-ascent`, ...).
    public var method: String
    /// Score measured out of sample (thresholds and weights chosen on other folds).
    public var honestScore: Double?
    /// Score measured on the clips that chose the weights and thresholds.
    public var inSampleScore: Double?
    /// The fused encoder holding this fusion's probabilities, if they were stored.
    public var outputEncoder: String?
    /// Free text (or JSON): folds, grid, seed, the command that made it.
    public var provenance: String?

    public init(name: String, weights: [FusionWeight], thresholds: Thresholds, method: String,
                honestScore: Double? = nil, inSampleScore: Double? = nil, outputEncoder: String? = nil,
                provenance: String? = nil) {
        self.name = name
        self.weights = weights
        self.thresholds = thresholds
        self.method = method
        self.honestScore = honestScore
        self.inSampleScore = inSampleScore
        self.outputEncoder = outputEncoder
        self.provenance = provenance
    }
}

/// A fusion as the project keeps it.
public struct SavedFusion: Sendable, Hashable, Codable {
    public let spec: FusionSpec
    public let created: Date
}

extension ProjectStore {
    /// Tolerance on the weights' sum: optimisers normalise in floating point.
    static let weightSumTolerance = 1e-6

    /// Saves a fusion; an existing one of that name is refused unless `replace`.
    ///
    /// - Throws: `StoreError.invalid` for an empty name or one `TextRules` forbids, no weights, a repeated encoder, a
    ///   negative or non-finite weight, weights not summing to 1 (±1e-6), thresholds outside
    ///   [0, 1] or a name already taken; `StoreError.unknownEncoder` for a weight's or the
    ///   output's encoder the project lacks.
    @discardableResult
    public func saveFusion(_ spec: FusionSpec, replace: Bool = false) throws -> SavedFusion {
        let name = spec.name.trimmingSpaces
        guard !name.isEmpty else { throw StoreError.invalid("a fusion needs a non-empty name") }
        try TextRules.check(name, as: "fusion name", or: StoreError.invalid)
        guard !spec.weights.isEmpty else { throw StoreError.invalid("fusion '\(name)' has no weights") }
        guard Set(spec.weights.map(\.encoder)).count == spec.weights.count else {
            throw StoreError.invalid("fusion '\(name)' names an encoder twice")
        }
        guard spec.weights.allSatisfy({ $0.weight.isFinite && $0.weight >= 0 }) else {
            throw StoreError.invalid("fusion '\(name)' has a negative or non-finite weight")
        }
        let sum = spec.weights.reduce(0) { $0 + $1.weight }
        guard abs(sum - 1) <= Self.weightSumTolerance else {
            throw StoreError.invalid("fusion '\(name)' weights sum to \(sum), not 1")
        }
        let t = spec.thresholds
        guard t.alpha >= 0 && t.alpha <= 1 && t.beta >= 0 && t.beta <= 1 else {
            throw StoreError.invalid("fusion '\(name)' thresholds must lie in [0, 1]")
        }
        let weightsJSON = String(decoding: try JSONEncoder().encode(spec.weights), as: UTF8.self)
        return try pool.write { db in
            for w in spec.weights where try EncoderRow.id(db, name: w.encoder) == nil {
                throw StoreError.unknownEncoder(w.encoder)
            }
            var outputID: Int64?
            if let output = spec.outputEncoder {
                guard let id = try EncoderRow.id(db, name: output) else { throw StoreError.unknownEncoder(output) }
                outputID = id
            }
            if try FusionRow.filter(Column("name") == name).fetchCount(db) > 0 {
                guard replace else { throw StoreError.fusionExists(name) }
                try FusionRow.filter(Column("name") == name).deleteAll(db)
                // A replaced fusion is another system: it starts at the thresholds it was chosen with.
                try db.execute(sql: "DELETE FROM source_thresholds WHERE source_kind = 'fusion' AND source_name = ?",
                               arguments: [name])
            }
            var row = FusionRow(id: nil, name: name, weights: weightsJSON, alpha: t.alpha, beta: t.beta,
                                method: spec.method, honestScore: spec.honestScore, inSampleScore: spec.inSampleScore,
                                created: Date(), outputEncoderId: outputID, provenance: spec.provenance)
            try row.insert(db)
            guard let stored = try FusionRow.fetchOne(db, key: row.id) else {
                throw StoreError.corrupt("table fusion, fusion '\(name)': the row just written cannot be read back")
            }
            return try Self.fusion(db, row: stored)
        }
    }

    /// Every saved fusion, oldest first.
    public func fusions() throws -> [SavedFusion] {
        try pool.read { db in try FusionRow.order(Column("id")).fetchAll(db).map { try Self.fusion(db, row: $0) } }
    }

    /// The fusion named `name`.
    ///
    /// - Throws: `StoreError.unknownFusion`.
    public func fusion(named name: String) throws -> SavedFusion {
        try pool.read { db in
            guard let row = try FusionRow.filter(Column("name") == name).fetchOne(db) else { throw StoreError.unknownFusion(name) }
            return try Self.fusion(db, row: row)
        }
    }

    static func fusion(_ db: Database, row: FusionRow) throws -> SavedFusion {
        guard let weights = try? JSONDecoder().decode([FusionWeight].self, from: Data(row.weights.utf8)) else {
            throw StoreError.corrupt("table fusion, fusion '\(row.name)', column weights: not a list of encoder weights")
        }
        if let bad = weights.first(where: { !($0.weight.isFinite && $0.weight >= 0) }) {
            throw StoreError.corrupt("table fusion, fusion '\(row.name)', column weights: \(bad.encoder) has weight \(bad.weight)")
        }
        for (column, value) in [("alpha", row.alpha), ("beta", row.beta)] where !(value >= 0 && value <= 1) {
            throw StoreError.corrupt("table fusion, fusion '\(row.name)', column \(column): \(value) is outside [0, 1]")
        }
        let output = try row.outputEncoderId.flatMap {
            try String.fetchOne(db, sql: "SELECT name FROM encoder WHERE id = ?", arguments: [$0])
        }
        let spec = FusionSpec(name: row.name, weights: weights, thresholds: Thresholds(alpha: row.alpha, beta: row.beta),
                              method: row.method, honestScore: row.honestScore, inSampleScore: row.inSampleScore,
                              outputEncoder: output, provenance: row.provenance)
        return SavedFusion(spec: spec, created: row.created)
    }
}
