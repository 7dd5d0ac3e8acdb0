import CFFTW
import Foundation

/// A clip's sound as energy per mel band over time: short-time FFT (FFTW, opened on first use)
/// under a Hann window, power summed into triangular mel bands.
public struct Spectrogram: Sendable, Equatable {
    /// Seconds between frames.
    public let hop: Double
    /// Band edges' range in Hz.
    public let lowestFrequency: Double
    public let highestFrequency: Double
    /// `frames × bands` power values, lowest band first in each frame.
    public let power: [[Double]]

    public var bands: Int { power.first?.count ?? 0 }

    /// Frames of 512 samples (32 ms at 16 kHz) every 10 ms, 64 mel bands from 50 Hz to Nyquist.
    public static func mel(_ clip: AudioClip, frameSize: Int = 512, hop: Double = 0.01, bands: Int = 64,
                           lowestFrequency: Double = 50) throws -> Spectrogram {
        let mono = clip.mono
        let hopSamples = max(1, Int((hop * Double(clip.sampleRate)).rounded()))
        let bins = frameSize / 2 + 1
        let frames = Int(bs_fftw_frames(Int32(mono.count), Int32(frameSize), Int32(hopSamples)))
        var spectra = [Float](repeating: 0, count: max(1, frames * bins))
        if frames > 0 {
            let failure = mono.withUnsafeBufferPointer { samples in
                spectra.withUnsafeMutableBufferPointer { out in
                    bs_fftw_power_spectra(samples.baseAddress, Int32(mono.count), Int32(frameSize), Int32(hopSamples),
                                          out.baseAddress)
                }
            }
            if let failure {
                let text = String(cString: failure)
                let missing = text.contains("not found") || text.contains("cannot be loaded") || text.contains(" has no ")
                throw MediaError(file: "FFTW", kind: missing ? .missingLibrary : .decodeFailed, text)
            }
        }
        let nyquist = Double(clip.sampleRate) / 2
        let filters = melFilters(bands: bands, bins: bins, sampleRate: clip.sampleRate,
                                 low: lowestFrequency, high: nyquist)
        let power: [[Double]] = (0..<frames).map { f in
            let row = f * bins
            return filters.map { filter in
                var sum = 0.0
                for (bin, weight) in filter { sum += Double(spectra[row + bin]) * weight }
                return sum
            }
        }
        return Spectrogram(hop: Double(hopSamples) / Double(clip.sampleRate), lowestFrequency: lowestFrequency,
                           highestFrequency: nyquist, power: power)
    }

    /// `columns` columns of `bands` bands each, every value the mean power of the frames and
    /// mel bands it covers (a strip's cells).
    public func resampled(columns: Int, bands target: Int) -> [[Double]] {
        guard columns > 0, target > 0, !power.isEmpty, bands > 0 else { return [] }
        return (0..<columns).map { c in
            let lo = c * power.count / columns, hi = min(power.count, max(lo + 1, (c + 1) * power.count / columns))
            return (0..<target).map { b in
                let blo = b * bands / target, bhi = min(bands, max(blo + 1, (b + 1) * bands / target))
                var sum = 0.0
                for f in lo..<hi { for k in blo..<bhi { sum += power[f][k] } }
                return sum / Double((hi - lo) * (bhi - blo))
            }
        }
    }

    public static func hertzToMel(_ f: Double) -> Double { 2595 * log10(1 + f / 700) }
    public static func melToHertz(_ m: Double) -> Double { 700 * (pow(10, m / 2595) - 1) }

    /// Triangular filters, equally spaced in mel, as (bin, weight) lists.
    static func melFilters(bands: Int, bins: Int, sampleRate: Int, low: Double, high: Double) -> [[(Int, Double)]] {
        let lowMel = hertzToMel(low), highMel = hertzToMel(high)
        let edges = (0...(bands + 1)).map { melToHertz(lowMel + (highMel - lowMel) * Double($0) / Double(bands + 1)) }
        let binHertz = Double(sampleRate) / Double(2 * (bins - 1))
        return (0..<bands).map { b in
            let left = edges[b], centre = edges[b + 1], right = edges[b + 2]
            var filter: [(Int, Double)] = []
            for k in 0..<bins {
                let f = Double(k) * binHertz
                let weight = f < centre ? (f - left) / (centre - left) : (right - f) / (right - centre)
                if weight > 0 { filter.append((k, weight)) }
            }
            // A band narrower than one bin still takes the bin nearest its centre.
            if filter.isEmpty { filter.append((min(bins - 1, Int((centre / binHertz).rounded())), 1)) }
            return filter
        }
    }
}
