/// Pre-extracted features of one encoder: one row of `columns` values per clip, row-major.
/// Every feature reader produces it; the store keeps each row as a BLOB of little-endian Float32.
public struct FeatureMatrix: Sendable, Equatable {
    /// Clip file names (stems or with extension, as the file gave them), one per row.
    public var names: [String]
    public var columns: Int
    public var values: [Float]

    public init(names: [String], columns: Int, values: [Float]) {
        precondition(values.count == names.count * columns, "values must hold names.count × columns")
        self.names = names
        self.columns = columns
        self.values = values
    }

    public var rows: Int { names.count }

    public func row(_ i: Int) -> ArraySlice<Float> { values[(i * columns)..<((i + 1) * columns)] }
}
