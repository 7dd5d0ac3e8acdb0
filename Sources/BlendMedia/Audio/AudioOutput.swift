import CALSA
import Foundation

/// Plays a clip's sound through ALSA (opened on first use) on a thread of its own: play, pause,
/// mute, and the position actually heard, which the video follows to stay in sync.
///
/// Where there is no output (an SSH session, a machine without a sound card or without
/// libasound2) the output is `.unavailable` with the reason, once; every call is then a no-op,
/// so the caller never has to branch beyond showing that reason.
public final class AudioOutput: @unchecked Sendable {
    public enum State: Sendable, Equatable {
        /// No sound can be played here; the text says why, for the pane to show once.
        case unavailable(String)
        case idle
        case playing
        case paused
        /// Everything was played.
        case finished
    }

    /// About 100 ms of buffering. The picture follows the position heard (frames written minus
    /// the device's delay), so the buffer's size adds start latency, not drift. 50 ms underran
    /// through PulseAudio's ALSA plugin on a loaded 2-core machine (six underruns in a 5-s clip,
    /// writes blocking for seconds); 100, 200 and 500 ms did not, and stayed within ±23 ms of the
    /// wall clock over the clip.
    public static let latencyMicroseconds = 100_000
    /// Frames handed to ALSA at a time (10 ms at 48 kHz).
    static let chunkFrames = 480

    public let device: String
    private let pcm: UnsafeMutableRawPointer?
    private let lock = NSLock()
    private var clip: AudioClip?
    private var state: State
    private var cursor = 0  // next frame to write
    private var isMuted = false
    private var worker: Thread?
    private var generation = 0

    /// Opens `device` for `sampleRate` Hz and `channels`; never throws: a failure gives an
    /// output whose state is `.unavailable(reason)`.
    public init(device: String = "default", sampleRate: Int, channels: Int) {
        self.device = device
        var failure = [CChar](repeating: 0, count: 512)
        let opened = bs_alsa_open(device, Int32(sampleRate), Int32(channels), Int32(Self.latencyMicroseconds),
                                  &failure, failure.count)
        pcm = opened
        if opened == nil {
            let bytes = failure.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            state = .unavailable("no audio output (\(String(decoding: bytes, as: UTF8.self)))")
        } else {
            state = .idle
        }
        sampleRateValue = sampleRate
        channelsValue = channels
    }

    private let sampleRateValue: Int
    private let channelsValue: Int

    deinit {
        lock.lock()
        generation += 1
        lock.unlock()
        if let pcm {
            bs_alsa_drop(pcm)
            bs_alsa_close(pcm)
        }
    }

    public var currentState: State { lock.withLock { state } }

    public var muted: Bool {
        get { lock.withLock { isMuted } }
        set { lock.withLock { isMuted = newValue } }
    }

    /// Frames handed to the device so far (what the null-device test counts).
    public var framesWritten: Int { lock.withLock { cursor } }

    /// Seconds of the clip heard so far: frames written minus those still in the device.
    public var position: Double {
        lock.lock()
        let written = cursor
        let playing = state == .playing
        lock.unlock()
        let delay = playing ? pcm.map { Int(bs_alsa_delay($0)) } ?? 0 : 0
        return Double(max(0, written - delay)) / Double(sampleRateValue)
    }

    /// Starts `clip` (at this output's rate and channels) from `seconds`.
    public func play(_ clip: AudioClip, from seconds: Double = 0) {
        guard let pcm, clip.sampleRate == sampleRateValue, clip.channels == channelsValue else { return }
        lock.lock()
        if case .unavailable = state { lock.unlock(); return }
        generation += 1
        self.clip = clip
        cursor = min(clip.frames, max(0, Int(seconds * Double(clip.sampleRate))))
        state = .playing
        lock.unlock()
        bs_alsa_drop(pcm)
        startWorker()
    }

    /// Stops the sound where it is; `resume` goes on from there.
    public func pause() {
        lock.lock()
        guard state == .playing, let pcm else { lock.unlock(); return }
        // What was written but not heard is played again on resume.
        cursor = max(0, cursor - Int(bs_alsa_delay(pcm)))
        generation += 1
        state = .paused
        lock.unlock()
        bs_alsa_drop(pcm)
    }

    public func resume() {
        lock.lock()
        guard state == .paused else { lock.unlock(); return }
        generation += 1
        state = .playing
        lock.unlock()
        startWorker()
    }

    /// Blocks until the clip has been played (or paused); for tests and the CLI.
    public func waitUntilDone() {
        while true {
            let current = currentState
            if current != .playing { return }
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    private func startWorker() {
        let mine = lock.withLock { generation }
        let thread = Thread { [weak self] in self?.feed(generation: mine) }
        thread.name = "blendscope audio"
        thread.qualityOfService = .userInteractive
        lock.withLock { worker = thread }
        thread.start()
    }

    /// Writes chunk after chunk until the clip ends or a newer play/pause takes over.
    private func feed(generation mine: Int) {
        guard let pcm else { return }
        var chunk = [Float](repeating: 0, count: Self.chunkFrames * channelsValue)
        while true {
            lock.lock()
            guard generation == mine, let clip else { lock.unlock(); return }
            let start = cursor, count = min(Self.chunkFrames, clip.frames - start)
            if count <= 0 {
                lock.unlock()
                bs_alsa_drain(pcm)
                lock.withLock { if generation == mine { state = .finished } }
                return
            }
            let silent = isMuted
            lock.unlock()
            let samples = count * channelsValue
            if silent {
                for i in 0..<samples { chunk[i] = 0 }
            } else {
                for i in 0..<samples { chunk[i] = clip.samples[start * channelsValue + i] }
            }
            let written = chunk.withUnsafeBufferPointer { bs_alsa_write(pcm, $0.baseAddress, count) }
            lock.lock()
            if generation != mine { lock.unlock(); return }
            if written < 0 {
                state = .unavailable("audio output stopped: \(String(cString: bs_alsa_error(Int32(written))))")
                lock.unlock()
                return
            }
            cursor = start + Int(written)
            lock.unlock()
        }
    }
}
