import Foundation

/// Whether a process id still names a live process on this machine.
enum ProcessLiveness {
    /// `kill(pid, 0)` says whether the id is in use (EPERM: in use by another user). A zombie
    /// (exited, not yet reaped by its parent) still holds its id, so on Linux the state in
    /// `/proc/PID/stat` decides: `Z` or `X` is dead.
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].drop { $0 == " " }.first
        return state != "Z" && state != "X"
    }
}
