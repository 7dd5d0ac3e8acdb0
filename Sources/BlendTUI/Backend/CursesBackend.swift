import BlendCore
import CNcursesW
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The only code that calls curses. One thread owns it: create it, draw, wait for input and
/// shut it down from the same thread (the runtime's loop). It diffs each frame against the
/// last one and writes only the changed cells, with one `doupdate` per frame.
public final class CursesBackend: TerminalBackend {
    /// How to open the terminal.
    public struct Options {
        public var theme: Theme
        /// Forces a colour mode (`--color`); nil detects it.
        public var colorMode: ColorMode?
        /// Where the environment comes from (tests pass their own).
        public var environment: [String: String]
        /// Terminal type for `newterm`; nil uses `TERM`.
        public var terminalType: String?
        /// Streams to use instead of stdin/stdout (headless tests).
        public var input: UnsafeMutablePointer<FILE>?
        public var output: UnsafeMutablePointer<FILE>?
        /// Catch fatal signals to restore the terminal (off in tests sharing a process).
        public var installSignalHandlers: Bool
        public var enableMouse: Bool

        public init(theme: Theme, colorMode: ColorMode? = nil,
                    environment: [String: String] = ProcessInfo.processInfo.environment,
                    terminalType: String? = nil, input: UnsafeMutablePointer<FILE>? = nil,
                    output: UnsafeMutablePointer<FILE>? = nil, installSignalHandlers: Bool = true,
                    enableMouse: Bool = true) {
            self.theme = theme
            self.colorMode = colorMode
            self.environment = environment
            self.terminalType = terminalType
            self.input = input
            self.output = output
            self.installSignalHandlers = installSignalHandlers
            self.enableMouse = enableMouse
        }
    }

    public let colorMode: ColorMode
    /// Why the colours differ from the forced `--color` mode (the terminal takes fewer), once.
    public private(set) var colorNote: String?
    private let mapper: ColorMapper
    private var screen: OpaquePointer?
    private let window: UnsafeMutablePointer<WINDOW>
    /// The stream curses writes to (stdout unless a test gave its own): pictures go there too.
    let outputStream: UnsafeMutablePointer<FILE>
    private let inputFD: Int32
    private let wakePipe: WakePipe
    private var previous: Canvas?
    private var pairs: ColorPairCache
    private var slots: PaletteSlots
    private var signalHandlersInstalled = false
    /// Cells written by the last `draw`, for tests and the benchmark.
    public private(set) var lastWriteCount = 0

    /// Opens the terminal: locale, `newterm`, raw keys, keypad, mouse, colours.
    public init(_ options: Options) throws {
        // Without a UTF-8 locale, wide characters and block glyphs draw as blanks; when the
        // environment names none (LANG unset, as under cron or CI), take C.UTF-8.
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        let output: UnsafeMutablePointer<FILE> = options.output ?? bs_stdout()
        outputStream = output
        let input = options.input ?? bs_stdin()
        let type = options.terminalType ?? options.environment["TERM"]
        // Ours first: curses only installs its own SIGINT/SIGTERM cleanup (which exits with
        // status 1) when none is set, and ours re-raises, so the shell sees the real signal.
        if options.installSignalHandlers {
            bs_save_terminal_mode(fileno(input))
            bs_install_fatal_signal_handlers()
        }
        guard let screen = type.map({ newterm($0, output, input) }) ?? newterm(nil, output, input) else {
            if options.installSignalHandlers { bs_restore_signal_handlers() }
            throw BackendError("cannot open the terminal (TERM=\(type ?? "unset"))")
        }
        signalHandlersInstalled = options.installSignalHandlers
        if options.installSignalHandlers { bs_prepare_terminal_reset(fileno(output), options.enableMouse ? 1 : 0) }
        self.screen = screen
        guard let window = bs_stdscr() else {
            delscreen(screen)
            throw BackendError("the terminal has no screen")
        }
        self.window = window
        // The default Escape delay is a second, which makes Esc feel broken.
        if options.environment["ESCDELAY"] == nil { set_escdelay(25) }
        inputFD = fileno(input)
        wakePipe = try WakePipe()

        raw()  // Ctrl-C, Ctrl-S, Ctrl-Z arrive as keys; the app decides what they do
        noecho()
        nonl()
        keypad(window, true)
        meta(window, true)
        curs_set(0)
        leaveok(window, true)
        if options.enableMouse {
            mousemask(bs_ALL_MOUSE_EVENTS, nil)
            mouseinterval(0)  // presses arrive at once, without waiting to see if they are clicks
        }

        var mode = ColorMode.monochrome
        if options.colorMode != .monochrome, has_colors() {
            start_color()
            use_default_colors()
            let colors = Int(bs_COLORS())
            if let forced = options.colorMode {
                let fit = ColorMode.fitting(forced, colors: colors, canChangeColor: can_change_color(),
                                            ignoresPaletteChanges: ColorMode.ignoresPaletteChanges(options.environment),
                                            terminal: options.terminalType ?? options.environment["TERM"] ?? "the terminal")
                mode = fit.mode
                colorNote = fit.note
            } else {
                mode = ColorMode.detect(environment: options.environment, hasColors: true, colors: colors,
                                        canChangeColor: can_change_color())
            }
        } else if options.colorMode == nil {
            mode = ColorMode.detect(environment: options.environment, hasColors: false, colors: 0, canChangeColor: false)
        }
        colorMode = mode
        mapper = ColorMapper(theme: options.theme, mode: mode)
        pairs = ColorPairCache(limit: mode == .monochrome ? 0 : Int(bs_COLOR_PAIRS()))
        if case .redefinable(let count) = mode {
            slots = PaletteSlots(first: 16, count: count)
        } else {
            slots = PaletteSlots(count: 0)
        }
    }

    deinit { shutdown() }

    /// Restores the terminal (idempotent): `endwin`, then the previous signal handlers.
    public func shutdown() {
        guard let screen else { return }
        endwin()
        delscreen(screen)
        self.screen = nil
        wakePipe.close()
        if signalHandlersInstalled {
            bs_restore_signal_handlers()
            signalHandlersInstalled = false
        }
    }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    public var waker: @Sendable () -> Void {
        let pipe = wakePipe
        return { pipe.wake() }
    }

    // MARK: Handing the terminal over

    /// Saves curses' terminal mode and leaves it (normal mode, main screen, cursor shown), as
    /// for a shell escape. The fatal-signal handlers stay: they only restore the terminal.
    public func suspend() {
        guard screen != nil else { return }
        def_prog_mode()
        endwin()
        fflush(outputStream)
    }

    /// Back to curses' mode; the screen is cleared and the next frame written whole, since the
    /// other program drew over it.
    public func resume() {
        guard screen != nil else { return }
        reset_prog_mode()
        clearok(window, true)
        previous = nil
    }

    // MARK: Drawing

    public func draw(_ canvas: Canvas) {
        var changes = canvas.changes(from: previous)
        var cell = cchar_t()
        var index = 0
        var written = 0
        while index < changes.count {
            let change = changes[index]
            index += 1
            if change.cell.isContinuation { continue }
            guard let pair = colorPair(for: change.cell.style) else {
                // Out of colour pairs (video in truecolor uses thousands a frame): start the
                // cache over and write the whole frame again. No clearok: ncurses repaints the
                // cells whose pair is redefined, so the screen never blanks (no flash).
                pairs.reset()
                changes = canvas.changes(from: nil)
                index = 0
                written = 0
                continue
            }
            var text = change.cell.grapheme.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
            text.append(0)
            bs_setcchar(&cell, text, attributes(for: change.cell.style), pair)
            mvwadd_wch(window, Int32(change.y), Int32(change.x), &cell)
            written += 1
        }
        wnoutrefresh(window)
        doupdate()
        previous = canvas
        lastWriteCount = written
    }

    private func attributes(for style: Style) -> attr_t {
        let attributes = mapper.attributes(for: style)
        var result = bs_A_NORMAL
        if attributes.contains(.bold) { result |= bs_A_BOLD }
        if attributes.contains(.dim) { result |= bs_A_DIM }
        if attributes.contains(.italic) { result |= bs_A_ITALIC }
        if attributes.contains(.underline) { result |= bs_A_UNDERLINE }
        if attributes.contains(.reverse) { result |= bs_A_REVERSE }
        return result
    }

    /// The colour pair for a style (0, the terminal default, without colour); nil when the
    /// terminal's pairs are used up.
    private func colorPair(for style: Style) -> Int32? {
        guard colorMode != .monochrome else { return 0 }
        let colors = mapper.colors(for: style)
        let foreground = colorNumber(colors.foreground), background = colorNumber(colors.background)
        if foreground == -1 && background == -1 { return 0 }
        guard let entry = pairs.pair(foreground: foreground, background: background) else { return nil }
        if entry.isNew { init_extended_pair(entry.pair, foreground, background) }
        return entry.pair
    }

    private func colorNumber(_ color: TerminalColor) -> Int32 {
        switch color {
        case .terminalDefault:
            return -1
        case .index(let index):
            return Int32(index)
        case .rgb(let rgb):
            if colorMode == .direct {
                // Direct-colour terminfo reads values below 8 as the basic colours.
                return max(8, Int32(rgb.red) << 16 | Int32(rgb.green) << 8 | Int32(rgb.blue))
            }
            guard let slot = slots.slot(for: rgb) else { return Int32(XtermPalette.index(of: rgb)) }
            if slot.isNew {
                // curses takes thousandths and truncates on the way back to 0–255, so round up
                // to get the exact colour out.
                func thousandths(_ c: UInt8) -> Int32 { (Int32(c) * 1000 + 254) / 255 }
                init_extended_color(Int32(slot.index), thousandths(rgb.red), thousandths(rgb.green), thousandths(rgb.blue))
            }
            return Int32(slot.index)
        }
    }

    // MARK: Input

    /// Blocks in `poll` (no CPU while idle) until input or a wake arrives, then reads every
    /// pending key without blocking.
    public func waitForInput(timeout: Duration?) -> [InputEvent] {
        var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakePipe.fileDescriptor, events: Int16(POLLIN), revents: 0)]
        let milliseconds: Int32 = timeout.map { Int32(clamping: $0.wholeMilliseconds) } ?? -1
        let ready = poll(&fds, 2, milliseconds)
        if ready > 0 && fds[1].revents != 0 { wakePipe.drain() }
        // Also after EINTR: a SIGWINCH interrupts poll, and curses reports it as KEY_RESIZE.
        return readPending()
    }

    /// Every event curses has ready now.
    func readPending() -> [InputEvent] {
        wtimeout(window, 0)
        var events: [InputEvent] = []
        var pendingEscape = false
        while true {
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                if pendingEscape {
                    events.append(.key(KeyChord(.escape)))
                    pendingEscape = false
                }
                if let event = event(forKeyCode: Int32(value)) { events.append(event) }
                continue
            }
            // An Escape followed at once by a character is how terminals send Alt+character.
            if pendingEscape {
                pendingEscape = false
                if value != 27, let chord = KeyDecoder.character(UInt32(value)), case .character(let c) = chord.key,
                   chord.modifiers.isEmpty {
                    events.append(.key(KeyChord(.character(c), .alt)))
                    continue
                }
                events.append(.key(KeyChord(.escape)))
            }
            if value == 27 {
                pendingEscape = true
                continue
            }
            if let chord = KeyDecoder.character(UInt32(value)) { events.append(.key(chord)) }
        }
        if pendingEscape { events.append(.key(KeyChord(.escape))) }
        return events
    }

    private func event(forKeyCode code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            // Redraw everything: after a resize the terminal's contents cannot be trusted.
            previous = nil
            clearok(window, true)
            return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            var report = MEVENT()
            guard getmouse(&report) == OK else { return nil }
            return KeyDecoder.mouse(x: report.x, y: report.y, state: report.bstate).map(InputEvent.mouse)
        default:
            return KeyDecoder.keyCode(code).map(InputEvent.key)
        }
    }
}

extension CursesBackend: GraphicsWriter {
    /// Writes to the terminal curses draws on, after curses has flushed its own output.
    public func writeGraphics(_ bytes: [UInt8]) {
        let stream = outputStream
        fflush(stream)
        bytes.withUnsafeBytes { buffer in
            _ = fwrite(buffer.baseAddress, 1, buffer.count, stream)
        }
        fflush(stream)
    }

    /// Marks the area's lines as garbled, so curses writes them again at once.
    public func repaint(_ area: Rect) {
        guard area.height > 0 else { return }
        wredrawln(window, Int32(area.y), Int32(area.height))
        wrefresh(window)
    }
}
