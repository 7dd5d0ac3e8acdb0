/// A clip's sound as 32-bit float PCM, interleaved when there are two channels.
public struct AudioClip: Sendable, Equatable {
    public let sampleRate: Int
    /// 1 (mono) or 2 (stereo, left then right).
    public let channels: Int
    /// `frames × channels` samples in −1 … 1.
    public var samples: [Float]

    public init(sampleRate: Int, channels: Int, samples: [Float]) {
        precondition(sampleRate > 0 && (channels == 1 || channels == 2), "mono or stereo at a positive rate")
        self.sampleRate = sampleRate
        self.channels = channels
        self.samples = samples
    }

    /// Samples per channel.
    public var frames: Int { samples.count / channels }
    public var duration: Double { Double(frames) / Double(sampleRate) }

    /// The channels averaged (the clip itself when mono).
    public var mono: [Float] {
        guard channels == 2 else { return samples }
        return (0..<frames).map { (samples[2 * $0] + samples[2 * $0 + 1]) / 2 }
    }
}
