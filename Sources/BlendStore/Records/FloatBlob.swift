import Foundation
import GRDB

/// A floating-point type a `FloatBlob` can hold: stored as its bit pattern, so values come
/// back bit for bit (NaNs included).
protocol BlobFloat: Equatable {
    associatedtype Bits: FixedWidthInteger & UnsignedInteger
    var bitPattern: Bits { get }
    init(bitPattern: Bits)
}

extension Float: BlobFloat {}
extension Double: BlobFloat {}

/// A vector of floats stored as a BLOB of little-endian values, 4 or 8 bytes each (a `[Float]`
/// in a Codable record would otherwise become JSON text).
struct FloatBlob<Value: BlobFloat>: DatabaseValueConvertible, Equatable {
    var values: [Value]

    init(_ values: [Value]) { self.values = values }
    init<C: Collection>(_ values: C) where C.Element == Value { self.values = Array(values) }

    private static var width: Int { MemoryLayout<Value.Bits>.size }

    var databaseValue: DatabaseValue {
        let width = Self.width
        var data = Data(count: values.count * width)
        data.withUnsafeMutableBytes { raw in
            for (i, v) in values.enumerated() {
                raw.storeBytes(of: v.bitPattern.littleEndian, toByteOffset: i * width, as: Value.Bits.self)
            }
        }
        return data.databaseValue
    }

    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> FloatBlob? {
        let width = Self.width
        guard let data = Data.fromDatabaseValue(dbValue), data.count % width == 0 else { return nil }
        let count = data.count / width
        let values = data.withUnsafeBytes { raw in
            [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count {
                    let bits = raw.loadUnaligned(fromByteOffset: i * width, as: Value.Bits.self)
                    buffer[i] = Value(bitPattern: Value.Bits(littleEndian: bits))
                }
                initialized = count
            }
        }
        return FloatBlob(values)
    }
}

/// Network parameters, batch-norm state and feature vectors.
typealias Float32Blob = FloatBlob<Float>
/// Values computed in Double (a standardiser's means and scales).
typealias Float64Blob = FloatBlob<Double>
