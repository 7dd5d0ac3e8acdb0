extension SafeText {
    /// Text for an HTML page, in an element or a quoted attribute: the unsafe scalars shown as
    /// their escapes (as on a terminal), then `&`, `<`, `>`, `"` and `'` as character
    /// references, so nothing from a file or a user can open a tag, end an attribute or
    /// start an entity.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in terminal(text) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
