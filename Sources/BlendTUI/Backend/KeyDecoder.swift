import CNcursesW

/// Turns what `wget_wch` returns into key chords. Kept apart from the backend so that every
/// code can be tested without a terminal.
enum KeyDecoder {
    /// A character read with `wget_wch` returning `OK`.
    static func character(_ value: UInt32) -> KeyChord? {
        switch value {
        case 9: return KeyChord(.tab)
        case 10, 13: return KeyChord(.enter)
        case 27: return KeyChord(.escape)
        case 8, 127: return KeyChord(.backspace)
        case 0: return KeyChord(.character(" "), .ctrl)
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        case 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// A key code read with `wget_wch` returning `KEY_CODE_YES` (mouse and resize are not keys
    /// and are handled by the backend).
    static func keyCode(_ code: Int32) -> KeyChord? {
        switch code {
        case KEY_UP: return KeyChord(.up)
        case KEY_DOWN: return KeyChord(.down)
        case KEY_LEFT: return KeyChord(.left)
        case KEY_RIGHT: return KeyChord(.right)
        case KEY_SR: return KeyChord(.up, .shift)
        case KEY_SF: return KeyChord(.down, .shift)
        case KEY_SLEFT: return KeyChord(.left, .shift)
        case KEY_SRIGHT: return KeyChord(.right, .shift)
        case KEY_PPAGE: return KeyChord(.pageUp)
        case KEY_NPAGE: return KeyChord(.pageDown)
        case KEY_HOME: return KeyChord(.home)
        case KEY_END: return KeyChord(.end)
        case KEY_BTAB: return KeyChord(.backTab)
        case KEY_ENTER: return KeyChord(.enter)
        case KEY_BACKSPACE: return KeyChord(.backspace)
        case KEY_DC: return KeyChord(.delete)
        case KEY_IC: return KeyChord(.insert)
        case KEY_F0 + 1...KEY_F0 + 24: return KeyChord(.function(Int(code - KEY_F0)))
        case KEY_F0 + 25...KEY_F0 + 48: return KeyChord(.function(Int(code - KEY_F0 - 12)), .shift)
        default: return nil
        }
    }

    /// A mouse report from `getmouse`. Wheel reports come as button 4 (up) and 5 (down)
    /// presses; motion is not asked for.
    static func mouse(x: Int32, y: Int32, state: mmask_t) -> MouseEvent? {
        var modifiers: Modifiers = []
        if state & bs_BUTTON_CTRL != 0 { modifiers.insert(.ctrl) }
        if state & bs_BUTTON_SHIFT != 0 { modifiers.insert(.shift) }
        if state & bs_BUTTON_ALT != 0 { modifiers.insert(.alt) }
        let action: MouseAction
        if state & bs_BUTTON4_PRESSED != 0 {
            action = .wheelUp
        } else if state & bs_BUTTON5_PRESSED != 0 {
            action = .wheelDown
        } else if state & (bs_BUTTON1_PRESSED | bs_BUTTON1_CLICKED) != 0 {
            action = .press(.left)
        } else if state & bs_BUTTON2_PRESSED != 0 {
            action = .press(.middle)
        } else if state & bs_BUTTON3_PRESSED != 0 {
            action = .press(.right)
        } else if state & bs_BUTTON1_RELEASED != 0 {
            action = .release(.left)
        } else if state & bs_BUTTON2_RELEASED != 0 {
            action = .release(.middle)
        } else if state & bs_BUTTON3_RELEASED != 0 {
            action = .release(.right)
        } else {
            return nil
        }
        return MouseEvent(x: Int(x), y: Int(y), action: action, modifiers: modifiers)
    }
}
