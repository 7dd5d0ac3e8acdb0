extension ClipName {
    /// The rule of `init(_:)` on the bytes of a name already in its plain form — ASCII letters,
    /// digits and `_` only, so no spaces, folder, extension or forbidden character — which is
    /// what every clip name read back from the store is. Nil for anything else and for every
    /// name the rule refuses: the caller then runs the full rule, which alone words the refusal.
    ///
    /// Why: every verb checks every stored clip's name on read (issue 11), and walking
    /// `Character`s with Unicode properties made that most of a short verb's time.
    /// `ClipNameCanonicalTests` checks it agrees with the full rule.
    static func canonical(_ stem: String) -> ClipName? {
        var text = stem
        return text.withUTF8 { bytes -> ClipName? in
            guard bytes.count > 0, bytes.allSatisfy(isPlain) else { return nil }
            // `test_…` is an unlabelled clip's (rule 6) or a refused name: the full rule says which.
            if bytes.starts(with: unlabelledBytes) { return nil }
            var parts: [Range<Int>] = []
            var start = 0
            for i in 0..<bytes.count where bytes[i] == underscore {
                parts.append(start..<i)
                start = i + 1
                if parts.count > 7 { return nil }
            }
            parts.append(start..<bytes.count)
            let isBlend = parts.count > 1 && equal(bytes, parts[1], "mix")
            guard parts.count == (isBlend ? 7 : 4) else { return nil }

            let actor = parts[0]
            guard actor.count > 1, bytes[actor.lowerBound] == UInt8(ascii: "A"),
                  bytes[(actor.lowerBound + 1)..<actor.upperBound].allSatisfy(isDigit) else { return nil }

            let last = parts[parts.count - 1]
            guard last.count > 3 else { return nil }
            let digits = (last.lowerBound + 3)..<last.upperBound
            guard equal(bytes, last.lowerBound..<digits.lowerBound, "ver"),
                  bytes[digits.lowerBound] != UInt8(ascii: "0"), digits.count <= 9,
                  bytes[digits].allSatisfy(isDigit) else { return nil }
            let version = bytes[digits].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }

            let label: Label
            if isBlend {
                guard let a = emotion(bytes, parts[2]), let b = emotion(bytes, parts[3]),
                      a != b, a != .neu, b != .neu,
                      let sa = salience(bytes, parts[4]), let sb = salience(bytes, parts[5]), sa + sb == 100
                else { return nil }
                label = .blend(a, sa, b)
            } else {
                guard let e = emotion(bytes, parts[1]) else { return nil }
                let take = parts[2]
                guard let firstDigit = take.first(where: { isDigit(bytes[$0]) }), firstDigit != take.lowerBound,
                      bytes[take.lowerBound..<firstDigit].allSatisfy(isLower),
                      bytes[firstDigit..<take.upperBound].allSatisfy(isDigit) else { return nil }
                label = .single(e)
            }
            let actorText = String(decoding: UnsafeBufferPointer(rebasing: bytes[actor]), as: UTF8.self)
            return ClipName(stem: stem, actor: actorText, label: label, version: version)
        }
    }

    /// Whether `stem` is, byte for byte, an unlabelled clip's name in its plain form: `test_`
    /// and one or more ASCII digits, nothing around it (what `AnyClipName` stores for rule 6).
    public static func isPlainUnlabelled(_ stem: String) -> Bool {
        let bytes = stem.utf8
        return bytes.count > unlabelledBytes.count && bytes.starts(with: unlabelledBytes)
            && bytes.dropFirst(unlabelledBytes.count).allSatisfy(isDigit)
    }

    private init(stem: String, actor: String, label: Label, version: Int) {
        self.stem = stem
        self.actor = actor
        self.label = label
        self.version = version
    }

    private static let underscore = UInt8(ascii: "_")
    private static let emotions = Emotion.allCases
    private static let unlabelledBytes = Array(unlabelledPrefix.utf8)

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    private static func isPlain(_ b: UInt8) -> Bool {
        isDigit(b) || isLower(b) || (b >= 0x41 && b <= 0x5A) || b == underscore
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for (k, i) in range.enumerated() where bytes[i] != w[k] { return false }
        return true
    }

    private static func emotion(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Emotion? {
        emotions.first { equal(bytes, range, $0.codeBytes) }
    }

    /// `50`, `70` or `30` exactly (the pairs of `saliencePairs` are those that add to 100).
    private static func salience(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        for s: (StaticString, Int) in [("50", 50), ("70", 70), ("30", 30)] where equal(bytes, range, s.0) { return s.1 }
        return nil
    }
}
