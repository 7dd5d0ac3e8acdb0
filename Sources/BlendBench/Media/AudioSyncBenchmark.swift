import BlendMedia
import Foundation

/// How well the sound keeps time on a real-time output, which is what the picture follows
/// (the clip pane shows the frame due at the position heard). Measured over one whole clip:
/// the position the output reports (frames written minus the device's delay) against the wall
/// clock, sampled every 5 ms.
public struct AudioSyncFigures: Sendable, Codable, Equatable {
    /// The ALSA device played to.
    public var device: String
    /// From `play` until the position first moves: the output's start-up latency.
    public var startLatencyMilliseconds: Double
    /// The largest gap, over the clip, between the position heard and the wall clock since the
    /// sound started: how far a picture following the sound strays from real time (A/V drift).
    public var maximumDriftMilliseconds: Double
    /// The gap at the end of the clip (drift accumulated over it, signed: + the sound runs ahead).
    public var endDriftMilliseconds: Double
    public var clipSeconds: Double
    public var samples: Int

    public var summary: String {
        String(format: "sound on ALSA '%@' over a %.1f-s clip: start latency %.1f ms, A/V drift ≤ %.1f ms (%+.1f ms at the end; target ≤ 40 ms)",
               device, clipSeconds, startLatencyMilliseconds, maximumDriftMilliseconds, endDriftMilliseconds)
    }
}

public enum AudioSyncBenchmark {
    /// Plays `path`'s sound on `device` and measures; nil with the reason when the device does
    /// not play in real time here (no output, or one that takes samples as fast as they come,
    /// like ALSA's `null`: its position says nothing about time).
    public static func run(path: String, device: String) throws -> (figures: AudioSyncFigures?, reason: String?) {
        let clip = try AudioDecoder.decode(path: path, sampleRate: 48_000, channels: 2)
        let output = AudioOutput(device: device, sampleRate: 48_000, channels: 2)
        if case .unavailable(let reason) = output.currentState { return (nil, reason) }
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Double { start.duration(to: clock.now).inSeconds }
        output.play(clip)
        var started: Double?
        var gaps: [Double] = []
        while elapsed() < clip.duration + 1 {
            let wall = elapsed()
            let state = output.currentState
            let heard = output.position
            if state == .finished || heard >= clip.duration - 0.05 { break }
            if started == nil, heard > 0 { started = wall - heard }
            if let started { gaps.append(heard - (wall - started)) }
            Thread.sleep(forTimeInterval: 0.005)
        }
        output.pause()
        guard let started, let last = gaps.last, gaps.count > 10 else { return (nil, "the position never moved on '\(device)'") }
        if let worst = gaps.indices.max(by: { abs(gaps[$0]) < abs(gaps[$1]) }), abs(gaps[worst]) > 0.5 {
            return (nil, String(format: "'%@' does not play in real time: its position strays %+.0f ms from the wall clock after %d samples of %d",
                                device, gaps[worst] * 1000, worst, gaps.count))
        }
        return (AudioSyncFigures(device: device, startLatencyMilliseconds: started * 1000,
                                 maximumDriftMilliseconds: (gaps.map(abs).max() ?? 0) * 1000,
                                 endDriftMilliseconds: last * 1000, clipSeconds: clip.duration, samples: gaps.count), nil)
    }
}
