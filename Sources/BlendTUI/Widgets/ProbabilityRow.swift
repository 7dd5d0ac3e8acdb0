import BlendCore

/// One row of six emotion probabilities, each in its emotion's colour: a label, then one
/// column per emotion (ang, disg, fea, hap, sad, neu) with a bar, a value, or both.
/// `header(into:area:)` draws the matching column titles.
public struct ProbabilityRow: Widget {
    /// What each emotion column shows.
    public enum Content: Sendable {
        /// An eighth-block bar whose length is the probability.
        case bars
        /// The value, as `.41`.
        case values
        /// The bar, then the value (needs columns of 7 cells or more to be useful).
        case barsAndValues
        /// A one-cell level (▁ to █), then the value: the shape of the row at a glance in
        /// columns of 5 cells.
        case levelsAndValues

        /// The richest content that fits a row `width` cells wide with a label of `labelWidth`.
        public static func fitting(width: Int, labelWidth: Int) -> Content {
            let column = (width - labelWidth - 6) / 6
            return column >= 7 ? .barsAndValues : column >= 5 ? .levelsAndValues : .values
        }
    }

    public var label: String
    /// In the challenge's order; missing entries count as 0.
    public var probabilities: [Double]
    public var content: Content
    public var labelWidth: Int
    /// Emotions to stress (e.g. the predicted ones): drawn bold.
    public var emphasised: Set<Emotion>
    public var labelStyle: Style

    public init(label: String, probabilities: [Double], content: Content = .bars, labelWidth: Int = 12,
                emphasised: Set<Emotion> = [], labelStyle: Style = Style(fg: .text)) {
        self.label = label
        self.probabilities = probabilities
        self.content = content
        self.labelWidth = labelWidth
        self.emphasised = emphasised
        self.labelStyle = labelStyle
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        let parts = ProbabilityRow.columns(in: area.row(0), labelWidth: labelWidth)
        canvas.draw(label, x: parts.label.x, y: area.y, maxWidth: parts.label.width, style: labelStyle, clip: area)
        for emotion in Emotion.allCases {
            let rect = parts.emotions[emotion.rawValue]
            guard !rect.isEmpty else { continue }
            let p = emotion.rawValue < probabilities.count ? probabilities[emotion.rawValue] : 0
            var style = Style(fg: .emotion(emotion))
            if emphasised.contains(emotion) { style = style.bold() }
            let value = Format.fraction(p, digits: 2)
            switch content {
            case .bars:
                Bar(p, style: style).render(into: &canvas, area: rect)
            case .values:
                // Left-aligned, under the column titles.
                canvas.draw(value, in: rect, alignment: .left, style: style)
            case .levelsAndValues:
                // An empty probability leaves the level blank rather than a misleading ▁.
                let level = BlockBar.level(Int((min(max(p, 0), 1) * 8).rounded()))
                canvas.draw(String(level), x: rect.x, y: rect.y, style: style, clip: rect)
                canvas.draw(value, in: Rect(x: rect.x + 1, y: rect.y, width: max(0, rect.width - 1), height: 1),
                            alignment: .left, style: style)
            case .barsAndValues:
                // A fixed slot (" 1.00" is the widest) keeps bars of one column equally long.
                let valueWidth = 5
                let barRect = Rect(x: rect.x, y: rect.y, width: rect.width - valueWidth, height: 1)
                Bar(p, style: style).render(into: &canvas, area: barRect)
                canvas.draw(value, in: Rect(x: barRect.maxX, y: rect.y, width: valueWidth, height: 1),
                            alignment: .right, style: style)
            }
        }
    }

    /// The column titles (`ang disg fea hap sad neu`) over the same columns, after `title`.
    public static func header(into canvas: inout Canvas, area: Rect, title: String = "", labelWidth: Int = 12) {
        guard !area.isEmpty else { return }
        let parts = columns(in: area.row(0), labelWidth: labelWidth)
        let style = Style(fg: .muted, .bold)
        canvas.draw(title, x: parts.label.x, y: area.y, maxWidth: parts.label.width, style: style, clip: area)
        for emotion in Emotion.allCases {
            // In narrow columns "disg" is cut to "dis" (an ellipsis would leave only "di…").
            let rect = parts.emotions[emotion.rawValue]
            canvas.draw(emotion.code, x: rect.x, y: rect.y, maxWidth: rect.width, style: Style(fg: .emotion(emotion), .bold),
                        truncation: .clip)
        }
    }

    /// The label cell and six equal emotion columns, one cell apart.
    static func columns(in row: Rect, labelWidth: Int) -> (label: Rect, emotions: [Rect]) {
        let pieces = row.split(.horizontal, [.fixed(labelWidth)] + Array(repeating: .fill(1), count: 6), spacing: 1)
        return (pieces[0], Array(pieces.dropFirst()))
    }
}
