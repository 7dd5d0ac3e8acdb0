import BlendCore
import Foundation
import XCTest

/// Builds projects for the fusion verbs through the real binary's importers.
enum FusionProjectCLI {
    /// A project at `dir/p.sqlite` with `inputs`' clips and encoders; returns its path.
    static func make(_ inputs: FusionInputs, in dir: URL) throws -> String {
        let project = dir.appendingPathComponent("p.sqlite").path
        var meta = "filename,fold\n"
        for c in inputs.clips { meta += "\(c.name),\(c.fold.map(String.init) ?? "-1")\n" }
        let metaFile = dir.appendingPathComponent("meta.csv")
        try Data(meta.utf8).write(to: metaFile)
        try check(CLI.run(["import", project, "--metadata", metaFile.path]))
        for (m, name) in inputs.encoders.enumerated() {
            var csv = "filename,ang,disg,fea,hap,sad,neu\n"
            for (i, c) in inputs.clips.enumerated() where inputs.present[m][i] {
                csv += c.name + "," + (0..<6).map { String(inputs.probabilities[m][i * 6 + $0]) }.joined(separator: ",") + "\n"
            }
            let file = dir.appendingPathComponent("\(name).csv")
            try Data(csv.utf8).write(to: file)
            try check(CLI.run(["import", project, "--probs", file.path, "--encoder", name, "--normalize"]))
        }
        return project
    }

    private static func check(_ r: CLI.Result) throws {
        guard r.status == 0 else { throw CLI.Failure(message: r.stderr) }
    }

    /// The JSON objects of a `--json` job's output, one per line.
    static func lines(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map {
            guard let o = try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] else {
                throw CLI.Failure(message: "not a JSON object: \($0)")
            }
            return o
        }
    }
}
