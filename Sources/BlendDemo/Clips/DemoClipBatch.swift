import BlendMedia
import BlendCore
import Foundation

extension DemoClipWriter {
    /// Writes one `.mov` per clip into `directory` (named `<clip>.mov`) on `threads` threads.
    /// Each clip's seed mixes `seed` with a stable hash of its name, so a clip looks the same
    /// whatever else is in the batch. Returns the paths in the order of `clips`.
    public static func writeAll(_ clips: [(name: String, label: Label)], seed: UInt64, directory: String,
                                threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let paths = clips.map { URL(fileURLWithPath: directory).appendingPathComponent("\($0.name).mov").path }
        let failure = FirstError()
        let workers = max(1, min(threads, clips.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < clips.count, !failure.isSet {
                do {
                    try write(DemoClipSpec(label: clips[i].label, seed: seed ^ stableHash(clips[i].name)), to: paths[i])
                } catch {
                    failure.record(error)
                }
                i += workers
            }
        }
        if let error = failure.error { throw error }
        return paths
    }

    /// FNV-1a over the UTF-8 bytes: stable across runs and platforms, unlike `Hasher`.
    static func stableHash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h &*= 0x100_0000_01b3
        }
        return h
    }
}

/// The first error any worker met; later ones are dropped.
private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    var isSet: Bool { lock.withLock { stored != nil } }
    var error: Error? { lock.withLock { stored } }

    func record(_ error: Error) {
        lock.withLock { if stored == nil { stored = error } }
    }
}
