import BlendTUI
import BlendCore
import BlendMedia
import Foundation

/// Times the clip pane's preview off-screen: from selecting a clip (the reducer asks for its
/// first frame) through decoding it as the effect does to the frame drawn into the canvas.
/// Each repetition selects a clip not seen before, so the cache never answers. Target ≤ 50 ms.
public enum ClipVideoBenchmark {
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
        var pane = Pane(path: path, clips: repeats + 2)
        return Benchmark.measure(name, repeats: repeats, target: target) { _ = pane.selectNext() }
    }

    /// `bench --first-video-frame PATH`: one clip selected through to its first frame drawn,
    /// timed once in this process. Run in a fresh process (`bench --startup` does) nothing has
    /// opened FFmpeg yet, so the figure includes loading it. Nil with the pane's message when
    /// the frame could not be decoded.
    public static func firstFrameOnce(path: String) -> (milliseconds: Double?, failure: String?) {
        var pane = Pane(path: path, clips: 2)
        let clock = ContinuousClock(), start = clock.now
        let failure = pane.selectNext()
        return failure == nil ? (Benchmark.milliseconds(clock.now - start), nil) : (nil, failure)
    }

    /// `bench --first-video-frame PATH --preload-project PROJECT`: the user's path in a fresh
    /// process. The workbench reads PROJECT, which (when it links videos) starts loading FFmpeg
    /// on a background thread; the user then picks a clip. A person takes longer than the load
    /// to choose one, so the selection is timed once the load is done: `ready` is how long
    /// after the start of the read FFmpeg was loaded (a selection before that would wait for
    /// the rest), `milliseconds` the selection through to its first frame drawn.
    public static func firstFrameAfterPreload(path: String, project: String)
        -> (milliseconds: Double?, ready: Double?, failure: String?) {
        let clock = ContinuousClock(), start = clock.now
        do {
            guard try !ProjectSnapshot.load(path: project).videos.isEmpty else {
                return (nil, nil, "\(project) links no videos: the workbench preloads FFmpeg only for a project that does")
            }
        } catch {
            return (nil, nil, "\(project): \(error)")
        }
        // Joins the background load the read started (a lazy global: the second caller waits).
        _ = try? MediaLibraries.load()
        let ready = Benchmark.milliseconds(clock.now - start)
        var pane = Pane(path: path, clips: 2)
        let selected = clock.now
        let failure = pane.selectNext()
        return failure == nil ? (Benchmark.milliseconds(clock.now - selected), ready, nil) : (nil, nil, failure)
    }

    /// The clip `bench --startup` opens in fresh processes: `project`'s first linked video (by
    /// clip name) when it has one, else a 640×480 H.264 clip written into `scratch`.
    static func clipForFreshProcesses(projectPath: String, scratch: URL) throws
        -> (name: String, path: String, linked: Bool) {
        if let (name, link) = try ProjectSnapshot.load(path: projectPath).videos.min(by: { $0.key < $1.key }) {
            return (name, link.path, true)
        }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let clip = scratch.appendingPathComponent("bench-640x480-h264.mp4").path
        try MediaBenchmark.makeClip(at: clip)
        return ("640×480 h264", clip, false)
    }

    /// The workbench on the Clips screen over made-up clips that all link `path`, 160×48.
    private struct Pane {
        let program = WorkbenchProgram()
        let path: String
        var state: WorkbenchState
        var row = 0

        init(path: String, clips: Int) {
            self.path = path
            let size = TUIBenchmarks.frameSize
            let scored = ScoredClips.synthetic(count: clips, seed: 3)
            var project = ProjectSnapshot(path: "synthetic", clips: scored.clips, encoders: [], fusionCount: 0,
                                          source: .encoder("synthetic"), thresholds: Thresholds(alpha: 0.1, beta: 0.2),
                                          scored: scored)
            project.videos = Dictionary(uniqueKeysWithValues: scored.clips.map { ($0.name, (path: path, duration: 3.0)) })
            state = WorkbenchProgram.initialState(path: "synthetic", width: size.width, height: size.height)
            _ = program.update(&state, .loaded(project))
            _ = program.update(&state, .app(.run(AppCommands.show(.clips))))
        }

        /// Selects a clip not seen before (so no cache answers), decodes its first frame as the
        /// pane's effect does and draws the frame; the decoder's message when it failed.
        mutating func selectNext() -> String? {
            row += 1
            let size = TUIBenchmarks.frameSize
            _ = program.update(&state, .clips(.select(row)))
            guard let clip = state.clips.video.clip, let box = state.clips.video.box else { return "no clip selected" }
            let decoded = ClipVideoDecoding.firstFrame(clip: clip, path: path, at: 0, box: box)
            _ = program.update(&state, .clipVideo(decoded))
            blackHole(program.frame(state, width: size.width, height: size.height))
            if case .failed(_, let message) = decoded { return message }
            return nil
        }
    }
}
