import Foundation
import XCTest

/// The public set with both encoders, a saved fusion `late` (`fuse --rounds 3`) and a
/// duration for every clip written by hand (1.5–4.4 s by clip id, as if videos were linked):
/// a project every figure kind and every report section has something to show for.
enum ReportProject {
    static func make(in dir: URL) throws -> String {
        let project = try HandProject.publicSet(in: dir)
        let r = try CLI.run(["fuse", project, "--rounds", "3", "--as", "late"])
        guard r.status == 0 else { throw CLI.Failure(message: "fuse: \(r.stderr)") }
        try PublicSetProject.sqlite(project, "UPDATE clip SET duration = 1.5 + (id % 30) * 0.1;")
        return project
    }
}
