import BlendMedia
import Foundation

/// Entry points that open the terminal.
public enum TUIApp {
    /// What the command line chose.
    public struct Options {
        /// `--theme`: a built-in name, a user theme name or a path.
        public var theme: String
        /// `--color`: forces a colour mode; nil detects it.
        public var colorMode: ColorMode?
        /// `--keys FILE`; nil reads `~/.config/blendscope/keys.toml` if it exists.
        public var keysFile: String?
        /// `--graphics`: pixels (kitty, sixel, iTerm2) or cells; nil takes `video.graphics` from
        /// `config.toml`, else asks the terminal.
        public var graphics: VideoGraphics?

        public init(theme: String = ThemeLoader.defaultName, colorMode: ColorMode? = nil, keysFile: String? = nil,
                    graphics: VideoGraphics? = nil) {
            self.theme = theme
            self.colorMode = colorMode
            self.keysFile = keysFile
            self.graphics = graphics
        }
    }

    /// Opens the workbench on the project at `path` until the user quits. The first frame
    /// shows at once; the project is read off the UI thread and the screens fill in. The
    /// project is opened once, as one `ProjectSession` that every effect of the run shares.
    public static func runWorkbench(path: String, _ options: Options = Options()) throws {
        let theme = try ThemeLoader.load(options.theme)
        let registry = try keyedRegistry(WorkbenchCommands.registry(), options)
        // Asked before curses takes the terminal: the replies must not reach its input.
        var graphics = try options.graphics ?? WorkbenchConfig.load().graphics
            ?? VideoGraphics(detected: TerminalQuery.detectMode())
        graphics = graphics.drawable
        let backend = try CursesBackend(.init(theme: theme, colorMode: options.colorMode))
        defer { backend.shutdown() }
        let size = backend.size
        var state = WorkbenchProgram.initialState(path: path, width: size.width, height: size.height)
        state.clips.video.colorless = backend.colorMode == .monochrome
        state.clips.video.graphics = graphics
        let layer = graphics.pixelMode.map {
            GraphicsLayer(mode: $0, route: GraphicsRoute.current(environment: ProcessInfo.processInfo.environment), writer: backend)
        }
        let runtime = TerminalRuntime(program: WorkbenchProgram(registry: registry, project: ProjectAccess()), state: state,
                                      backend: backend, graphics: layer)
        // A forced --color the terminal cannot take was fitted to it: say so once.
        let colorNote: [WorkbenchAction] = backend.colorNote.map { [.app(.showToast($0, .warning))] } ?? []
        runtime.run(initial: [.load] + colorNote)
        // Jobs started here end cancelled in the store, not left "running" by the exit.
        runtime.program.jobsBackground.cancelAllAndWait()
    }

    /// `registry` with the user's key map applied (`--keys FILE`, else the default file if any).
    private static func keyedRegistry(_ registry: CommandRegistry<AppState>, _ options: Options) throws -> CommandRegistry<AppState> {
        var registry = registry
        if let path = options.keysFile {
            try KeyMapFile.apply(fileAt: path, to: &registry, mustExist: true)
        } else if let path = KeyMapFile.defaultPath {
            try KeyMapFile.apply(fileAt: path, to: &registry, mustExist: false)
        }
        return registry
    }
}
