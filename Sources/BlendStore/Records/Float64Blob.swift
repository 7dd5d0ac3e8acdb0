import Foundation
import GRDB

/// A vector of Float64 stored as a BLOB of little-endian values, 8 bytes each: for values
/// computed in Double (a standardiser's means and scales) that must come back bit for bit.
struct Float64Blob: DatabaseValueConvertible, Equatable {
    var values: [Double]

    init(_ values: [Double]) { self.values = values }

    var databaseValue: DatabaseValue {
        var data = Data(count: values.count * 8)
        data.withUnsafeMutableBytes { raw in
            for (i, v) in values.enumerated() {
                raw.storeBytes(of: v.bitPattern.littleEndian, toByteOffset: i * 8, as: UInt64.self)
            }
        }
        return data.databaseValue
    }

    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Float64Blob? {
        guard let data = Data.fromDatabaseValue(dbValue), data.count % 8 == 0 else { return nil }
        let count = data.count / 8
        let values = data.withUnsafeBytes { raw in
            (0..<count).map { i in
                Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)))
            }
        }
        return Float64Blob(values)
    }
}
