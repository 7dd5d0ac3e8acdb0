import BlendCore
import Foundation

/// Times `scripts/uncertainty_reference.py` (vectorised numpy) on the very clips the bench
/// times blendscope on, for the ratio column of `bench --uncertainty`.
public enum UncertaintyNumpy {
    /// numpy's medians by benchmark name (`names` in UncertaintyBenchmarks' order), or nil with a
    /// warning (handed to `warn`) when python3, numpy or the script is missing.
    public static func times(demo: ScoredClips, large: ScoredClips?, names: [String], directory: URL, repeats: Int,
                             warn: (String) -> Void) -> [String: Double]? {
        guard let script = scriptURL() else {
            warn("bench --uncertainty: scripts/uncertainty_reference.py not found (run from the repository root); no numpy figures")
            return nil
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var out = [String: Double]()
            let demoTimes = try run(script, demo, only: ["fixed", "best", "actor_test", "fold_test"], name: "demo",
                                    directory: directory, repeats: repeats)
            for (key, name) in zip(["fixed", "best", "actor_test", "fold_test"], names) { out[name] = demoTimes[key] }
            if let large, names.count > 4 {
                out[names[4]] = try run(script, large, only: ["fixed"], name: "large", directory: directory, repeats: repeats)["fixed"]
            }
            return out
        } catch {
            warn("bench --uncertainty: the numpy reference did not run (\(error)); no numpy figures")
            return nil
        }
    }

    private static func scriptURL() -> URL? {
        let relative = "scripts/uncertainty_reference.py"
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: here.path) { return here }
        // .build/<config>/blendscope → the repository root three levels up.
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let root = exe.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let beside = root.appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: beside.path) ? beside : nil
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private static func run(_ script: URL, _ clips: ScoredClips, only: [String], name: String, directory: URL,
                            repeats: Int) throws -> [String: Double] {
        var metadata = "filename,fold\n", probs = "filename,ang,disg,fea,hap,sad,neu\n"
        for (n, c) in clips.clips.enumerated() {
            metadata += "\(c.name),\(c.fold.map(String.init) ?? "")\n"
            probs += c.name + "," + clips.probabilities(of: n).map { String($0) }.joined(separator: ",") + "\n"
        }
        let metadataURL = directory.appendingPathComponent("\(name)-metadata.csv")
        let probsURL = directory.appendingPathComponent("\(name)-probs.csv")
        try metadata.write(to: metadataURL, atomically: true, encoding: .utf8)
        try probs.write(to: probsURL, atomically: true, encoding: .utf8)
        let best = SweepIndex(clips).sweep(grid: .official).best.thresholds
        let arguments = ["python3", script.path, "--metadata", metadataURL.path, "--probs", probsURL.path,
                         "--alpha", "\(best.alpha)", "--beta", "\(best.beta)", "--replicates", "2000",
                         "--permutations", "2000", "--time", "--repeats", "\(repeats)", "--only"] + only
        let run = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), arguments)
        guard run.status == 0 else {
            throw Failure(description: String(decoding: run.stderr, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "exit \(run.status)")
        }
        guard let object = try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any],
              let times = object["times_ms"] as? [String: Double] else {
            throw Failure(description: "unexpected output")
        }
        return times
    }
}
