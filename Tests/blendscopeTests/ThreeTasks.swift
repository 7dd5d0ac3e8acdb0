import BlendStore
import Foundation
import XCTest

/// The product's three jobs (issue 14 item 3), keyboard only, in the real binary inside tmux,
/// each step checked on the captured screen: why an actor's β differs, adjusting a fusion's
/// weights, exporting a confusion table. `TUIThreeTasksDemoTests` and `…RealTests` run them
/// on the demo and on `Data/real/`; the screens are kept as goldens (`TaskScreen`).
enum ThreeTasks {
    /// (a) Thresholds: the actor farthest from the global β* is the first row, with its
    /// blends' count, its margins and ACC_S(β) marking the current β and β*; Enter lists its
    /// flipping clips on Clips, where one plays.
    static func actorBeta(_ test: XCTestCase, _ kind: TaskProjects.Kind) throws {
        let project = try TaskProjects.copy(kind, for: test)
        // What the CLI says the farthest actor is, and its clips that flip (few replicates:
        // the ranking does not depend on the intervals).
        let actors = try CLI.json(["actors", project, "--replicates", "100", "--json"])
        let rows = try XCTUnwrap(actors["actors"] as? [[String: Any]], "\(actors.keys)")
        let farthest = try XCTUnwrap(rows.max { ($0["distance"] as? Double ?? 0) < ($1["distance"] as? Double ?? 0) })
        let actor = try XCTUnwrap(farthest["actor"] as? String)
        let blends = try XCTUnwrap(farthest["blends"] as? Int)
        let detail = try CLI.json(["actors", project, "--actor", actor, "--replicates", "100", "--json"])
        let flips = try XCTUnwrap(((detail["actor"] as? [String: Any])?["flips"] as? [[String: Any]])?
            .compactMap { $0["clip"] as? String }, "\(detail)")
        XCTAssertFalse(flips.isEmpty, "\(actor) has no flipping clip to play")
        // The cheapest video: a second of test pattern for each of those clips, nothing else.
        try linkTestVideos(flips, to: project)

        let tui = try TaskScreen(test, prefix: "\(kind.rawValue)-a", project: project,
                                 arguments: ["--graphics", "cells"], environment: "BLENDSCOPE_AUDIO_DEVICE=null")
        try tui.keys("3")
        let thresholds = try tui.golden("thresholds") { text in
            text.contains("Actors by |β* − β*all|") && text.contains("\(actor): top-2 margins of its \(blends) blends")
                && text.contains("ACC_S(β): all, folds, \(actor)") && text.contains("enter: \(flips.count) flips")
        } at80: {
            $0.contains("Actors by |β* − β*all|") && $0.contains("\(actor): top-2 margins")
                && $0.contains("enter: \(flips.count) flips") && $0.contains("q quit") && $0.contains("? help")
        }
        // The actor table's first row is the farthest actor, and it is the one selected.
        let table = thresholds.split(separator: "\n").drop { !$0.contains("Actors by |β* − β*all|") }.dropFirst(2)
        XCTAssertTrue(table.first?.contains("│\(actor) ") ?? false, thresholds)
        // Its flips, the row's last column (before the scroll bar and the border).
        XCTAssertTrue(table.first.map { $0.dropLast(2).hasSuffix(" \(flips.count)") } ?? false, "its flips count:\n\(thresholds)")
        // ACC_S(β) marks the current β (│) and the global β* (┊), with β ticks.
        let chart = thresholds.split(separator: "\n").first { $0.contains("│β ") && $0.contains("┊β* ") }
        XCTAssertNotNil(chart, thresholds)
        XCTAssertTrue(thresholds.contains("m 50/50") && thresholds.contains("m 70/30"), "the margin columns:\n\(thresholds)")

        try tui.keys("Enter")
        let clips = try tui.golden("clips-flips") { text in
            text.contains("\(actor)'s \(flips.count) β flips") && text.contains("h264")
        } at80: { $0.contains("β flips") }
        for clip in flips { XCTAssertTrue(clips.contains(clip), "\(clip) is not listed:\n\(clips)") }
        XCTAssertFalse(clips.contains("no video linked"), clips)

        try tui.keys("space")
        try tui.waitFor("the clip playing") { $0.contains("▶ ") }
        try tui.waitFor("the clip's end", timeout: 30) { $0.contains("❚❚ ") && !$0.contains("❚❚ 0.00 ") }
        try tui.quit()
    }

    /// (b) Fusion: a saved fusion picked with the source picker, two weights moved with the
    /// live metrics following, a re-optimisation accepted and saved, and the Overview on the
    /// saved fusion with its weights.
    static func fusionWeights(_ test: XCTestCase, _ kind: TaskProjects.Kind) throws {
        let project = try TaskProjects.copy(kind, for: test)
        // A fusion to start from: three encoders of the demo, greedy (equal thirds); the real
        // project's two on a simplex grid (greedy there keeps one).
        let fuse = kind == .demo
            ? ["fuse", project, "--encoders", "HiCMAE,S4D-ViTMoE,Gemini-Embedding-2.0", "--method", "greedy",
               "--rounds", "3", "--as", "start"]
            : ["fuse", project, "--method", "simplex", "--step", "0.1", "--as", "start"]
        let made = try CLI.run(fuse + ["--replicates", "100"])
        XCTAssertEqual(made.status, 0, made.stderr)

        let tui = try TaskScreen(test, prefix: "\(kind.rawValue)-b", project: project)
        try tui.keys("u")
        try tui.waitFor("the picker with the fusion", timeout: 180) {
            $0.contains("Source for every screen") && $0.contains("fusion start") && $0.contains("enter make current")
        }
        // Encoders are listed first, fusions last: the last row is the only fusion.
        try tui.keys("G", "Enter")
        try tui.waitFor("the fusion current") { $0.contains("· fusion:start") && !$0.contains("Source for every screen") }

        try tui.keys("4")
        let before = try tui.waitFor("the fusion's weights and live metrics", timeout: 120) {
            $0.contains("from fusion start") && $0.contains(" edited ") && !$0.contains("reading")
        }
        let start = weights(before)
        // The first weight down twice by .05, the second up by .01 (the rest renormalised):
        // with two encoders a step up and a step back down would cancel.
        try tui.keys("H", "H", "j", "l")
        let edited = try tui.waitFor("two weights moved and the edited metrics measured") { text in
            let now = weights(text)
            return now.count == start.count && zip(now, start).filter { $0.1.weight != $0.0.weight }.count >= 2
                && !TaskScreen.busy.contains(where: text.contains)
        }
        XCTAssertNotNil(line(" edited ", in: edited), edited)
        XCTAssertNotNil(line(" Δ ", in: edited), edited)

        try tui.keys("o")
        try tui.waitFor("the method chooser") { $0.contains("greedy") && $0.contains("enter runs") }
        try tui.keys("Enter")
        let proposed = try tui.golden("fusion-proposal", { $0.contains("greedy proposal · job") && $0.contains("a accept") },
                                      at80: { $0.contains("proposal") })
        let proposal = proposedWeights(proposed)
        XCTAssertEqual(proposal.count, start.count, proposed)
        try tui.keys("a")
        try tui.waitFor("the proposal accepted") { $0.contains("accepted greedy") }
        try tui.keys("S")
        try tui.waitFor("the save prompt") { $0.contains("Save as tui-greedy") }
        try tui.keys("Enter")
        try tui.waitFor("the saved fusion current") { $0.contains("saved fusion tui-greedy as the current source") }
        XCTAssertEqual(try ProjectStore(path: project, create: false).settings().currentSource.map { "\($0.kind):\($0.name)" },
                       "fusion:tui-greedy")

        try tui.keys("1")
        let overview = try tui.golden("overview-saved", { text in
            text.contains("source   fusion tui-greedy") && text.contains(" weight ") && text.contains("fusions 2")
        }, at80: { $0.contains("tui-greedy") })
        // The Overview's weight column is the accepted proposal.
        for (encoder, weight) in proposal where weight != ".000" {
            let row = overview.split(separator: "\n").first { $0.contains("│ \(encoder) ") }
            XCTAssertTrue(row?.contains(" \(weight) ") ?? false, "\(encoder) \(weight):\n\(overview)")
        }
        try tui.quit()
    }

    /// (c) Confusion at the source's own best thresholds (no thresholds stored), exported as
    /// LaTeX; the file names the source, the thresholds and the scope, and is what `blendscope
    /// export confusion` writes for the same source.
    static func confusionExport(_ test: XCTestCase, _ kind: TaskProjects.Kind) throws {
        let project = try TaskProjects.copy(kind, for: test)
        let source = kind == .demo ? "HiCMAE" : "hicmae-kl"
        let tui = try TaskScreen(test, prefix: "\(kind.rawValue)-c", project: project)
        try tui.keys("5")
        let shown = try tui.waitFor("the confusion table at the source's best on train") {
            $0.contains("Presence: true × predicted · all") && $0.contains("· best on train") && $0.contains("Per emotion")
        }
        XCTAssertTrue(shown.contains("encoder:\(source)"), shown)
        try tui.keys("e")
        try tui.golden("confusion-export", { $0.contains("Export the presence table") && $0.contains("LaTeX") },
                       at80: { $0.contains("LaTeX") })
        try tui.keys("j", "j", "Enter")
        let exported = try tui.waitFor("the export's toast") { $0.contains("wrote") && $0.contains(".tex") }
        try tui.quit()

        let folder = URL(fileURLWithPath: project).deletingLastPathComponent().appendingPathComponent("exports")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tex") }
        XCTAssertEqual(files.count, 1, "\(files)\n\(exported)")
        let file = try XCTUnwrap(files.first)
        let tex = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        // The CLI's export of the same source at no thresholds given, that is at its own best
        // on train (its provenance says so): the same table, at the same α and β.
        let cli = try CLI.run(["export", project, "confusion", "--encoder", source, "--format", "tex", "--out", "-"])
        XCTAssertEqual(cli.status, 0, cli.stderr)
        XCTAssertTrue(cli.stdout.contains("% thresholds: best on train"), cli.stdout)
        func provenance(_ key: String) -> Double? {
            cli.stdout.split(separator: "\n").first { $0.hasPrefix("% \(key): ") }.flatMap { Double($0.dropFirst(key.count + 4)) }
        }
        let alpha = try XCTUnwrap(provenance("alpha"), cli.stdout), beta = try XCTUnwrap(provenance("beta"), cli.stdout)
        let at = "$\\alpha$ " + String(format: "%.4f", alpha) + ", $\\beta$ " + String(format: "%.4f", beta)
        XCTAssertTrue(tex.contains("Presence confusion of encoder \(source) (all, \(at))"), tex)
        XCTAssertTrue(file.contains("-a\(threshold(alpha).dropFirst())-b\(threshold(beta).dropFirst())"), file)
        func body(_ text: String) -> [String] { text.split(separator: "\n").filter { !$0.hasPrefix("%") }.map(String.init) }
        XCTAssertEqual(body(tex), body(cli.stdout))
    }

    // MARK: - Helpers

    /// A 1 s test-pattern video (with a tone) for each clip, linked with `import --videos`.
    private static func linkTestVideos(_ clips: [String], to project: String) throws {
        let videos = URL(fileURLWithPath: project).deletingLastPathComponent().appendingPathComponent("videos")
        try FileManager.default.createDirectory(at: videos, withIntermediateDirectories: true)
        for clip in clips {
            try FFmpegTool.run(["-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-f", "lavfi",
                                "-i", "sine=frequency=300:sample_rate=16000", "-t", "1",
                                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac",
                                videos.appendingPathComponent("\(clip).mp4").path])
        }
        let r = try CLI.run(["import", project, "--videos", videos.path])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    /// The Fusion screen's weight rows, in order: encoder and weight as shown.
    static func weights(_ screen: String) -> [(encoder: String, weight: String)] {
        weightRows(screen).compactMap { row in
            let words = row.split(separator: " ").filter { $0 != "▸" }
            guard let encoder = words.first, let weight = words.first(where: { $0.hasPrefix(".") || $0.hasPrefix("1.") }) else { return nil }
            return (String(encoder), String(weight))
        }
    }

    /// The proposal's weight for each encoder (`→ .500` at the end of each weight row).
    static func proposedWeights(_ screen: String) -> [(String, String)] {
        weightRows(screen).compactMap { row in
            guard let arrow = row.range(of: "→ ", options: .backwards),
                  let encoder = row.split(separator: " ").first(where: { $0 != "▸" }) else { return nil }
            return (String(encoder), String(row[arrow.upperBound...].prefix { !$0.isWhitespace }))
        }
    }

    /// The weights pane's encoder rows: the left pane's part of each line with a ✓ or ✗ in it.
    private static func weightRows(_ screen: String) -> [Substring] {
        screen.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("┃") || line.hasPrefix("│") else { return nil }
            let inside = line.dropFirst()
            let row = inside.prefix { $0 != "┃" && $0 != "│" }
            return row.contains(" ✓") || row.contains(" ✗") ? row : nil
        }
    }

    /// The first line holding `marker`.
    static func line(_ marker: String, in screen: String) -> String? {
        screen.split(separator: "\n").first { $0.contains(marker) }.map(String.init)
    }

    /// `0.05`, `0.4763`: as the export's file name writes a threshold (four decimals at most,
    /// trailing zeros dropped down to two).
    static func threshold(_ x: Double) -> String {
        var text = String(format: "%.4f", x)
        while text.hasSuffix("0"), text.count > 4 { text.removeLast() }
        return text
    }
}
