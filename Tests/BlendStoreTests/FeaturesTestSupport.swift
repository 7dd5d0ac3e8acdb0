import Foundation
import XCTest
@testable import BlendStore

/// The numpy-written fixtures (see Fixtures/features/make_fixtures.py), found beside this file.
enum FeatureFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/features", isDirectory: true)

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// The names and values make_fixtures.py writes: row r, column c holds r + c / 4.
    static let names = ["A102_ang_int1_ver1", "A303_neu_sit2_ver1", "A438_mix_disg_hap_30_70_ver1", "A55_sad_int2_ver1"]
    static func value(row: Int, column: Int) -> Float { Float(row) + Float(column) / 4 }
    static func matrix(rows: Int, columns: Int) -> [Float] {
        (0..<rows).flatMap { row in (0..<columns).map { value(row: row, column: $0) } }
    }
}

/// A scratch directory removed when the test ends.
final class FeatureScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("blendscope-features-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ data: Data, as name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try data.write(to: file)
        return file
    }
}

/// Asserts that `body` throws exactly this `InputError`.
func assertFeatureError<T>(
    _ body: @autoclosure () throws -> T, file errorFile: String, line errorLine: Int? = nil, _ message: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        let value = try body()
        XCTFail("expected an error, got \(value)", file: file, line: line)
    } catch let error as InputError {
        XCTAssertEqual(error, InputError(file: errorFile, line: errorLine, message), file: file, line: line)
    } catch {
        XCTFail("expected an InputError, got \(error)", file: file, line: line)
    }
}
