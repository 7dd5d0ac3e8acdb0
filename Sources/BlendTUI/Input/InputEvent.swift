/// A mouse button.
public enum MouseButton: Hashable, Sendable {
    case left, middle, right
}

/// What the mouse did.
public enum MouseAction: Hashable, Sendable {
    case press(MouseButton)
    case release(MouseButton)
    case wheelUp
    case wheelDown
}

/// A mouse event at a cell.
public struct MouseEvent: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var action: MouseAction
    public var modifiers: Modifiers

    public init(x: Int, y: Int, action: MouseAction, modifiers: Modifiers = []) {
        self.x = x
        self.y = y
        self.action = action
        self.modifiers = modifiers
    }
}

/// Everything the terminal reports.
public enum InputEvent: Hashable, Sendable {
    case key(KeyChord)
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
}
