/// How many terminal cells text takes, with the C library's `wcwidth` semantics (the table
/// comes from wcwidth itself, so the canvas and ncurses never disagree about a column).
public enum DisplayWidth {
    /// What the canvas shows for a cluster that cannot be printed (a control character).
    public static let replacement: Character = "\u{FFFD}"

    /// Cells taken by one code point: 0 (combining, joiners), 1, 2 (wide), or -1 when the
    /// code point is not printable (controls, unassigned).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Printable ASCII is by far the common case: answer it without a search.
        if value >= 0x20 && value < 0x7F { return 1 }
        if contains(DisplayWidthTable.zero, value) { return 0 }
        if contains(DisplayWidthTable.wide, value) { return 2 }
        if contains(DisplayWidthTable.unprintable, value) { return -1 }
        return 1
    }

    /// Cells the canvas gives one grapheme cluster: 0 for a lone zero-width mark (dropped),
    /// 1 or 2 otherwise. An emoji presentation selector (U+FE0F) makes its cluster wide, as
    /// terminals draw it; an unprintable cluster counts 1, the width of its replacement.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii == 0 ? 0 : 1 }
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        let base = of(first)
        if base < 0 { return 1 }
        if base == 0 { return 0 }
        var widest = base
        while let scalar = scalars.next() {
            if scalar.value == 0xFE0F { return 2 }
            widest = max(widest, of(scalar))
        }
        return widest
    }

    /// Cells taken by a string, cluster by cluster, as the canvas would draw it.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The cluster the canvas actually stores: controls become `replacement`.
    public static func printable(_ character: Character) -> Character {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? character : replacement }
        guard let first = character.unicodeScalars.first else { return replacement }
        return of(first) < 0 ? replacement : character
    }

    /// `(printable(c), of(printable(c)))` with one walk over the cluster's scalars instead of
    /// two: every cell the canvas draws asks for both (the TUI's first frame, issue 16).
    @inline(__always)
    public static func printableAndWidth(_ character: Character) -> (Character, Int) {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii < 0x7F ? (character, 1) : (replacement, replacementWidth)
        }
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return (replacement, replacementWidth) }
        let base = of(first)
        if base < 0 { return (replacement, replacementWidth) }
        if base == 0 { return (character, 0) }
        var widest = base
        while let scalar = scalars.next() {
            if scalar.value == 0xFE0F { return (character, 2) }
            widest = max(widest, of(scalar))
        }
        return (character, widest)
    }

    /// `of(replacement)`.
    private static let replacementWidth = of(replacement)

    private static func contains(_ ranges: [UInt32], _ value: UInt32) -> Bool {
        // Binary search over flat (first, last) pairs.
        var low = 0
        var high = ranges.count / 2 - 1
        while low <= high {
            let mid = (low + high) / 2
            if value < ranges[2 * mid] {
                high = mid - 1
            } else if value > ranges[2 * mid + 1] {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
