import Foundation

/// Where blendscope looks for user configuration: `$XDG_CONFIG_HOME/blendscope` or
/// `~/.config/blendscope`.
public enum ConfigPaths {
    public static var directory: String? {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return (xdg as NSString).appendingPathComponent("blendscope")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".config/blendscope")
    }
}
