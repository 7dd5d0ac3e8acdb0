import BlendCore
import Foundation

/// The demo clips' sound: a synthesised non-verbal vocalisation whose character follows the
/// label, so the waveform, the spectrogram and playback have something to show and hear.
///
/// Each emotion is a voice — a pitch contour, a harmonic colour and an amplitude rhythm (anger a
/// low rough growl, disgust a nasal falling "ugh", fear a high trembling gasp, happiness
/// "ha-ha" bursts, sadness slow falling sobs, neutral a quiet steady hum). A blend is its two
/// voices overlapping, each as loud as its salience (70/30 or 50/50). Seeded: the same spec
/// always gives the same samples.
public enum DemoVoice {
    /// What the analysis and the audio encoders use.
    public static let sampleRate = 16_000

    struct Character {
        /// Base pitch in Hz, and how far it moves over the vocalisation (a ratio, 1 = flat).
        let pitch: Double
        let glide: Double
        /// Vibrato rate (Hz) and depth (fraction of the pitch).
        let vibratoRate: Double
        let vibratoDepth: Double
        /// Amplitude bursts per second (0 = one steady sound) and how deep they cut.
        let burstRate: Double
        let burstDepth: Double
        /// Harmonic roll-off: higher is darker; noise share for breath and roughness.
        let rollOff: Double
        let noise: Double
        let loudness: Double
    }

    static func character(_ emotion: Emotion) -> Character {
        switch emotion {
        case .ang: Character(pitch: 115, glide: 1.1, vibratoRate: 30, vibratoDepth: 0.04, burstRate: 3,
                             burstDepth: 0.6, rollOff: 0.7, noise: 0.15, loudness: 0.85)
        case .disg: Character(pitch: 160, glide: 0.75, vibratoRate: 0, vibratoDepth: 0, burstRate: 1.5,
                              burstDepth: 0.8, rollOff: 1.0, noise: 0.08, loudness: 0.55)
        case .fea: Character(pitch: 330, glide: 1.3, vibratoRate: 9, vibratoDepth: 0.05, burstRate: 0,
                             burstDepth: 0, rollOff: 1.4, noise: 0.35, loudness: 0.6)
        case .hap: Character(pitch: 250, glide: 1.15, vibratoRate: 0, vibratoDepth: 0, burstRate: 5,
                             burstDepth: 0.95, rollOff: 1.1, noise: 0.1, loudness: 0.75)
        case .sad: Character(pitch: 210, glide: 0.7, vibratoRate: 5, vibratoDepth: 0.02, burstRate: 1.2,
                             burstDepth: 0.7, rollOff: 1.6, noise: 0.12, loudness: 0.45)
        case .neu: Character(pitch: 140, glide: 1.0, vibratoRate: 0, vibratoDepth: 0, burstRate: 0,
                             burstDepth: 0, rollOff: 1.8, noise: 0.05, loudness: 0.15)
        }
    }

    /// The clip's samples, mono at `sampleRate`, as long as its video.
    public static func samples(_ spec: DemoClipSpec) -> [Float] {
        let count = Int((Double(spec.frameCount) / Double(spec.fps) * Double(sampleRate)).rounded())
        var out = [Double](repeating: 0, count: count)
        var random = SeededGenerator(seed: spec.seed ^ 0x5A0D_70CE)
        let emotions = spec.label.emotions
        for (n, emotion) in emotions.enumerated() {
            let salience = Double(n == 0 ? spec.label.firstSalience : spec.label.secondSalience) / 100
            // The second voice of a blend comes in a little later and overlaps the first.
            let start = Double.random(in: 0.15...0.4, using: &random) + (n == 1 ? 0.5 : 0)
            let end = spec.duration - Double.random(in: 0.1...0.4, using: &random)
            let phaseOffset = Double.random(in: 0...1, using: &random)
            add(character(emotion), gain: salience, from: start, to: end, phaseOffset: phaseOffset,
                into: &out, random: &random)
        }
        // Headroom: never clip, whatever the mix.
        let peak = out.reduce(0) { max($0, abs($1)) }
        let scale = peak > 0.95 ? 0.95 / peak : 1
        return out.map { Float($0 * scale) }
    }

    private static func add(_ voice: Character, gain: Double, from start: Double, to end: Double, phaseOffset: Double,
                            into out: inout [Double], random: inout SeededGenerator) {
        guard end > start else { return }
        let rate = Double(sampleRate)
        let first = max(0, Int(start * rate)), last = min(out.count, Int(end * rate))
        var phase = phaseOffset
        let harmonics = 8
        let weights = (1...harmonics).map { 1 / pow(Double($0), voice.rollOff) }
        let norm = weights.reduce(0, +)
        for i in first..<last {
            let t = Double(i) / rate, u = (t - start) / (end - start)
            let pitch = voice.pitch * pow(voice.glide, u) * (1 + voice.vibratoDepth * sin(2 * .pi * voice.vibratoRate * t))
            phase += pitch / rate
            if phase >= 1 { phase -= 1 }
            // sin(kθ) for k = 1…8 by the Chebyshev recurrence: one sin and one cos a sample
            // instead of eight sines (the demo writes ~900 clips).
            let theta = 2 * .pi * phase
            let twoCos = 2 * cos(theta)
            var previous = 0.0, current = sin(theta), tone = 0.0
            for k in 0..<harmonics {
                tone += weights[k] * current
                (previous, current) = (current, twoCos * current - previous)
            }
            tone /= norm
            let noise = Double.random(in: -1...1, using: &random)
            // 40 ms fade in and out; bursts as a raised cosine.
            let fade = min(1, (t - start) / 0.04, (end - t) / 0.04)
            let burst = voice.burstRate > 0
                ? 1 - voice.burstDepth * (0.5 - 0.5 * cos(2 * .pi * voice.burstRate * (t - start))) : 1
            out[i] += gain * voice.loudness * fade * burst * ((1 - voice.noise) * tone + voice.noise * noise)
        }
    }
}
