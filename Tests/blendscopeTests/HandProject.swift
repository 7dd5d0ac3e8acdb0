import Foundation
import XCTest

/// A tiny project made by hand and imported through the binary, whose analyses are worked out
/// by hand in the tests that use it. All blends mix ang and hap; the rest of each row is
/// spread evenly over the other four classes, below both.
///
/// - A1 (fold 0): 50/50 blends with margins .20, .10, .20 and a 70/30 with margin .30;
/// - A2 (fold 1): two 70/30 blends with tiny margins .08 and .06;
/// - A3 (fold 2): one `hap` clip (hap .8);
/// - A9 (test): `sad` (sad .9) and an ang/sad 50/50 blend (ang .40, sad .38).
///
/// On the official β values (.05, .0974, .1447, .1921, .2395, .2868, .3342, …) at α .1, A1's
/// blends are right 1, 1, 2, 2, 4, 4, 3, … times, A2's 2, 0, 0, …: the whole set's best β is
/// .2395, A2's is .05. A9's blend is right at every β.
enum HandProject {
    static let rows: [(name: String, fold: Int?, p: [Double])] = [
        ("A1_mix_ang_hap_50_50_ver1", 0, blend(0.45, 0.25)),
        ("A1_mix_ang_hap_50_50_ver2", 0, blend(0.40, 0.30)),
        ("A1_mix_ang_hap_70_30_ver1", 0, blend(0.50, 0.20)),
        ("A1_mix_ang_hap_50_50_ver3", 0, blend(0.45, 0.25)),
        ("A2_mix_ang_hap_70_30_ver1", 1, blend(0.40, 0.32)),
        ("A2_mix_ang_hap_70_30_ver2", 1, blend(0.39, 0.33)),
        ("A3_hap_int1_ver1", 2, [0.04, 0.04, 0.04, 0.8, 0.04, 0.04]),
        ("A9_sad_int1_ver1", nil, [0.02, 0.02, 0.02, 0.02, 0.9, 0.02]),
        ("A9_mix_ang_sad_50_50_ver1", nil, [0.40, 0.055, 0.055, 0.055, 0.38, 0.055]),
    ]

    private static func blend(_ ang: Double, _ hap: Double) -> [Double] {
        let rest = (1 - ang - hap) / 4
        return [ang, rest, rest, hap, rest, rest]
    }

    /// The official grid's β values the tests name.
    static let beta05 = 0.05
    static let beta2395 = 4 * ((0.95 - 0.05) / 19) + 0.05

    /// Imports the project with one encoder, `hand`, and returns its path.
    static func make(in dir: URL) throws -> String {
        let project = dir.appendingPathComponent("hand.sqlite").path
        let meta = "filename,fold\n" + rows.map { "\($0.name),\($0.fold.map(String.init) ?? "")" }.joined(separator: "\n") + "\n"
        let probs = "filename,ang,disg,fea,hap,sad,neu\n"
            + rows.map { r in ([r.name] + r.p.map { String(format: "%.6f", $0) }).joined(separator: ",") }.joined(separator: "\n") + "\n"
        let metaURL = dir.appendingPathComponent("hand_metadata.csv"), probsURL = dir.appendingPathComponent("hand_probs.csv")
        try Data(meta.utf8).write(to: metaURL)
        try Data(probs.utf8).write(to: probsURL)
        for arguments in [["import", project, "--metadata", metaURL.path],
                          ["import", project, "--probs", probsURL.path, "--encoder", "hand"],
                          ["use", project, "--encoder", "hand", "--alpha", "0.1", "--beta", "0.2395"]] {
            let r = try CLI.run(arguments)
            guard r.status == 0 else { throw CLI.Failure(message: "\(arguments): \(r.stderr)") }
        }
        return project
    }

    /// The public set with both encoders, imported through the binary.
    static func publicSet(in dir: URL) throws -> String {
        let project = dir.appendingPathComponent("public.sqlite").path
        let set = CLI.fixtures.appendingPathComponent("public_set")
        for arguments in [["import", project, "--metadata", set.appendingPathComponent("train_metadata.csv").path,
                           "--metadata", set.appendingPathComponent("test_metadata.csv").path],
                          ["import", project, "--probs", set.appendingPathComponent("probs_face.csv").path, "--encoder", "face"],
                          ["import", project, "--probs", set.appendingPathComponent("probs_audio.csv").path, "--encoder", "audio"],
                          ["use", project, "--encoder", "face"]] {
            let r = try CLI.run(arguments)
            guard r.status == 0 else { throw CLI.Failure(message: "\(arguments): \(r.stderr)") }
        }
        return project
    }
}
