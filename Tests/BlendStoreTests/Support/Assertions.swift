import XCTest
import BlendCore
import BlendTestSupport
@testable import BlendStore

extension XCTestCase {
    /// Runs `action`, expects an `InputError` at `line` of `file` with exactly `message`, and
    /// checks that every table of `store` is exactly as it was before.
    func assertRefused<T>(_ store: ProjectStore, file: URL, line: Int?, _ message: String,
                          _ action: () throws -> T,
                          sourceFile: StaticString = #filePath, sourceLine: UInt = #line) throws {
        let before = try store.contentSnapshot()
        do {
            _ = try action()
            XCTFail("expected: \(message)", file: sourceFile, line: sourceLine)
        } catch let error as InputError {
            XCTAssertEqual(error.file, file.relativePath, file: sourceFile, line: sourceLine)
            XCTAssertEqual(error.line, line, file: sourceFile, line: sourceLine)
            XCTAssertEqual(error.message, message, file: sourceFile, line: sourceLine)
        } catch {
            XCTFail("unexpected error \(error)", file: sourceFile, line: sourceLine)
        }
        XCTAssertEqual(try store.contentSnapshot(), before, "the failed import changed the store",
                       file: sourceFile, line: sourceLine)
    }

    /// Writes `csv` as `name` in `project` and expects importing it as metadata (with `split`)
    /// to be refused at `line` with exactly `message`, the store unchanged.
    func assertMetadataRefused(_ project: TestProject, _ name: String, _ csv: String, split: Split? = nil,
                               line: Int?, _ message: String,
                               sourceFile: StaticString = #filePath, sourceLine: UInt = #line) throws {
        let url = try project.file(name, csv)
        try assertRefused(project.store, file: url, line: line, message, { try project.store.importMetadata(from: url, split: split) },
                          sourceFile: sourceFile, sourceLine: sourceLine)
    }

    /// Expects each case's rows, under `MetadataCSV.header`, to be refused at its last row's
    /// line with exactly the case's message, the store unchanged: the bad rows of one rule.
    func assertMetadataRowsRefused(_ project: TestProject, _ cases: [(rows: [String], message: String)],
                                   split: Split? = nil,
                                   sourceFile: StaticString = #filePath, sourceLine: UInt = #line) throws {
        for (rows, message) in cases {
            try assertMetadataRefused(project, "m.csv", MetadataCSV.header + rows.joined(separator: "\n") + "\n", split: split,
                                      line: rows.count + 1, message, sourceFile: sourceFile, sourceLine: sourceLine)
        }
    }
}
