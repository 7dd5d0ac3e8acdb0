import Foundation
import GRDB

/// A vector of Float32 stored as a BLOB of little-endian values, 4 bytes each (a `[Float]` in
/// a Codable record would otherwise become JSON text).
struct Float32Blob: DatabaseValueConvertible, Equatable {
    var values: [Float]

    init(_ values: [Float]) { self.values = values }
    init<C: Collection>(_ values: C) where C.Element == Float { self.values = Array(values) }

    var databaseValue: DatabaseValue {
        var data = Data(count: values.count * 4)
        data.withUnsafeMutableBytes { raw in
            for (i, v) in values.enumerated() {
                raw.storeBytes(of: v.bitPattern.littleEndian, toByteOffset: i * 4, as: UInt32.self)
            }
        }
        return data.databaseValue
    }

    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Float32Blob? {
        guard let data = Data.fromDatabaseValue(dbValue), data.count % 4 == 0 else { return nil }
        let count = data.count / 4
        let values = data.withUnsafeBytes { raw in
            [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count {
                    let bits = raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)
                    buffer[i] = Float(bitPattern: UInt32(littleEndian: bits))
                }
                initialized = count
            }
        }
        return Float32Blob(values)
    }
}
