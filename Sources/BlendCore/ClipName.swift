/// What a BLEMORE file name says: `A102_ang_int1_ver1`, `A303_neu_sit2_ver1`,
/// `A438_mix_disg_hap_30_70_ver1`. The actor is the part before the first `_`.
public struct ClipName: Hashable, Sendable {
    public let stem: String
    public let actor: String
    public let label: Label

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case noActor(String)
        case unknownEmotion(String, String)
        case badBlend(String, String)

        public var description: String {
            switch self {
            case .noActor(let n): "'\(n)' has no actor part (expected e.g. A102_ang_int1_ver1)"
            case .unknownEmotion(let n, let e): "'\(n)': unknown emotion '\(e)' (expected one of ang, disg, fea, hap, sad, neu)"
            case .badBlend(let n, let why): "'\(n)': \(why) (expected e.g. A438_mix_disg_hap_30_70_ver1)"
            }
        }
    }

    /// Strips a video extension and directories: `clips/A102_ang_int1_ver1.mov` → `A102_ang_int1_ver1`.
    public static func stem(of filename: String) -> String {
        var name = Substring(filename)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        for ext in [".mov", ".mp4", ".avi", ".mkv", ".MOV", ".MP4"] where name.hasSuffix(ext) {
            name = name.dropLast(ext.count)
        }
        return String(name)
    }

    public init(_ filename: String) throws(ParseError) {
        let stem = Self.stem(of: filename)
        let parts = stem.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts[0].isEmpty else { throw .noActor(stem) }
        self.stem = stem
        self.actor = parts[0]
        if parts[1] == "mix" {
            guard parts.count >= 6 else { throw .badBlend(stem, "a blend name needs two emotions and two saliences") }
            guard let a = Emotion(code: parts[2]) else { throw .unknownEmotion(stem, parts[2]) }
            guard let b = Emotion(code: parts[3]) else { throw .unknownEmotion(stem, parts[3]) }
            guard a != .neu, b != .neu, a != b else { throw .badBlend(stem, "a blend mixes two different non-neutral emotions") }
            // `100 - sa` after the check, never `sa + sb`: a salience of 9223372036854775807 must not trap.
            guard let sa = Int(parts[4]), let sb = Int(parts[5]), [30, 50, 70].contains(sa), sb == 100 - sa else {
                throw .badBlend(stem, "saliences must be 50_50, 70_30 or 30_70")
            }
            self.label = .blend(a, sa, b)
        } else {
            guard let e = Emotion(code: parts[1]) else { throw .unknownEmotion(stem, parts[1]) }
            self.label = .single(e)
        }
    }
}
