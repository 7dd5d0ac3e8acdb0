import BlendCore
import XCTest
import BlendMedia

/// Decoded pictures and their cells must show what `ffmpeg` itself extracts from the same file.
final class FrameColourTests: XCTestCase {
    /// Mean and largest absolute channel difference between two packed RGB buffers.
    private func difference(_ a: [UInt8], _ b: [UInt8]) -> (mean: Double, max: Int) {
        precondition(a.count == b.count)
        var total = 0, largest = 0
        for i in a.indices {
            let d = abs(Int(a[i]) - Int(b[i]))
            total += d
            largest = max(largest, d)
        }
        return (Double(total) / Double(a.count), largest)
    }

    /// `pixels` (packed RGB, `width` wide) averaged over `factor × factor` blocks.
    private func boxAverage(_ pixels: [UInt8], width: Int, height: Int, factor: Int) -> RGBImage {
        let w = width / factor, h = height / factor
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            for x in 0..<w {
                for c in 0..<3 {
                    var sum = 0
                    for dy in 0..<factor {
                        for dx in 0..<factor {
                            sum += Int(pixels[((y * factor + dy) * width + x * factor + dx) * 3 + c])
                        }
                    }
                    out[(y * w + x) * 3 + c] = UInt8((sum + factor * factor / 2) / (factor * factor))
                }
            }
        }
        return RGBImage(width: w, height: h, pixels: out)
    }

    private func channels(_ color: CellColor) -> [Int] {
        guard case .rgb(let c) = color else { return [] }
        return [Int(c.red), Int(c.green), Int(c.blue)]
    }

    /// Decodes the frame at `time` and compares it with ffmpeg's: both go through libswscale
    /// with the same colour matrix, so the same bytes, give or take. Returns both for more checks.
    @discardableResult
    private func assertFrameMatchesFFmpeg(_ decoder: VideoDecoder, _ path: String, at time: Double, width: Int, height: Int,
                                          file: StaticString = #filePath, line: UInt = #line) throws -> (VideoFrame, [UInt8]) {
        let frame = try decoder.frame(at: time)
        XCTAssertEqual(frame.image.width, width, file: file, line: line)
        XCTAssertEqual(frame.image.height, height, file: file, line: line)
        let reference = try FFmpegCLI.frameRGB(path, at: time, width: width, height: height)
        let d = difference(frame.image.pixels, reference)
        XCTAssertLessThan(d.mean, 0.5, "\(path): \(d)", file: file, line: line)
        XCTAssertLessThanOrEqual(d.max, 3, "\(path): \(d)", file: file, line: line)
        return (frame, reference)
    }

    func testFullFrameMatchesFFmpeg() throws {
        try FFmpegCLI.requireTools()
        for path in [try TestClips.testsrcMPEG4MOV(), try TestClips.testsrcH264MP4(), try TestClips.testsrcBT709MP4()] {
            try assertFrameMatchesFFmpeg(try VideoDecoder(path: path), path, at: 1.0, width: 320, height: 240)
        }
    }

    func testHalfBlockCellsMatchFFmpegFrame() throws {
        try FFmpegCLI.requireTools()
        for path in [try TestClips.testsrcMPEG4MOV(), try TestClips.testsrcH264MP4()] {
            let grid = try FramePreview.cells(file: path, at: 0.4, columns: 80, rows: 30, mode: .half,
                                              color: .truecolor)
            XCTAssertEqual(grid.columns, 80)
            XCTAssertEqual(grid.rows, 30)
            let reference = boxAverage(try FFmpegCLI.frameRGB(path, at: 0.4, width: 320, height: 240),
                                       width: 320, height: 240, factor: 4)
            var ours: [UInt8] = [], theirs: [UInt8] = []
            for row in 0..<grid.rows {
                for column in 0..<grid.columns {
                    let cell = grid[column, row]
                    XCTAssertEqual(cell.glyph, "▀")
                    ours += channels(cell.foreground).map(UInt8.init) + channels(cell.background).map(UInt8.init)
                    let upper = reference[column, 2 * row], lower = reference[column, 2 * row + 1]
                    theirs += [upper.red, upper.green, upper.blue, lower.red, lower.green, lower.blue]
                }
            }
            // Area scaling and a plain 4×4 box average differ only along sharp edges.
            let d = difference(ours, theirs)
            XCTAssertLessThan(d.mean, 3, "\(path): \(d)")
        }
    }

    func testRotationIsAppliedLikeFFmpeg() throws {
        try FFmpegCLI.requireTools()
        let path = try TestClips.rotatedH264MOV()
        let decoder = try VideoDecoder(path: path)
        XCTAssertEqual(decoder.naturalSize, PixelSize(width: 120, height: 160))
        let (frame, reference) = try assertFrameMatchesFFmpeg(decoder, path, at: 0.5, width: 120, height: 160)
        // The unrotated picture would differ wildly: the check above sees the turn's direction.
        let wrongWay = frame.image.rotated(counterClockwise: 180)
        XCTAssertGreaterThan(difference(wrongWay.pixels, reference).mean, 20)
    }

    func testSolidColoursSurviveIntoEveryColourDepth() throws {
        try FFmpegCLI.requireTools()
        // Colours on the xterm cube, so the 256-colour index is unambiguous.
        let cases: [(hex: String, rgb: RGB, index: UInt8)] = [
            ("D7875F", RGB(0xD7, 0x87, 0x5F), 173), ("5FAFD7", RGB(0x5F, 0xAF, 0xD7), 74),
        ]
        let formats: [([String], String)] = [(["-c:v", "mpeg4", "-q:v", "2"], "mov"), (["-c:v", "libx264"], "mp4")]
        for (hex, rgb, index) in cases {
            for (codec, ext) in formats {
                let path = try TestClips.solid(hex, codec: codec, ext: ext)
                for mode in CellMode.allCases {
                    let grid = try FramePreview.cells(file: path, at: 0.5, columns: 16, rows: 6, mode: mode,
                                                      color: .truecolor)
                    for cell in grid.cells {
                        for (got, want) in zip(channels(cell.foreground) + channels(cell.background),
                                               [rgb.red, rgb.green, rgb.blue, rgb.red, rgb.green, rgb.blue]) {
                            XCTAssertEqual(Double(got), Double(want), accuracy: 4, "\(path) \(mode)")
                        }
                    }
                    let indexed = try FramePreview.cells(file: path, at: 0.5, columns: 16, rows: 6, mode: mode,
                                                         color: .palette256)
                    XCTAssertTrue(indexed.cells.allSatisfy {
                        $0.foreground == .indexed(index) && $0.background == .indexed(index)
                    }, "\(path) \(mode)")
                }
            }
        }
    }

    /// What `blendscope media frame` prints: one line per cell row, fitted with the clip's aspect.
    func testANSITextOfAFrame() throws {
        try FFmpegCLI.requireTools()
        let path = try TestClips.testsrcH264MP4()
        for (mode, color, marker) in [(CellMode.half, ColorDepth.palette256, "38;5;"), (.quad, .truecolor, "38;2;")] {
            let text = try FramePreview.ansiText(file: path, at: 1, columns: 80, rows: 24, mode: mode, color: color)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            XCTAssertEqual(lines.count, 24)
            XCTAssertTrue(text.contains(marker))
            for line in lines {
                // 4:3 in 24 rows of cells twice as tall as wide: 64 columns.
                let visible = line.replacing(/\x1B\[[0-9;]*m/, with: "")
                XCTAssertEqual(visible.count, 64)
                XCTAssertTrue(line.hasSuffix("\u{1B}[0m"))
            }
        }
    }

    func testNoColourDrawsBrightnessAsASCII() throws {
        try FFmpegCLI.requireTools()
        let white = try TestClips.solid("FFFFFF", codec: ["-c:v", "mpeg4"], ext: "mov")
        let black = try TestClips.solid("000000", codec: ["-c:v", "mpeg4"], ext: "mov")
        let light = try FramePreview.ansiText(file: white, at: 0, columns: 8, rows: 3, color: .none)
        let dark = try FramePreview.ansiText(file: black, at: 0, columns: 8, rows: 3, color: .none)
        XCTAssertEqual(light, String(repeating: "@@@@@@@@\n", count: 3))
        XCTAssertEqual(dark, String(repeating: "        \n", count: 3))
    }
}
