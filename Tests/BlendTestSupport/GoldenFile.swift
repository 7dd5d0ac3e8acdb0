import Foundation

/// The one golden-file rule the test targets share: a text matches its file, or the test fails;
/// with `BLENDSCOPE_UPDATE_GOLDEN=1` a differing or missing file is rewritten and the test
/// still fails, so an update is always a deliberate second run and a reviewed diff. Free of
/// XCTest (this is a plain target): each target's wrapper passes the message to `XCTFail`.
public enum GoldenFile {
    /// Why `text` fails against `name` in `directory`, after rewriting the file in update mode;
    /// nil when it matches.
    public static func failure(_ text: String, _ name: String, in directory: URL) -> String? {
        let url = directory.appendingPathComponent(name)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        guard text != expected else { return nil }
        if ProcessInfo.processInfo.environment["BLENDSCOPE_UPDATE_GOLDEN"] == "1" {
            try? Data(text.utf8).write(to: url)
            return "golden file \(name) rewritten; review the diff and run again"
        }
        guard let expected else { return "no golden file \(name) (run with BLENDSCOPE_UPDATE_GOLDEN=1 to create it)" }
        return "differs from golden file \(name):\n--- expected\n\(expected)\n--- got\n\(text)"
    }
}
