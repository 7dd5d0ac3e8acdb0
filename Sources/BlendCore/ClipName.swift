/// What a BLEMORE file name says: `A102_ang_int1_ver1`, `A303_neu_sit2_ver1`,
/// `A438_mix_disg_hap_30_70_ver1`.
///
/// The clip-name rule — the one every importer (metadata, probabilities, features and their
/// names files), video linking and the notes commands apply, here and nowhere else:
///
/// 1. Spaces around the name are ignored, and so is a folder before the last `/` or `\`
///    (`clips/A102_ang_int1_ver1.mov`, `C:\data\A102_ang_int1_ver1.mov`).
/// 2. One video extension is dropped: `.mov`, `.mp4`, `.avi` or `.mkv`, in any case (`.MOV`,
///    `.Mov`). What is left is the clip's *stem*, the key names are matched by, compared
///    exactly (case matters). Any other `.` in it (`.wav`, `.mov.bak`) is refused.
/// 3. The stem obeys `TextRules`: no control characters, line breaks or bidirectional controls.
/// 4. The stem is `ACTOR_EMOTION_TAKE_verN` (4 parts) or `ACTOR_mix_E1_E2_S1_S2_verN`
///    (7 parts), and nothing else:
///    - ACTOR is a capital `A` and one or more digits (`A102`, `A2304`); it is the clip's actor;
///    - EMOTION, E1 and E2 are `ang`, `disg`, `fea`, `hap`, `sad` or `neu`, in lower case; a
///      blend mixes two different emotions, neither `neu`;
///    - TAKE is lower-case letters then digits (`int1`…`int4`, `sit1`…`sit4`);
///    - S1_S2 are the saliences of E1 and E2, exactly `50_50`, `70_30` or `30_70` (digits
///      only: no sign, no leading zero, no spaces);
///    - `verN` is `ver` and a whole number from 1 without leading zeros (`ver1`, `ver2`).
/// 5. A metadata row's `video_id` and `version`, when filled in, must equal ACTOR and N, and
///    its label columns the label (checked by the metadata importer, which has the columns).
/// 6. An *unlabelled* (anonymised) test clip is named `test_` and one or more ASCII digits,
///    in lower case (`test_0001`, `test_594`; any extension of rule 2: `test_0001.mov`). It
///    carries no label and no actor, and is only ever a test clip. `ClipName` refuses such a
///    name (it has no label to give); `AnyClipName` takes both forms, for the importers that
///    accept unlabelled clips and for every importer that only matches clips by stem.
///
/// Anything else is refused with the file and line it came from: a name that looks like a
/// training clip but breaks rule 4 is an error, never an unlabelled clip.
public struct ClipName: Hashable, Sendable {
    public let stem: String
    public let actor: String
    public let label: Label
    /// N of the `verN` suffix: the take's recording number.
    public let version: Int

    /// Why a name breaks the rule; `description` quotes the name safely for a terminal.
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public let description: String

        init(_ description: String) { self.description = description }

        static func shape(_ stem: String, _ why: String, example: String = "A102_ang_int1_ver1") -> ParseError {
            ParseError("'\(stem)': \(why) (expected e.g. \(example))")
        }
    }

    /// Extensions dropped from a name, lower case; compared in any case.
    public static let videoExtensions: [String] = ["mov", "mp4", "avi", "mkv"]

    static let blendExample = "A438_mix_disg_hap_30_70_ver1"
    static let saliencePairs: Set<[String]> = [["50", "50"], ["70", "30"], ["30", "70"]]

    /// The stem of a file name by rules 1 and 2: `C:\clips\A102_ang_int1_ver1.MOV` →
    /// `A102_ang_int1_ver1`. Never throws: a name that breaks the rest of the rule is simply
    /// no clip's key.
    public static func stem(of filename: String) -> String {
        // The common case, a bare stem read back from the store: nothing to trim, no folder,
        // no extension. Checked on the bytes, which is much cheaper than walking characters.
        let bytes = filename.utf8
        if bytes.first != 0x20, bytes.last != 0x20,
           !bytes.contains(where: { $0 == 0x2F || $0 == 0x5C || $0 == 0x2E }) {
            return filename
        }
        var name = Substring(filename)
        while name.first == " " { name.removeFirst() }
        while name.last == " " { name.removeLast() }
        if let slash = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) { name = name[name.index(after: slash)...] }
        if let dot = name.lastIndex(of: "."), videoExtensions.contains(name[name.index(after: dot)...].lowercased()) {
            name = name[..<dot]
        }
        return String(name)
    }

    /// The prefix of an unlabelled test clip's name (rule 6).
    public static let unlabelledPrefix = "test_"

    /// Whether a stem is an unlabelled test clip's (rule 6): `test_` and one or more digits.
    public static func isUnlabelled(stem: String) -> Bool {
        guard stem.hasPrefix(unlabelledPrefix) else { return false }
        let digits = stem.dropFirst(unlabelledPrefix.count)
        return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }

    /// Rules 1–3: the stem of a name, or why it cannot be one.
    static func checkedStem(_ filename: String) throws(ParseError) -> String {
        let stem = Self.stem(of: filename)
        guard !stem.isEmpty else { throw ParseError("empty clip name") }
        do {
            try TextRules.check(stem, as: "clip name")
        } catch {
            throw ParseError(error.description)
        }
        if let dot = stem.firstIndex(of: ".") {
            let ext = stem[dot...]
            throw ParseError("'\(stem)': '\(ext)' is not a video extension (a clip name may end in "
                             + Self.videoExtensions.map { ".\($0)" }.joined(separator: ", ") + ", in any case)")
        }
        return stem
    }

    /// Parses a file name by the whole rule (see the type's documentation); an unlabelled
    /// test name (rule 6) is refused: it has no label.
    public init(_ filename: String) throws(ParseError) {
        if let plain = Self.canonical(filename) {
            self = plain
        } else {
            self = try ClipName(fullRule: filename)
        }
    }

    /// `init(_:)` without the fast path for plain names (`canonical`), which it must agree with.
    init(fullRule filename: String) throws(ParseError) {
        let stem = try Self.checkedStem(filename)
        if Self.isUnlabelled(stem: stem) {
            throw ParseError("'\(stem)' is an unlabelled test clip's name: it carries no label (import it as unlabelled)")
        }
        if stem.hasPrefix(Self.unlabelledPrefix) {
            throw .shape(stem, "an unlabelled test clip's name is 'test_' and digits", example: "test_0001")
        }
        try self.init(labelled: stem)
    }

    private init(labelled stem: String) throws(ParseError) {
        let parts = stem.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        let isBlend = parts.count > 1 && parts[1] == "mix"
        let expected = isBlend ? 7 : 4
        guard parts.count == expected else {
            throw .shape(stem, "\(parts.count) part\(parts.count == 1 ? "" : "s") separated by '_'; a clip name has 4, "
                         + "a blend 7", example: isBlend ? Self.blendExample : "A102_ang_int1_ver1 or \(Self.blendExample)")
        }
        let actor = parts[0]
        guard actor.first == "A", actor.count > 1, actor.dropFirst().allSatisfy(\.isASCIIDigit) else {
            throw .shape(stem, "actor '\(actor)' is not a capital A followed by digits")
        }
        self.stem = stem
        self.actor = actor
        self.version = try Self.version(parts[parts.count - 1], stem)
        if isBlend {
            label = try Self.blend(parts, stem)
        } else {
            label = .single(try Self.emotion(parts[1], stem))
            let take = parts[2]
            guard let firstDigit = take.firstIndex(where: \.isASCIIDigit), firstDigit != take.startIndex,
                  take[..<firstDigit].allSatisfy({ $0.isASCII && $0.isLowercase }),
                  take[firstDigit...].allSatisfy(\.isASCIIDigit) else {
                throw .shape(stem, "take '\(take)' is not lower-case letters then digits (int1, sit1)")
            }
        }
    }

    private static func emotion(_ code: String, _ stem: String) throws(ParseError) -> Emotion {
        guard let e = Emotion(code: code) else {
            throw ParseError("'\(stem)': unknown emotion '\(code)' (expected one of ang, disg, fea, hap, sad, neu)")
        }
        return e
    }

    private static func blend(_ parts: [String], _ stem: String) throws(ParseError) -> Label {
        let a = try emotion(parts[2], stem), b = try emotion(parts[3], stem)
        guard a != .neu, b != .neu, a != b else {
            throw .shape(stem, "a blend mixes two different non-neutral emotions", example: blendExample)
        }
        guard saliencePairs.contains([parts[4], parts[5]]), let sa = Int(parts[4]) else {
            throw .shape(stem, "saliences '\(parts[4])_\(parts[5])' are not 50_50, 70_30 or 30_70 (digits only, no sign)",
                         example: blendExample)
        }
        return .blend(a, sa, b)
    }

    private static func version(_ part: String, _ stem: String) throws(ParseError) -> Int {
        let digits = part.dropFirst(3)
        guard part.hasPrefix("ver"), let first = digits.first, first != "0", digits.count <= 9,
              digits.allSatisfy(\.isASCIIDigit), let n = Int(digits) else {
            throw .shape(stem, "'\(part)' is not 'ver' and a take number from 1")
        }
        return n
    }
}

/// A clip name by the whole rule, either form: a labelled BLEMORE name (rules 1–5) or an
/// unlabelled test clip's (rule 6).
public enum AnyClipName: Hashable, Sendable {
    case labelled(ClipName)
    /// `test_0001`: the stem; `file` is the last path component as given, spaces and folder
    /// dropped, extension kept (`test_0001.mov`), the clip's key in a submission.
    case unlabelled(stem: String, file: String)

    public var stem: String {
        switch self {
        case .labelled(let n): n.stem
        case .unlabelled(let stem, _): stem
        }
    }

    public init(_ filename: String) throws(ClipName.ParseError) {
        if let plain = ClipName.canonical(filename) {
            self = .labelled(plain)
            return
        }
        if ClipName.isPlainUnlabelled(filename) {
            // Nothing to trim and no extension: the file is the stem with `.mov` (`lastComponent`).
            self = .unlabelled(stem: filename, file: filename + ".mov")
            return
        }
        let stem = try ClipName.checkedStem(filename)
        if ClipName.isUnlabelled(stem: stem) {
            self = .unlabelled(stem: stem, file: Self.lastComponent(filename))
        } else {
            self = .labelled(try ClipName(filename))
        }
    }

    /// The name without surrounding spaces and folders; an extension-less name gets `.mov`,
    /// the extension the challenge's files and template use.
    public static func lastComponent(_ filename: String) -> String {
        var name = Substring(filename)
        while name.first == " " { name.removeFirst() }
        while name.last == " " { name.removeLast() }
        if let slash = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) { name = name[name.index(after: slash)...] }
        return name.contains(".") ? String(name) : name + ".mov"
    }
}

extension Character {
    /// `0`–`9` only (`isNumber` would also take `٣` and `½`).
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
