import Foundation
import ZIPFoundation

/// Writes `.npz` archives of stored (uncompressed) `.npy` entries, as `np.savez` does, so the
/// demo project ships features that `np.load` opens.
public enum NPZWriter {
    /// Writes `X` (float32, rows × columns) and `filenames` (str) for a feature matrix.
    public static func write(_ matrix: FeatureMatrix, to url: URL) throws {
        try write(
            [
                ("X", NPYWriter.float32Matrix(matrix.values, rows: matrix.rows, columns: matrix.columns)),
                ("filenames", NPYWriter.unicodeStrings(matrix.names)),
            ], to: url)
    }

    /// Writes arrays, each an `.npy` stream stored as the entry `<name>.npy`, replacing any file at
    /// `url`. The archive appears whole or not at all: it is written beside `url`, then moved.
    /// - Throws: the file system's or ZIPFoundation's error when the archive cannot be written.
    public static func write(_ arrays: [(name: String, npy: Data)], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            // Scoped so the archive's file is closed before it is moved into place.
            let archive = try Archive(url: temporary, accessMode: .create)
            for (name, npy) in arrays {
                // numpy stamps every entry 1980-01-01 too: the same arrays give the same bytes.
                try archive.addEntry(
                    with: name + ".npy", type: .file, uncompressedSize: Int64(npy.count), modificationDate: dosEpoch,
                    compressionMethod: .none, bufferSize: 1 << 20
                ) { position, size in
                    npy.subdata(in: (npy.startIndex + Int(position))..<(npy.startIndex + Int(position) + size))
                }
            }
        }
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.moveItem(at: temporary, to: url)
    }

    /// Midnight, 1 January 1980, local time: the earliest date a zip entry can record.
    private static let dosEpoch: Date = {
        var components = DateComponents()
        (components.year, components.month, components.day) = (1980, 1, 1)
        return Calendar(identifier: .gregorian).date(from: components) ?? Date(timeIntervalSince1970: 315_532_800)
    }()
}
