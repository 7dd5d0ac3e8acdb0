import BlendMedia
import Foundation

/// The clip's sound: heard through ALSA while the video plays, and drawn as the strips under
/// the time line. Off the UI thread, like the frames.
enum ClipSound {
    /// The rate and channels playback decodes to (what every ALSA device takes).
    static let playbackRate = 48_000
    static let playbackChannels = 2
    /// How far the sound's position may run ahead of the wall clock and still lead the picture:
    /// a real device keeps within its buffer (50 ms); further ahead, the device takes samples
    /// faster than they sound (ALSA's `null`) and the picture keeps the wall clock.
    static let trustedDrift = 0.25

    /// The clip time the picture shows: the position heard, unless the output runs ahead of
    /// real time. A position behind the wall clock is followed however far: the sound is late
    /// (an underrun on a busy machine), and the picture waits for it rather than part from it.
    static func due(heard: Double?, wall: Double) -> Double {
        guard let heard, heard - wall < trustedDrift else { return wall }
        return heard
    }

    /// The ALSA device: `$BLENDSCOPE_AUDIO_DEVICE` (e.g. `null` in tests), else `default`.
    static var device: String {
        let named = ProcessInfo.processInfo.environment["BLENDSCOPE_AUDIO_DEVICE"] ?? ""
        return named.isEmpty ? "default" : named
    }

    /// Starts the clip's sound from `seconds` and returns the output to follow, or nil (after
    /// sending why) when there is no sound track or no output.
    static func start(path: String, from seconds: Double, muted: Bool, send: Send<WorkbenchAction>) -> AudioOutput? {
        let clip: AudioClip
        do {
            clip = try AudioDecoder.decode(path: path, sampleRate: playbackRate, channels: playbackChannels)
        } catch {
            send(.clipVideo(.soundUnavailable("no sound: \(error)")))
            return nil
        }
        let output = AudioOutput(device: device, sampleRate: playbackRate, channels: playbackChannels)
        if case .unavailable(let reason) = output.currentState {
            send(.clipVideo(.soundUnavailable(reason)))
            return nil
        }
        output.muted = muted
        output.play(clip, from: seconds)
        return output
    }

    /// Decodes `clip`'s sound for the strips: the RMS envelope, and the mel spectrogram where
    /// FFTW is there. Its own key, so the picture's effects do not cancel it.
    static func strips(clip: String, path: String) -> Effect<WorkbenchAction> {
        .task(.screen(.clips, "audio")) { .clipVideo(.audio(clip: clip, analyse(clip: clip, path: path))) }
    }

    /// The work of `strips`, callable in line: nil when the file has no readable sound.
    static func analyse(clip: String, path: String) -> ClipAudio? {
        guard let sound = try? AudioDecoder.decode(path: path) else { return nil }
        return ClipAudio(clip: clip, duration: sound.duration, envelope: AudioEnvelope(sound),
                         spectrogram: try? Spectrogram.mel(sound))
    }
}
