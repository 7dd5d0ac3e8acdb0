import BlendCore

/// Palette entries for exact colours on a terminal that can redefine its palette: each new
/// colour gets the next free entry (16 and up, leaving the basic sixteen alone); once all
/// are taken, a colour shares the entry of the nearest colour already loaded.
struct PaletteSlots {
    let first: Int
    let count: Int
    private var slots: [RGB: Int] = [:]
    private var loaded: [(RGB, Int)] = []

    init(first: Int = 16, count: Int) {
        self.first = first
        self.count = max(0, count)
    }

    /// The entry for `color`, and whether it must be loaded (a new one) first.
    mutating func slot(for color: RGB) -> (index: Int, isNew: Bool)? {
        if let index = slots[color] { return (index, false) }
        if loaded.count < count {
            let index = first + loaded.count
            slots[color] = index
            loaded.append((color, index))
            return (index, true)
        }
        guard let nearest = loaded.min(by: { XtermPalette.distance($0.0, color) < XtermPalette.distance($1.0, color) }) else {
            return nil
        }
        slots[color] = nearest.1
        return (nearest.1, false)
    }
}

/// Colour pairs, allocated as they are first needed. When the terminal's pairs run out the
/// cache starts over, and the backend redraws everything.
struct ColorPairCache {
    let limit: Int
    private var pairs: [PairKey: Int32] = [:]
    private var next: Int32 = 1

    struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    init(limit: Int) { self.limit = limit }

    /// The pair number for the colours, and whether it must be initialised; nil when the
    /// cache is full (call `reset()` and redraw).
    mutating func pair(foreground: Int32, background: Int32) -> (pair: Int32, isNew: Bool)? {
        let key = PairKey(foreground: foreground, background: background)
        if let pair = pairs[key] { return (pair, false) }
        guard Int(next) < limit else { return nil }
        let pair = next
        next += 1
        pairs[key] = pair
        return (pair, true)
    }

    mutating func reset() {
        pairs = [:]
        next = 1
    }

    var count: Int { pairs.count }
}
