import ArgumentParser
import BlendCore
import BlendMedia
import Foundation

struct MediaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media",
        abstract: "Probe a video, print one of its frames, or describe its sound.",
        subcommands: [MediaProbeCommand.self, MediaFrameCommand.self, MediaAudioCommand.self])
}

struct MediaProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Container, codec, size, rotation, duration, frame rate and frame count of a video.",
        discussion: "blendscope media probe clips/A102_ang_int1_ver1.mov --json")

    @Argument(help: "The video file.")
    var file: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        let info = try VideoProbe.info(path: file)
        if output.json { return try Output.json(info) }
        Output.line("\(file): \(info.codec) in \(info.container), \(info.width)×\(info.height)"
                    + (info.rotation != 0 ? " rotated \(info.rotation)°" : "")
                    + String(format: ", %.3f s at %.3f fps, %d frames", info.duration, info.fps, info.frames))
    }
}

/// `80x24`: columns × rows of terminal cells.
struct CellSize: ExpressibleByArgument {
    let columns: Int
    let rows: Int

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x")
        guard parts.count == 2, let c = Int(parts[0]), let r = Int(parts[1]), c > 0, r > 0, c <= 1000, r <= 1000 else {
            return nil
        }
        columns = c
        rows = r
    }
}

extension CellMode: ExpressibleByArgument {}
extension ColorDepth: ExpressibleByArgument {}
extension GraphicsMode: ExpressibleByArgument {}

struct MediaFrameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frame",
        abstract: "Print the frame at a time as terminal graphics (kitty, sixel, iTerm2) or ANSI cells.",
        discussion: HelpText.reflow("""
            blendscope media frame clip.mov --at 1.5 --size 80x24 --mode half --color 256
            blendscope media frame clip.mov --at 1.5 --graphics kitty --cols 80 --rows 24
            The pixel modes scale the frame to the cells it covers (the terminal's cell size when \
            standard output is a terminal that reports it, else 10×20 pixels); inside tmux they go \
            through its passthrough (needs `set -g allow-passthrough on`).
            """))

    @Argument(help: "The video file.")
    var file: String

    @Option(help: "Time in seconds from the start.")
    var at: Double = 0

    @Option(help: "Cells, COLUMNSxROWS; the picture keeps its aspect inside them.")
    var size: CellSize = CellSize(argument: "80x24")!

    @Option(help: "kitty, sixel, iterm (real pixels) or cells (ANSI text, the default).")
    var graphics: GraphicsMode = .cells

    @Option(help: "Columns of the box (overrides --size).")
    var cols: Int?

    @Option(help: "Rows of the box (overrides --size).")
    var rows: Int?

    @Option(help: "Cells: half (▀, 1×2 pixels a cell), quad (2×2), sextant (2×3) or octant (2×4).")
    var mode: CellMode = .half

    @Option(help: "truecolor, 256, or none (ASCII shades).")
    var color: ColorDepth = .truecolor

    func validate() throws {
        try UserLimits.mediaTime.validate(at, "--at")
        for (value, name) in [(cols, "--cols"), (rows, "--rows")] {
            if let value, !(1...1000).contains(value) {
                throw ValidationError("\(name) must be between 1 and 1000, not \(value)")
            }
        }
    }

    func run() throws {
        let columns = cols ?? size.columns, rows = rows ?? size.rows
        var bytes = try FramePreview.graphics(
            file: file, at: at, mode: graphics, columns: columns, rows: rows,
            cell: TerminalQuery.cellSize() ?? GraphicsLayout.assumedCell,
            route: GraphicsRoute.current(environment: ProcessInfo.processInfo.environment),
            cellMode: mode, color: color)
        // A pixel image leaves the cursor beside its last row; the shell prompt goes below it.
        if graphics.drawsPixels { bytes.append(0x0A) }
        FileHandle.standardOutput.write(Data(bytes))
    }
}
