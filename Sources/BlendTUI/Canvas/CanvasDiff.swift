/// One cell that differs between two frames.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
}

extension Canvas {
    /// The cells of `self` that differ from `previous`, row by row: what a backend has to
    /// write to turn the old frame into this one. Every cell counts as changed when there is
    /// no previous frame or its size differs. Continuation cells are listed too; a backend
    /// skips them, since writing a wide character covers both of its cells.
    public func changes(from previous: Canvas?) -> [CellChange] {
        var result: [CellChange] = []
        guard let previous, previous.width == width, previous.height == height else {
            result.reserveCapacity(cells.count)
            for y in 0..<height {
                for x in 0..<width { result.append(CellChange(x: x, y: y, cell: cells[y * width + x])) }
            }
            return result
        }
        for index in cells.indices where cells[index] != previous.cells[index] {
            result.append(CellChange(x: index % width, y: index / width, cell: cells[index]))
        }
        return result
    }
}
