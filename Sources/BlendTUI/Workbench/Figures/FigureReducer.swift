import BlendApp
import BlendCore

/// `E`: the figure of the screen on show, drawn by `blendscope figure`'s use case and written
/// next to the project (PDF unless another format is chosen; a taken name gets a number,
/// nothing is overwritten), off the UI thread; a toast names the file, or says why not —
/// cairo missing, a folder that cannot be written — and the workbench carries on.
enum FigureReducer {
    /// The screens that show a figure, with `E`.
    static let screens: [Screen] = [.overview, .thresholds, .confusion, .fusion]

    /// The figures a screen shows: the chooser's list on Thresholds, the one `E` writes elsewhere.
    static func kinds(on screen: Screen) -> [FigureKind] {
        switch screen {
        case .thresholds: [.heatmap, .betaCurves, .actorBeta]
        case .confusion: [.confusion]
        case .fusion: [.fusionWeights]
        case .overview: [.durations]
        default: []
        }
    }

    static func title(_ kind: FigureKind) -> String {
        switch kind {
        case .heatmap: "α × β heatmap"
        case .betaCurves: "ACC_S(β) curves"
        case .confusion: "confusion figure"
        case .actorBeta: "per-actor β* plot"
        case .fusionWeights: "fusion weights figure"
        case .durations: "durations figure"
        }
    }

    static func run(_ slice: inout FigureState, _ id: CommandID, _ context: ScreenContext) -> ScreenUpdate? {
        if id == FigureCommands.format {
            slice.format = next(slice.format)
            return .toast("figures: \(slice.format.rawValue.uppercased()) from now on", .info)
        }
        if let kind = FigureKind.allCases.first(where: { FigureCommands.kind($0) == id }) { return write(&slice, kind, context) }
        guard let screen = screens.first(where: { FigureCommands.write(on: $0) == id }) else { return nil }
        let kinds = kinds(on: screen)
        guard kinds.count > 1 else { return kinds.first.map { write(&slice, $0, context) } ?? .nothing }
        slice.choice = 0
        return .nothing
    }

    static func reduce(_ slice: inout FigureState, _ action: FigureAction, _ context: ScreenContext) -> ScreenUpdate {
        switch action {
        case .chooserKey(let chord):
            return chooserKey(&slice, chord, context)
        case .written(let figure):
            slice.lastFigure = figure.path
            return .toast("wrote \(figure.path)", .success)
        case .failed(let kind, let why):
            return .toast("\(kind.rawValue) figure not written: \(why)", .error)
        }
    }

    /// The chooser: ↑↓/jk pick the figure, ←→/hl the format, Enter writes, Esc closes; any
    /// other key closes it and does what it does anywhere else.
    private static func chooserKey(_ slice: inout FigureState, _ chord: KeyChord, _ context: ScreenContext) -> ScreenUpdate {
        let kinds = kinds(on: context.screen)
        guard let choice = slice.choice, !kinds.isEmpty else {
            slice.choice = nil
            return .nothing
        }
        switch chord.key {
        case .up, .character("k"): slice.choice = (choice + kinds.count - 1) % kinds.count
        case .down, .character("j"): slice.choice = (choice + 1) % kinds.count
        case .left, .character("h"): slice.format = previous(slice.format)
        case .right, .character("l"): slice.format = next(slice.format)
        case .enter: return write(&slice, kinds[min(choice, kinds.count - 1)], context)
        case .escape: slice.choice = nil
        default:
            slice.choice = nil
            return ScreenUpdate(then: [.app(.input(.key(chord), region: nil))])
        }
        return .nothing
    }

    /// Draws and writes `kind` of the source on show, at the thresholds on show (its own
    /// while they are, so the figure matches `blendscope figure PROJECT KIND`), over the
    /// Confusion screen's scope for the confusion figure and every clip otherwise.
    static func write(_ slice: inout FigureState, _ kind: FigureKind, _ context: ScreenContext) -> ScreenUpdate {
        slice.choice = nil
        guard let request = context.targetRequest else {
            return .toast("no figure: the project has no source with probabilities yet", .warning)
        }
        // Said here in the workbench's words (the use case's refusal names the CLI's option).
        if kind == .fusionWeights, context.fusionFigure == nil, case .encoder(let name)? = context.project?.source {
            return .toast("fusion-weights figure not written: the source on show is encoder \(name), not a saved fusion "
                          + "(u picks the source)", .error)
        }
        let selection = kind == .confusion ? ScreenTarget.selection(context.confusionScope) : .all
        let figure = figureRequest(kind, context)
        let format = slice.format, access = context.access, path = context.path
        slice.requests += 1
        return ScreenUpdate(effects: [.task(.figure(slice.requests)) {
            do {
                let session = try access.session(path)
                let target = try session.target(request)
                return .figures(.written(try session.writeFigure(figure, target: target, in: selection, format: format,
                                                                besideProject: path)))
            } catch {
                return .figures(.failed(kind, "\(error)"))
            }
        }], then: [.app(.showToast("drawing the \(title(kind)) (\(format.rawValue.uppercased()))…", .info))])
    }

    /// The figure request for `kind` as the screen on show shows it: the Thresholds heatmap's
    /// metric, the Confusion screen's counts or rates, and on the Fusion screen the weights it
    /// shows when they are not a saved fusion's (drawn and titled as not saved).
    static func figureRequest(_ kind: FigureKind, _ context: ScreenContext) -> FigureRequest {
        var figure = FigureRequest(kind, metric: metric(context.heatmapMetric), rates: kind == .confusion && context.confusionRates,
                                   bands: kind == .betaCurves)
        if kind == .fusionWeights { figure.unsavedFusion = context.fusionFigure }
        return figure
    }

    /// The Thresholds heatmap's metric as the figure names it.
    static func metric(_ metric: HeatmapMetric) -> FigureHeatmapMetric {
        switch metric {
        case .score: .score
        case .presence: .accP
        case .salience: .accS
        }
    }

    static func next(_ format: FigureFileFormat) -> FigureFileFormat {
        let all = FigureFileFormat.allCases
        return all[((all.firstIndex(of: format) ?? 0) + 1) % all.count]
    }

    static func previous(_ format: FigureFileFormat) -> FigureFileFormat {
        let all = FigureFileFormat.allCases
        return all[((all.firstIndex(of: format) ?? 0) + all.count - 1) % all.count]
    }

    /// Keys while the chooser is open.
    static func input(_ event: InputEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        guard state.figures.choice != nil, state.app.overlay == nil, case .key(let chord) = event else { return nil }
        return .figures(.chooserKey(chord))
    }
}
