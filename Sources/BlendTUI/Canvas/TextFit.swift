/// What happens to text that is wider than its room.
public enum Truncation: Sendable {
    /// Cut at the edge.
    case clip
    /// Cut one cell earlier and end with `…`.
    case ellipsis
}

/// Where text sits in a wider room.
public enum Alignment: Sendable {
    case left
    case center
    case right
}

/// Measuring, cutting and padding text by display width. A wide character is never split:
/// when only half of it would fit, a space takes its place.
public enum TextFit {
    public static let ellipsis: Character = "…"

    /// `text` cut to at most `width` cells.
    public static func truncate<S: StringProtocol>(_ text: S, to width: Int, _ truncation: Truncation = .ellipsis) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return String(text) }
        let room = truncation == .ellipsis ? width - 1 : width
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > room { break }
            result.append(character)
            used += w
        }
        if truncation == .ellipsis { result.append(ellipsis) }
        return result
    }

    /// `text` cut (if needed) and padded with spaces to exactly `width` cells.
    public static func fit<S: StringProtocol>(_ text: S, width: Int, alignment: Alignment = .left,
                                              _ truncation: Truncation = .ellipsis) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, to: width, truncation)
        let gap = width - DisplayWidth.of(cut)
        guard gap > 0 else { return cut }
        switch alignment {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }
}
