/// Where the Overview's panes go. Narrow terminals keep two columns: the project summary
/// (with the duration section under it when tall enough) beside the folds over the encoders.
/// Wide and tall ones (160×48) put the summary beside the folds, the encoders across the whole
/// width (every column with its interval fits), and under them the per-actor and per-fold β*
/// plot beside the duration section, so the screen is not left mostly empty.
struct OverviewLayout {
    let summary: Rect
    let folds: Rect
    let encoders: Rect
    /// The β* plot, when the terminal is wide and tall enough for it.
    let betas: Rect?
    /// The duration section's pane in the wide layout (the narrow one lets it take the bottom
    /// of the summary's column, as before).
    let durations: Rect?

    static let wideWidth = 140
    static let wideHeight = 40

    /// `summaryLines` and `foldRows` size the top row, `encoderRows` the encoders pane.
    init(_ area: Rect, summaryLines: Int, foldRows: Int, encoderRows: Int, hasDurations: Bool) {
        guard area.width >= Self.wideWidth, area.height >= Self.wideHeight - 4 else {
            let columns = area.split(.horizontal, [.percent(45), .fill(1)])
            let right = columns[1].split(.vertical, [.fixed(min(columns[1].height / 2, foldRows + 6)), .fill(1)])
            summary = columns[0]
            folds = right[0]
            encoders = right[1]
            betas = nil
            durations = nil
            return
        }
        let top = min(area.height / 3, max(summaryLines + 2, foldRows + 6))
        let middle = min(max(5, encoderRows + 3), area.height - top - 12)
        let rows = area.split(.vertical, [.fixed(top), .fixed(middle), .fill(1)])
        let upper = rows[0].split(.horizontal, [.percent(45), .fill(1)])
        summary = upper[0]
        folds = upper[1]
        encoders = rows[1]
        if hasDurations {
            let lower = rows[2].split(.horizontal, [.percent(55), .fill(1)])
            betas = lower[0]
            durations = lower[1]
        } else {
            betas = rows[2]
            durations = nil
        }
    }
}
