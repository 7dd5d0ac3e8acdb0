/// A value slider: `α  0.12  ◀━━━━●━━━━━━━━━━▶`. The knob sits where the value lies in
/// `range`; a click on the track maps back to a value with `value(atColumn:in:)`.
public struct Slider: Widget {
    public var label: String
    public var value: Double
    public var range: ClosedRange<Double>
    public var digits: Int
    public var focused: Bool

    public init(label: String, value: Double, range: ClosedRange<Double>, digits: Int = 2, focused: Bool = false) {
        self.label = label
        self.value = value
        self.range = range
        self.digits = digits
        self.focused = focused
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        let labelStyle = focused ? Style(fg: .focus, .bold) : Style(fg: .text)
        var x = area.x
        x += canvas.draw(TextFit.fit(label, width: labelWidth), x: x, y: area.y, style: labelStyle, clip: area)
        x += canvas.draw(TextFit.fit(Format.decimal(value, digits: digits), width: valueWidth), x: x, y: area.y,
                         style: Style(fg: .text, .bold), clip: area)
        guard let track = track(in: area) else { return }
        let line = Style(fg: focused ? .accent : .muted)
        canvas.put("◀", x: track.x - 1, y: area.y, style: line, clip: area)
        for column in track.x..<track.maxX { canvas.put("━", x: column, y: area.y, style: line, clip: area) }
        canvas.put("▶", x: track.maxX, y: area.y, style: line, clip: area)
        canvas.put("●", x: track.x + knobOffset(trackWidth: track.width), y: area.y,
                   style: Style(fg: focused ? .focus : .text, .bold), clip: area)
    }

    /// The value under column `x` of the track, or nil when `x` is not on it. Clicking the
    /// arrows steps to the ends of the range.
    public func value(atColumn x: Int, in area: Rect) -> Double? {
        guard let track = track(in: area) else { return nil }
        if x == track.x - 1 { return range.lowerBound }
        if x == track.maxX { return range.upperBound }
        guard x >= track.x, x < track.maxX else { return nil }
        guard track.width > 1 else { return range.lowerBound }
        let t = Double(x - track.x) / Double(track.width - 1)
        return range.lowerBound + t * (range.upperBound - range.lowerBound)
    }

    private var labelWidth: Int { DisplayWidth.of(label) + 2 }
    private var valueWidth: Int { Format.decimal(range.upperBound, digits: digits).count + 2 }

    /// The cells of the track between the arrows, if there is room for one.
    private func track(in area: Rect) -> Rect? {
        let start = area.x + labelWidth + valueWidth + 1
        let end = area.maxX - 1  // the right arrow's column
        guard end - start >= 3 else { return nil }
        return Rect(x: start, y: area.y, width: end - start, height: 1)
    }

    private func knobOffset(trackWidth: Int) -> Int {
        let span = range.upperBound - range.lowerBound
        guard span > 0, value.isFinite else { return 0 }
        let t = min(max((value - range.lowerBound) / span, 0), 1)
        return Int((t * Double(trackWidth - 1)).rounded())
    }
}
