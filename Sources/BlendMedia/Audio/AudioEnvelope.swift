/// The loudness of a clip over time: the RMS of each window of samples (pure; a waveform strip
/// draws it, `media audio` prints it).
public struct AudioEnvelope: Sendable, Equatable, Codable {
    /// Seconds each value covers.
    public let window: Double
    /// RMS of each window of the mono signal, in 0 … 1 (full scale).
    public let rms: [Double]

    public init(window: Double, rms: [Double]) {
        self.window = window
        self.rms = rms
    }

    /// Windows of `window` seconds over `clip`'s channels averaged to mono; the last window
    /// may be shorter.
    public init(_ clip: AudioClip, window: Double = 0.02) {
        self.init(mono: clip.mono, sampleRate: clip.sampleRate, window: window)
    }

    public init(mono: [Float], sampleRate: Int, window: Double = 0.02) {
        precondition(window > 0 && sampleRate > 0, "a window and a rate must be positive")
        let size = max(1, Int((window * Double(sampleRate)).rounded()))
        var values: [Double] = []
        values.reserveCapacity(mono.count / size + 1)
        var start = 0
        while start < mono.count {
            let end = min(start + size, mono.count)
            var sum = 0.0
            for i in start..<end { sum += Double(mono[i]) * Double(mono[i]) }
            values.append((sum / Double(end - start)).squareRoot())
            start = end
        }
        self.window = Double(size) / Double(sampleRate)
        self.rms = values
    }

    /// `count` values, each the RMS over its share of the windows (for a strip `count` cells wide).
    public func resampled(to count: Int) -> [Double] {
        guard count > 0, !rms.isEmpty else { return [] }
        return (0..<count).map { i in
            let lo = i * rms.count / count, hi = max(lo + 1, (i + 1) * rms.count / count)
            let slice = rms[lo..<min(hi, rms.count)]
            return (slice.reduce(0) { $0 + $1 * $1 } / Double(slice.count)).squareRoot()
        }
    }
}

/// The basic figures of a clip's sound.
public struct AudioSummary: Sendable, Equatable, Codable {
    public let duration: Double
    public let sampleRate: Int
    public let channels: Int
    /// Samples per channel.
    public let frames: Int
    /// RMS over the whole clip and the largest absolute sample, both full scale (0 … 1).
    public let rms: Double
    public let peak: Double
    /// Share of the envelope's windows that are voiced: louder than `AudioSummary.voicedFloor`
    /// and within 20 dB of the loudest window (the vocalisation, not the room).
    public let voicedShare: Double
    public let envelope: AudioEnvelope

    /// −40 dBFS: below it a window is silence whatever the clip's level.
    public static let voicedFloor = 0.01

    public init(_ clip: AudioClip, window: Double = 0.02) {
        duration = clip.duration
        sampleRate = clip.sampleRate
        channels = clip.channels
        frames = clip.frames
        var sum = 0.0, peak: Float = 0
        for s in clip.samples {
            sum += Double(s) * Double(s)
            peak = max(peak, abs(s))
        }
        rms = clip.samples.isEmpty ? 0 : (sum / Double(clip.samples.count)).squareRoot()
        self.peak = Double(peak)
        envelope = AudioEnvelope(clip, window: window)
        let loudest = envelope.rms.max() ?? 0
        let threshold = max(Self.voicedFloor, loudest / 10)
        let voiced = envelope.rms.filter { $0 >= threshold }.count
        voicedShare = envelope.rms.isEmpty ? 0 : Double(voiced) / Double(envelope.rms.count)
    }
}
