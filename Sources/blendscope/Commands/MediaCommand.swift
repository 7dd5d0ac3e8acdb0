import ArgumentParser
import BlendCore
import BlendMedia
import Foundation

struct MediaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media",
        abstract: "Probe a video or print one of its frames as terminal text.",
        subcommands: [MediaProbeCommand.self, MediaFrameCommand.self])
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

struct MediaFrameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frame",
        abstract: "Print the frame at a time as ANSI text (half blocks or quadrants).",
        discussion: "blendscope media frame clip.mov --at 1.5 --size 80x24 --mode half --color 256")

    @Argument(help: "The video file.")
    var file: String

    @Option(help: "Time in seconds from the start.")
    var at: Double = 0

    @Option(help: "Cells, COLUMNSxROWS; the picture keeps its aspect inside them.")
    var size: CellSize = CellSize(argument: "80x24")!

    @Option(help: "half (▀, two pixels a cell) or quad (2×2 pixels a cell).")
    var mode: CellMode = .half

    @Option(help: "truecolor, 256, or none (ASCII shades).")
    var color: ColorDepth = .truecolor

    func validate() throws {
        try UserLimits.mediaTime.validate(at, "--at")
    }

    func run() throws {
        let text = try FramePreview.ansiText(file: file, at: at, columns: size.columns, rows: size.rows,
                                             mode: mode, color: color)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
