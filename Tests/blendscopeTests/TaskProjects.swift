import Foundation
import XCTest

/// The two projects the three tasks (issue 14 item 3) are tried on, each made once per test
/// process and copied for every test that writes: the demo (`SharedDemo`, without videos) and
/// the real predictions of `Data/real/` (both HiCMAE encoders, hicmae-kl imported first and so
/// current, neither keeping thresholds).
enum TaskProjects {
    enum Kind: String { case demo, real }

    static let realData = CLI.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/real")

    private static let realProject: Result<String, any Error> = Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("blendscope-shared-real-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        atexit { TaskProjects.removeReal() }
        let project = dir.appendingPathComponent("real.sqlite").path
        for arguments in [["import", project, "--metadata", realData.appendingPathComponent("train_metadata.csv").path,
                           "--metadata", realData.appendingPathComponent("test_metadata.csv").path],
                          ["import", project, "--probs", realData.appendingPathComponent("probs_hicmae_kl_e100_last.csv").path,
                           "--encoder", "hicmae-kl"],
                          ["import", project, "--probs", realData.appendingPathComponent("probs_hicmae_ce_e100_last.csv").path,
                           "--encoder", "hicmae-ce"]] {
            let r = try CLI.run(arguments)
            guard r.status == 0 else { throw CLI.Failure(message: "blendscope \(arguments.joined(separator: " ")): \(r.stderr)") }
        }
        return project
    }

    private static func removeReal() {
        guard case .success(let project) = realProject else { return }
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: project).deletingLastPathComponent())
    }

    /// A fresh copy of `kind`'s project in a scratch folder of `test` (`demo.sqlite` or
    /// `real.sqlite`: the name the header shows, so the goldens do not depend on the folder).
    static func copy(_ kind: Kind, for test: XCTestCase) throws -> String {
        let source = kind == .demo ? try SharedDemo.project() : try realProject.get()
        let dir = try CLI.scratchDirectory(test)
        let project = dir.appendingPathComponent("\(kind.rawValue).sqlite").path
        try FileManager.default.copyItem(atPath: source, toPath: project)
        return project
    }
}
