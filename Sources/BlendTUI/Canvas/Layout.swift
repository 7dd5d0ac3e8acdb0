/// Which way a rectangle is cut.
public enum Axis: Sendable {
    /// Side by side, left to right.
    case horizontal
    /// Stacked, top to bottom.
    case vertical
}

/// How much of the cut axis one piece asks for.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less only when there is no room).
    case fixed(Int)
    /// `numerator / denominator` of the length left after spacing.
    case ratio(Int, Int)
    /// A percentage of the length left after spacing.
    case percent(Int)
    /// A share of whatever the other pieces leave, by weight.
    case fill(Int)
    /// This many cells first (when there is room), then a `fill(1)` share of the rest.
    case atLeast(Int)
}

extension Rect {
    /// Cuts `self` along `axis` into one piece per constraint, `spacing` cells apart.
    /// Fixed, ratio and percent pieces are served first, in order; fill pieces share the
    /// rest by weight (rounding leftovers go to the last fill). When the requests exceed the
    /// length, later pieces shrink first: the layout never overflows.
    public func split(_ axis: Axis, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let length = axis == .horizontal ? width : height
        let available = max(0, length - spacing * (constraints.count - 1))
        var sizes = [Int](repeating: 0, count: constraints.count)
        var remaining = available
        for (i, c) in constraints.enumerated() {
            let wanted: Int
            switch c {
            case .fixed(let n): wanted = max(0, n)
            case .ratio(let num, let den): wanted = den > 0 ? max(0, available * num / den) : 0
            case .percent(let p): wanted = max(0, available * p / 100)
            case .atLeast(let n): wanted = max(0, n)
            case .fill: continue
            }
            sizes[i] = min(wanted, remaining)
            remaining -= sizes[i]
        }
        let weights = constraints.map { c -> Int in
            switch c {
            case .fill(let w): max(0, w)
            case .atLeast: 1
            default: 0
            }
        }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 && remaining > 0 {
            let share = remaining
            var given = 0
            var lastFill = 0
            for (i, w) in weights.enumerated() where w > 0 {
                let extra = share * w / totalWeight
                sizes[i] += extra
                given += extra
                lastFill = i
            }
            sizes[lastFill] += share - given
        }
        var pieces: [Rect] = []
        var offset = axis == .horizontal ? x : y
        for size in sizes {
            switch axis {
            case .horizontal: pieces.append(Rect(x: offset, y: y, width: size, height: height))
            case .vertical: pieces.append(Rect(x: x, y: offset, width: width, height: size))
            }
            offset += size + spacing
        }
        return pieces
    }
}
