import CNcursesW

/// Facts about the linked ncurses library.
public enum CursesInfo {
    /// e.g. `ncurses 6.4.20221231`.
    public static var version: String { String(cString: curses_version()) }
}
