import BlendCore
import Foundation

/// A submission or template file as the challenge has them:
/// `{"predictions": {"test_0001.mov": [{"emotion": "hap", "salience": 70.0}, …], …}}`.
///
/// The rules `export submission --template` and `--check` apply:
/// - the top level is an object with exactly one member, `predictions`, an object;
/// - a checked submission's every value is a list of one entry (`salience` 100) or two
///   (two different non-neutral emotions with saliences 50/50 or 70/30), each entry an object
///   with exactly `emotion` (ang, disg, fea, hap, sad, neu) and `salience` (a number); a
///   template's values are not read;
/// - its keys are the template's: same names, same count, each once. A mismatch is refused
///   listing the missing and the extra names.
public struct SubmissionFile: Sendable {
    /// The keys of `predictions`, sorted (a JSON object's order carries no meaning).
    public let keys: [String]
    /// The decoded predictions by key (empty for a template, whose values are not read).
    public let labels: [String: Label]

    /// The largest file read (a real submission is about 60 kB for 594 clips).
    public static let sizeLimit = 64 << 20

    /// Reads `path`; `template` skips the values (a template's placeholders are not predictions).
    public init(path: String, template: Bool) throws {
        let url = URL(fileURLWithPath: path)
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw InputError(file: path, "cannot read the file (no such file, or no permission)")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw InputError(file: path, "not a regular file")
        }
        if let size = attributes[.size] as? Int, size > Self.sizeLimit {
            throw InputError(file: path, "\(size) bytes, more than the \(Self.sizeLimit >> 20) MiB a submission may have")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw InputError(file: path, "cannot read the file") }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw InputError(file: path, "not JSON (expected {\"predictions\": {name: [{\"emotion\", \"salience\"}, …]}})")
        }
        guard let top = object as? [String: Any], let predictions = top["predictions"] as? [String: Any] else {
            throw InputError(file: path, "no \"predictions\" object at the top level (expected {\"predictions\": {name: […]}})")
        }
        if let other = top.keys.first(where: { $0 != "predictions" }) {
            throw InputError(file: path, "unexpected top-level member \"\(TextRules.visible(other))\" (only \"predictions\")")
        }
        keys = predictions.keys.sorted()
        var labels: [String: Label] = [:]
        if !template {
            for key in keys {
                guard let value = predictions[key] else { continue }
                labels[key] = try Self.label(value, key: key, file: path)
            }
        }
        self.labels = labels
    }

    /// The prediction of one key: one entry at salience 100, or a valid blend.
    static func label(_ value: Any, key: String, file: String) throws -> Label {
        func fail(_ why: String) -> InputError { InputError(file: file, "\"\(TextRules.visible(key))\": \(why)") }
        guard let entries = value as? [Any], (1...2).contains(entries.count) else {
            throw fail("expected a list of one or two {\"emotion\", \"salience\"} entries")
        }
        var parts: [(Emotion, Double)] = []
        for entry in entries {
            guard let e = entry as? [String: Any], Set(e.keys) == ["emotion", "salience"],
                  let code = e["emotion"] as? String, let salience = e["salience"] as? Double else {
                throw fail("an entry is not {\"emotion\": CODE, \"salience\": NUMBER}")
            }
            guard let emotion = Emotion(code: code) else {
                throw fail("unknown emotion '\(TextRules.visible(code))' (expected one of ang, disg, fea, hap, sad, neu)")
            }
            parts.append((emotion, salience))
        }
        if parts.count == 1 {
            guard parts[0].1 == 100 else { throw fail("a single emotion has salience 100, not \(parts[0].1)") }
            return .single(parts[0].0)
        }
        let (a, sa) = parts[0], (b, sb) = parts[1]
        guard a != b, a != .neu, b != .neu else { throw fail("a blend mixes two different non-neutral emotions") }
        guard sa + sb == 100, [30.0, 50.0, 70.0].contains(sa) else {
            throw fail("blend saliences must be 50/50 or 70/30, not \(sa)/\(sb)")
        }
        return .blend(a, Int(sa), b)
    }

    /// Refuses unless `keys` are exactly `expected`'s: same names, same count, each once.
    public static func checkKeys(_ keys: [String], against expected: [String], file: String, what: String) throws {
        let have = Set(keys), want = Set(expected)
        var problems: [String] = []
        var seen = Set<String>()
        let repeated = keys.filter { !seen.insert($0).inserted }
        if !repeated.isEmpty { problems.append("repeated: " + list(repeated)) }
        let missing = expected.filter { !have.contains($0) }, extra = keys.filter { !want.contains($0) }
        if !missing.isEmpty { problems.append("\(missing.count) missing: " + list(missing)) }
        if !extra.isEmpty { problems.append("\(extra.count) extra: " + list(extra)) }
        guard problems.isEmpty else {
            throw InputError(file: file, "\(keys.count) names, \(what) has \(expected.count); " + problems.joined(separator: "; "))
        }
    }

    private static func list(_ names: [String]) -> String {
        names.prefix(10).map { TextRules.visible($0) }.joined(separator: ", ") + (names.count > 10 ? ", …" : "")
    }
}
