import BlendCore
import BlendReport
import Foundation

/// One source table of `export`, rendered with its provenance: what `blendscope export KIND`
/// prints or writes, and what the workbench's export writes, made in this one place.
public struct SourceExport: Sendable {
    public let table: ExportTable
    /// The file's text (provenance included).
    public let text: String
}

extension ExportContext {
    /// The context of an export made now by this build: `SOURCE_DATE_EPOCH` (whole seconds
    /// since 1970, the reproducible-builds convention) when set, so an export can be made byte
    /// for byte again, else the clock.
    public static func now(project: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> ExportContext {
        let fixed = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init).map { Date(timeIntervalSince1970: Double($0)) }
        return ExportContext(project: project, version: ProductVersion.text, created: fixed ?? Date())
    }
}

extension ProjectSession {
    /// `export KIND` of the target's source over `clips` (its clips in `selection`): the table,
    /// its provenance (source, thresholds and how they were chosen, scope, grid when the table
    /// searches one, bootstrap settings when it holds intervals, version, time) and the text in
    /// `format`. `request` is what the user asked for (it words a partly given origin);
    /// `top` keeps the actors table's first rows (the review takes it in its kind).
    public func sourceExport(_ kind: SourceTable, target: AnalysisTarget, request: TargetRequest? = nil,
                             clips: ScoredClips, selection: ClipSelection, format: ExportFormat,
                             options: ExportOptions = ExportOptions(), context: ExportContext,
                             grid: String = "official", settings: BootstrapSettings = .standard,
                             top: Int? = nil) throws -> SourceExport {
        var table = try self.table(kind, source: target.source, clips: clips, selection: selection,
                                   thresholds: target.thresholds, settings: settings)
        if case .actors = kind, let top { table = table.prefix(top) }
        var b: (source: SourceRef, thresholds: Thresholds)?
        if case .compare(let source, let thresholds) = kind { b = (source, thresholds) }
        var options = options
        options.provenance = Provenance.export(table, context: context, target: target, request: request,
                                               thresholds: kind.thresholdUse, b: b, scope: selection,
                                               grid: kind.usesGrid ? grid : nil, settings: settings)
        return SourceExport(table: table, text: format.render(table, options))
    }

    /// `sourceExport` of the labelled clips `selection` holds, the target as `request` means it:
    /// the workbench's export (what `blendscope export PROJECT KIND` with the same options writes).
    public func sourceExport(_ kind: SourceTable, request: TargetRequest, selection: ClipSelection, format: ExportFormat,
                             options: ExportOptions = ExportOptions(), context: ExportContext,
                             settings: BootstrapSettings = .standard) throws -> SourceExport {
        let target = try target(request)
        let (clips, _) = try scoredClips(target.source, in: selection)
        return try sourceExport(kind, target: target, request: request, clips: clips, selection: selection, format: format,
                                options: options, context: context, settings: settings)
    }
}
