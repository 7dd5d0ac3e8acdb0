import BlendEngine
import Foundation

/// The process's peak resident memory, resettable on Linux so that consecutive measurements
/// in one process each see their own peak.
enum PeakMemory {
    /// Starts a new peak: writing 5 to `/proc/self/clear_refs` resets `VmHWM` to the current
    /// resident size (Linux ≥ 4.0). Elsewhere the peak stays the process's lifetime peak,
    /// which can only overstate a later measurement.
    static func reset() {
        try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
    }

    /// Peak resident bytes since the last reset (`VmHWM`), else since the process started.
    static func peakBytes() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
            return kilobytes * 1024
        }
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)  // bytes on macOS
        #endif
    }
}
