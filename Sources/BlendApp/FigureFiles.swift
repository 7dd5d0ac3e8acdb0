import BlendCore
import BlendFigures
import Foundation

/// A figure file's format as the front ends name it without importing BlendFigures.
public typealias FigureFileFormat = FigureFormat
/// What a heatmap figure colours, as the front ends name it without importing BlendFigures.
public typealias FigureHeatmapMetric = HeatmapMetric

/// A figure written beside a project.
public struct WrittenFigure: Sendable, Hashable {
    /// The file, absolute.
    public let path: String
    public let kind: FigureKind
    public let format: FigureFileFormat
}

/// Why a figure could not be written beside the project.
public struct FigureFileError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String

    public var description: String { "\(path): \(reason)" }
}

extension ProjectSession {
    /// `blendscope figure`'s figure of the target's source over `selection`, written into the
    /// folder of the project at `projectPath` as `STEM-KIND-SOURCE[-SCOPE].EXT` — never over an
    /// existing file: a name taken gets `-2`, `-3`, … (the workbench's `E`).
    ///
    /// - Throws: `FigureError.cairoUnavailable` when cairo cannot be loaded (said before any
    ///   work), the figure use case's refusals, `FigureFileError` when the folder cannot be written.
    public func writeFigure(_ request: FigureRequest, target: AnalysisTarget, in selection: ClipSelection = .all,
                            format: FigureFileFormat = .pdf, besideProject projectPath: String) throws -> WrittenFigure {
        try FigureRenderer.loadCairo()
        let figure = try figure(request, target: target, in: selection)
        let bytes = try FigureRenderer.render(figure, as: format)
        let project = URL(fileURLWithPath: projectPath).standardizedFileURL
        var parts = [project.deletingPathExtension().lastPathComponent, request.kind.rawValue, target.source.name]
        if !selection.scopes.isEmpty { parts.append(selection.description) }
        if request.kind == .fusionWeights, request.unsavedFusion != nil { parts.append("unsaved") }
        let stem = parts.map(FigureFiles.fileSafe).joined(separator: "-")
        let path = try FigureFiles.writeNew(bytes, folder: project.deletingLastPathComponent(), stem: stem,
                                            extension: format.rawValue)
        return WrittenFigure(path: path, kind: request.kind, format: format)
    }
}

/// Writing a file under a name not yet taken.
public enum FigureFiles {
    /// Letters, digits, `.`, `_` and `-` kept; anything else (spaces, slashes, `·`) becomes `_`.
    public static func fileSafe(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
    }

    /// Writes `data` whole into a temporary file in `folder`, then links it under
    /// `STEM.EXT`, else `STEM-2.EXT`, … — the link fails rather than replace a file, so no
    /// existing file is ever overwritten, even by a second writer racing this one.
    /// Returns the path written.
    static func writeNew(_ data: Data, folder: URL, stem: String, extension ext: String) throws -> String {
        let temporary = folder.appendingPathComponent(".\(stem).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw FigureFileError(path: folder.path, reason: "cannot write a figure here (\(reason(error)))")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        for n in 1...10_000 {
            let name = n == 1 ? "\(stem).\(ext)" : "\(stem)-\(n).\(ext)"
            let target = folder.appendingPathComponent(name)
            if link(temporary.path, target.path) == 0 { return target.path }
            let code = errno
            guard code == EEXIST else {
                throw FigureFileError(path: target.path, reason: "cannot write the figure (\(String(cString: strerror(code))))")
            }
        }
        throw FigureFileError(path: folder.appendingPathComponent("\(stem).\(ext)").path, reason: "every numbered name is taken")
    }

    /// The system's words for a write failure (`Permission denied`), not Foundation's sentence.
    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(code))) }
        return error.localizedDescription
    }
}
