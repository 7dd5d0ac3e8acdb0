import Foundation
import XCTest
import BlendCore

/// Reads the small copies of the shared data in `Fixtures/`, located from this file's path so
/// that tests never depend on where the shared folder lives.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ path: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }

    /// Rows of a plain CSV (no quoted fields in these files), header first.
    static func csv(_ path: String) throws -> [[String]] {
        try text(path).split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// Clips of the challenge's metadata files joined with a probabilities CSV, in the order of
    /// the probabilities file: every clip that has probabilities.
    static func scoredClips(directory dir: String, probabilities: String) throws -> ScoredClips {
        var info = [String: ClipInfo]()
        for (file, split) in [("train_metadata.csv", Split.train), ("test_metadata.csv", Split.test)] {
            let rows = try csv("\(dir)/\(file)")
            let fold = rows[0].firstIndex(of: "fold")!
            for row in rows.dropFirst() {
                let name = try ClipName(row[0])
                info[name.stem] = ClipInfo(name: name.stem, actor: name.actor, split: split,
                                           fold: Int(row[fold]).flatMap { $0 >= 0 ? $0 : nil }, label: name.label)
            }
        }
        let rows = try csv("\(dir)/\(probabilities)")
        XCTAssertEqual(rows[0], ["filename", "ang", "disg", "fea", "hap", "sad", "neu"])
        var clips = [ClipInfo]()
        var p = [Double]()
        for row in rows.dropFirst() {
            clips.append(try XCTUnwrap(info[ClipName.stem(of: row[0])], "no metadata for \(row[0])"))
            p.append(contentsOf: row[1...6].map { Double($0)! })
        }
        return ScoredClips(clips: clips, probabilities: p)
    }

    static func realKL() throws -> ScoredClips {
        try scoredClips(directory: "real", probabilities: "probs_hicmae_kl_e100_last.csv")
    }
}
