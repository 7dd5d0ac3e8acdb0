import BlendTUI
import BlendCore
import BlendMedia
import Foundation

/// Times the clip pane's preview off-screen: from selecting a clip (the reducer asks for its
/// first frame) through decoding it as the effect does to the frame drawn into the canvas.
/// Each repetition selects a clip not seen before, so the cache never answers. Target ≤ 50 ms.
enum ClipVideoBenchmark {
    static let target = 50.0

    /// On the project's first linked clip (when it has videos) and on a 640×480 H.264 clip made
    /// for the run (removed afterwards).
    static func run(projectPath: String?, repeats: Int) throws -> [BenchmarkResult] {
        var results: [BenchmarkResult] = []
        if let projectPath, let (name, link) = try ProjectSnapshot.load(path: projectPath).videos.min(by: { $0.key < $1.key }) {
            results.append(measure("tui clip selected → first frame · \(name)", path: link.path, repeats: repeats))
        }
        let directory = NSTemporaryDirectory() + "blendscope-video-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clip = directory + "/bench-640x480-h264.mp4"
        try MediaBenchmark.makeClip(at: clip)
        results.append(measure("tui clip selected → first frame · 640×480 h264", path: clip, repeats: repeats))
        return results
    }

    private static func measure(_ name: String, path: String, repeats: Int) -> BenchmarkResult {
        let program = WorkbenchProgram()
        let size = TUIBenchmarks.frameSize
        let scored = ScoredClips.synthetic(count: repeats + 2, seed: 3)
        var project = ProjectSnapshot(path: "synthetic", clips: scored.clips, encoders: [], fusionCount: 0,
                                      source: .encoder("synthetic"), thresholds: Thresholds(alpha: 0.1, beta: 0.2),
                                      scored: scored)
        project.videos = Dictionary(uniqueKeysWithValues: scored.clips.map { ($0.name, (path: path, duration: 3.0)) })
        var state = WorkbenchProgram.initialState(path: "synthetic", width: size.width, height: size.height)
        _ = program.update(&state, .loaded(project))
        _ = program.update(&state, .app(.run(AppCommands.show(.clips))))
        var row = 0
        return Benchmark.measure(name, repeats: repeats, target: target) {
            row += 1
            _ = program.update(&state, .clips(.select(row)))
            guard let clip = state.clips.video.clip, let box = state.clips.video.box else { return }
            let decoded = ClipVideoDecoding.firstFrame(clip: clip, path: path, at: 0, box: box)
            _ = program.update(&state, .clipVideo(decoded))
            blackHole(program.frame(state, width: size.width, height: size.height))
        }
    }
}
