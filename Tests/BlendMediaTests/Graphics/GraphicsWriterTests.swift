import BlendCore
import Foundation
import XCTest
@testable import BlendMedia

/// Each protocol writer's output decoded back into pixels and compared with the decoded frame
/// at the placed size (PSNR ≥ 30 dB; kitty and iTerm2 are lossless, sixel has 256 colours).
final class GraphicsWriterTests: XCTestCase {
    /// The testsrc frame at 1 s, scaled for 32 × 12 cells of 10 × 20 pixels (320 × 240).
    private func frame() throws -> (RGBImage, GraphicsLayout) {
        try FFmpegCLI.requireTools()
        let decoder = try VideoDecoder(path: try TestClips.testsrcH264MP4())
        let (image, layout) = try FramePreview.pixels(decoder: decoder, at: 1, columns: 40, rows: 12)
        XCTAssertEqual(layout.columns, 32)
        XCTAssertEqual(layout.rows, 12)
        XCTAssertEqual(PixelSize(width: image.width, height: image.height), layout.pixels)
        return (image, layout)
    }

    /// Splits `bytes` into the sequences between `ESC <introducer>` and their terminator.
    private func sequences(_ bytes: [UInt8], introducer: UInt8, terminator: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = [], i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == 0x1B, bytes[i + 1] == introducer else { i += 1; continue }
            var j = i + 2
            while j + terminator.count <= bytes.count, Array(bytes[j..<(j + terminator.count)]) != terminator { j += 1 }
            out.append(Array(bytes[(i + 2)..<j]))
            i = j + terminator.count
        }
        return out
    }

    /// kitty: the chunks' keys and base64 payloads, joined and decoded.
    private func decodeKitty(_ bytes: [UInt8]) throws -> (keys: [String: String], pixels: [UInt8], chunks: [Int]) {
        let chunks = sequences(bytes, introducer: UInt8(ascii: "_"), terminator: [0x1B, 0x5C])
        var keys: [String: String] = [:], payload = "", sizes: [Int] = []
        for (n, chunk) in chunks.enumerated() {
            let text = String(decoding: chunk, as: UTF8.self)
            XCTAssertTrue(text.hasPrefix("G"))
            let parts = text.dropFirst().split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
            let chunkKeys = Dictionary(uniqueKeysWithValues: parts[0].split(separator: ",").map {
                let kv = $0.split(separator: "=", maxSplits: 1)
                return (String(kv[0]), String(kv[1]))
            })
            XCTAssertEqual(chunkKeys["m"], n == chunks.count - 1 ? "0" : "1", "chunk \(n)'s m flag")
            if n == 0 { keys = chunkKeys }
            payload += parts.count > 1 ? String(parts[1]) : ""
            sizes.append(parts.count > 1 ? parts[1].count : 0)
        }
        let data = try XCTUnwrap(Data(base64Encoded: payload))
        return (keys, [UInt8](data), sizes)
    }

    func testKittyPayloadDecodesToTheFrame() throws {
        let (image, layout) = try frame()
        let bytes = KittyGraphics.transmitAndPlace(
            image, .init(imageID: 7, placementID: 3, columns: layout.columns, rows: layout.rows))
        let (keys, pixels, chunks) = try decodeKitty(bytes)
        XCTAssertEqual(keys["a"], "T")
        XCTAssertEqual(keys["f"], "24")
        XCTAssertEqual(keys["s"], "320")
        XCTAssertEqual(keys["v"], "240")
        XCTAssertEqual(keys["i"], "7")
        XCTAssertEqual(keys["p"], "3")
        XCTAssertEqual(keys["c"], "32")
        XCTAssertEqual(keys["r"], "12")
        XCTAssertTrue(chunks.allSatisfy { $0 <= 4096 }, "a chunk over 4096 base64 characters")
        XCTAssertGreaterThan(chunks.count, 1)
        XCTAssertGreaterThanOrEqual(psnr(pixels, image.pixels), 30)
        XCTAssertEqual(pixels, image.pixels)
    }

    func testKittyDeleteFreesTheImage() {
        XCTAssertEqual(String(decoding: KittyGraphics.delete(imageID: 7), as: UTF8.self), "\u{1B}_Ga=d,d=I,i=7,q=2\u{1B}\\")
        XCTAssertEqual(String(decoding: KittyGraphics.deleteAll(), as: UTF8.self), "\u{1B}_Ga=d,d=A,q=2\u{1B}\\")
    }

    /// Through tmux every chunk is its own passthrough, ESCs doubled; unwrapped it is the same.
    func testTmuxPassthroughWrapsEachChunk() throws {
        let image = RGBImage(width: 64, height: 64, fill: RGB(10, 200, 30))
        let placement = KittyGraphics.Placement(columns: 8, rows: 4)
        let direct = KittyGraphics.transmitAndPlace(image, placement)
        let wrapped = KittyGraphics.transmitAndPlace(image, placement, route: .tmux)
        let passthroughs = sequences(wrapped, introducer: UInt8(ascii: "P"), terminator: [0x1B, 0x5C])
        // 64 × 64 × 3 bytes = 16,384 base64 characters: four chunks.
        XCTAssertEqual(passthroughs.count, 4)
        var unwrapped: [UInt8] = []
        for body in passthroughs {
            XCTAssertEqual(Array(body.prefix(5)), Array("tmux;".utf8))
            var k = 5
            while k < body.count {
                // The last ESC's partner went with the terminator this test split on.
                if body[k] == 0x1B, k + 1 < body.count {
                    XCTAssertEqual(body[k + 1], 0x1B, "an ESC inside the passthrough is not doubled")
                    k += 1
                }
                unwrapped.append(body[k])
                k += 1
            }
        }
        // The passthrough's own terminator swallowed each chunk's `\`; the rest is identical.
        let stripped = sequences(direct, introducer: UInt8(ascii: "_"), terminator: [0x1B, 0x5C])
            .flatMap { [0x1B, UInt8(ascii: "_")] + $0 + [0x1B] }
        XCTAssertEqual(unwrapped, stripped)
        XCTAssertEqual(GraphicsRoute.current(environment: ["TMUX": "/tmp/tmux-0/default,1,0"]), .tmux)
        XCTAssertEqual(GraphicsRoute.current(environment: ["TERM": "tmux-256color"]), .direct)
    }

    func testSixelDecodesThroughLibsixelToTheFrame() throws {
        let (image, _) = try frame()
        let bytes = try SixelImage.encode(image)
        XCTAssertEqual(Array(bytes.prefix(2)), [0x1B, UInt8(ascii: "P")])
        XCTAssertEqual(Array(bytes.suffix(2)), [0x1B, 0x5C])
        let decoded = try SixelImage.decode(bytes)
        XCTAssertEqual(decoded.width, image.width)
        XCTAssertGreaterThanOrEqual(decoded.height, image.height)
        // Sixel bands are six rows tall; compare the frame's own rows.
        let top = Array(decoded.pixels.prefix(image.pixels.count))
        let quality = psnr(top, image.pixels)
        XCTAssertGreaterThanOrEqual(quality, 30, "sixel PSNR \(quality) dB")
    }

    /// Sizes that are not whole sixel bands nor whole kitty chunks, and the benchmark's placed
    /// size (160 × 45 cells of 10 × 20 pixels): kitty decodes to exactly the picture, sixel
    /// (its own band writer with libsixel's palette) to within 30 dB of it.
    func testOddAndLargeSizesDecodeBack() throws {
        try FFmpegCLI.requireTools()
        let decoder = try VideoDecoder(path: try TestClips.testsrcH264MP4())
        for size in [PixelSize(width: 1, height: 1), PixelSize(width: 333, height: 205),
                     PixelSize(width: 1025, height: 7), PixelSize(width: 1600, height: 900)] {
            let image = try decoder.frame(at: 1, size: size).image
            let kitty = try decodeKitty(KittyGraphics.transmitAndPlace(image, .init(columns: 4, rows: 2)))
            XCTAssertEqual(kitty.pixels, image.pixels, "kitty \(size)")
            XCTAssertTrue(kitty.chunks.allSatisfy { $0 <= 4096 && $0 % 4 == 0 }, "kitty \(size)'s chunks")
            let sixel = try SixelImage.decode(try SixelImage.encode(image))
            XCTAssertEqual(sixel.width, image.width, "sixel \(size)")
            XCTAssertGreaterThanOrEqual(sixel.height, image.height, "sixel \(size)")
            let quality = psnr(Array(sixel.pixels.prefix(image.pixels.count)), image.pixels)
            XCTAssertGreaterThanOrEqual(quality, 30, "sixel \(size): \(quality) dB")
        }
    }

    /// A picture of many colours and fine detail (ffmpeg's Mandelbrot source, 640 × 360):
    /// nearest-colour mapping through the 5-bit cache still keeps sixel above 30 dB.
    func testSixelOfADetailedPicture() throws {
        try FFmpegCLI.requireTools()
        let raw = try FFmpegCLI.run("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "mandelbrot=size=640x360",
                                               "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])
        let image = RGBImage(width: 640, height: 360, pixels: [UInt8](raw))
        let sixel = try SixelImage.decode(try SixelImage.encode(image))
        XCTAssertEqual(PixelSize(width: sixel.width, height: sixel.height), PixelSize(width: 640, height: 360))
        let quality = psnr(sixel.pixels, image.pixels)
        XCTAssertGreaterThanOrEqual(quality, 30, "sixel PSNR \(quality) dB")
    }

    func testITermImageIsAPNGOfTheFrame() throws {
        let (image, layout) = try frame()
        let bytes = ITermImage.inline(image, columns: layout.columns, rows: layout.rows)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("\u{1B}]1337;File=inline=1;"))
        XCTAssertTrue(text.hasSuffix("\u{07}"))
        let header = try XCTUnwrap(text.split(separator: ":", maxSplits: 1).first)
        XCTAssertTrue(header.contains(";width=32;height=12;"), String(header))
        let base64 = String(text.dropFirst(header.count + 1).dropLast())
        let png = try XCTUnwrap(Data(base64Encoded: base64))
        XCTAssertTrue(header.contains("size=\(png.count);"))
        // ffmpeg's own PNG decoder reads it back.
        let path = TestClips.directory + "/iterm-frame.png"
        try png.write(to: URL(fileURLWithPath: path))
        let raw = try FFmpegCLI.run("ffmpeg", ["-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])
        XCTAssertEqual(raw.count, image.pixels.count)
        XCTAssertGreaterThanOrEqual(psnr([UInt8](raw), image.pixels), 30)
        XCTAssertEqual([UInt8](raw), image.pixels)
    }

    func testPNGChecksums() {
        // Known values: CRC-32 of "IEND" and Adler-32 of "Wikipedia".
        XCTAssertEqual(PNGEncoder.crc32(Array("IEND".utf8)), 0xAE42_6082)
        XCTAssertEqual(PNGEncoder.adler32(Array("Wikipedia".utf8)), 0x11E6_0398)
    }

    func testLayoutKeepsTheAspectInWholeCells() {
        let wide = GraphicsLayout(displayAspect: 16.0 / 9.0, columns: 80, rows: 40)
        XCTAssertEqual(wide.columns, 80)
        XCTAssertEqual(wide.rows, 23)  // 800 px wide → 450 px tall → 22.5 rows
        let tall = GraphicsLayout(displayAspect: 9.0 / 16.0, columns: 80, rows: 24,
                                  cell: PixelSize(width: 8, height: 16))
        XCTAssertEqual(tall.rows, 24)
        XCTAssertEqual(tall.columns, 27)  // 384 px tall → 216 px wide → 27 columns
        XCTAssertEqual(tall.pixels, PixelSize(width: 216, height: 384))
    }
}
