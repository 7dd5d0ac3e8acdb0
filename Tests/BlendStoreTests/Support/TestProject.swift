import Foundation
import XCTest
@testable import BlendStore

/// A project in a fresh temporary directory, removed when the test ends.
final class TestProject {
    let directory: URL
    let store: ProjectStore

    init(_ test: XCTestCase) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("blendstore-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try ProjectStore(at: directory.appendingPathComponent("project.sqlite"))
        let directory = directory
        test.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    }

    /// Writes `text` to a file named `name` in the project's directory.
    func file(_ name: String, _ text: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}

/// The shared fixtures (copied from the challenge's public set), found next to this source tree.
enum Fixtures {
    static let publicSet = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/public_set", isDirectory: true)

    static func publicFile(_ name: String) -> URL { publicSet.appendingPathComponent(name) }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: publicFile(name), encoding: .utf8)
    }
}

extension TestProject {
    /// A small project cut from the public set (the first 40 training and 20 test clips, and
    /// the face encoder's probabilities for them), so that a refused import has real content
    /// to leave untouched without the cost of the whole set.
    static func small(_ test: XCTestCase) throws -> TestProject {
        let project = try TestProject(test)
        func head(_ name: String, _ rows: Int) throws -> [Substring] {
            Array(try Fixtures.text(name).split(whereSeparator: \.isNewline).prefix(rows + 1))
        }
        let train = try head("train_metadata.csv", 40), test = try head("test_metadata.csv", 20)
        let names = Set((train.dropFirst() + test.dropFirst()).map { $0.prefix { $0 != "," } })
        let probs = try Fixtures.text("probs_face.csv").split(whereSeparator: \.isNewline)
        let kept = [probs[0]] + probs.dropFirst().filter { names.contains($0.prefix { $0 != "," }) }
        try project.store.importMetadata(from: project.file("small_train.csv", train.joined(separator: "\n")))
        try project.store.importMetadata(from: project.file("small_test.csv", test.joined(separator: "\n")))
        try project.store.importProbabilities(from: project.file("small_face.csv", kept.joined(separator: "\n")), encoder: "face")
        return project
    }
}

extension TestProject {
    /// The whole public set: both metadata files and the face encoder.
    static func publicSet(_ test: XCTestCase) throws -> TestProject {
        let project = try TestProject(test)
        try project.store.importMetadata(from: Fixtures.publicFile("train_metadata.csv"))
        try project.store.importMetadata(from: Fixtures.publicFile("test_metadata.csv"))
        try project.store.importProbabilities(from: Fixtures.publicFile("probs_face.csv"), encoder: "face")
        return project
    }
}
