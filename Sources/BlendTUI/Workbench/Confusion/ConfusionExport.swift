import BlendApp
import BlendCore
import BlendReport
import Foundation

/// Where the presence table goes next to the project (the text is the export use case's, as
/// `blendscope export PROJECT confusion` writes it for the same source, scope and thresholds).
enum ConfusionExport {
    /// `<project dir>/exports/confusion-<source>[-<scope>]-a.10-b.20[-rates].<ext>`, absolute.
    static func url(projectPath: String, source: SourceRef?, scope: ClipScope, thresholds t: Thresholds, rates: Bool,
                    format: ExportFormat) -> URL {
        let project = URL(fileURLWithPath: projectPath).standardizedFileURL
        var parts = ["confusion", fileSafe(source?.name ?? "source")]
        if scope != .all { parts.append(fileSafe(scope.description)) }
        parts += ["a" + threshold(t.alpha), "b" + threshold(t.beta)]
        if rates { parts.append("rates") }
        return project.deletingLastPathComponent().appendingPathComponent("exports", isDirectory: true)
            .appendingPathComponent(parts.joined(separator: "-") + "." + format.rawValue)
    }

    /// Writes the rendered file (creating `exports/` when missing); returns its path.
    /// - Throws: `FolderError` when `exports/` cannot be made, `ExportError` when the file
    ///   cannot be written.
    static func write(_ text: String, to url: URL) throws -> String {
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw FolderError(path: folder.path, reason: "a file of that name is in the way")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FolderError(path: folder.path, reason: error.localizedDescription)
        }
        try ExportFile.write(text, to: url.path)
        return url.path
    }

    /// The exports folder could not be made.
    struct FolderError: Error, CustomStringConvertible {
        let path: String
        let reason: String

        var description: String { "\(path): cannot make the folder (\(reason))" }
    }

    /// `.10`, `.05`, `.4763`: two decimals at least, four at most, so names stay short but
    /// two different stored thresholds never share a file.
    static func threshold(_ x: Double) -> String {
        var text = Format.fraction(x, digits: 4)
        while text.hasSuffix("0"), text.count > 3 { text.removeLast() }
        return text
    }

    /// Letters, digits, `.`, `_` and `-` kept; anything else (spaces, slashes) becomes `_`.
    static func fileSafe(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
    }

    /// What the chooser lists for each format.
    static func title(_ format: ExportFormat) -> String {
        switch format {
        case .csv: "CSV"
        case .md: "Markdown"
        case .tex: "LaTeX"
        case .json: "JSON"
        }
    }
}
