import Foundation
import XCTest
import BlendMedia

/// Broken inputs give a `MediaError` that names the file, never a crash.
final class MediaErrorTests: XCTestCase {
    private func expectError(_ kind: MediaError.Kind, opening path: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try VideoDecoder(path: path), file: file, line: line) { error in
            guard let media = error as? MediaError else {
                return XCTFail("not a MediaError: \(error)", file: file, line: line)
            }
            XCTAssertEqual(media.kind, kind, media.description, file: file, line: line)
            XCTAssertEqual(media.file, path, file: file, line: line)
            XCTAssertTrue(media.description.hasPrefix(path + ": "), media.description, file: file, line: line)
        }
    }

    private func write(_ name: String, _ data: Data) throws -> String {
        let path = TestClips.directory + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func testMissingFile() {
        let path = TestClips.directory + "/no-such-clip.mov"
        expectError(.fileNotFound, opening: path)
        XCTAssertThrowsError(try VideoProbe.info(path: path))
    }

    func testTextFileRenamedToMOV() throws {
        let path = try write("notes.mov", Data("These are notes, not a video.\n".utf8))
        expectError(.notAVideo, opening: path)
    }

    func testEmptyFile() throws {
        expectError(.notAVideo, opening: try write("empty.mp4", Data()))
    }

    func testAudioOnlyFile() throws {
        try FFmpegCLI.requireTools()
        let path = try TestClips.clip("tone.m4a") {
            try FFmpegCLI.makeClip($0, source: "sine=frequency=440", duration: 0.5, codec: ["-c:a", "aac"])
        }
        expectError(.notAVideo, opening: path)
    }

    func testTruncatedBeforeTheIndex() throws {
        // ffmpeg writes the MP4 index (moov) last: cutting the file removes it.
        try FFmpegCLI.requireTools()
        let whole = try Data(contentsOf: URL(fileURLWithPath: try TestClips.testsrcMPEG4MOV()))
        expectError(.truncated, opening: try write("cut-index.mov", whole.prefix(whole.count / 2)))
    }

    func testTruncatedSampleData() throws {
        // With the index first (faststart), the file opens but its samples run past the end.
        try FFmpegCLI.requireTools()
        let faststart = try TestClips.clip("faststart.mp4") {
            try FFmpegCLI.run("ffmpeg", ["-v", "error", "-y", "-i", try TestClips.testsrcH264MP4(), "-c", "copy",
                                         "-movflags", "+faststart", $0])
        }
        let whole = try Data(contentsOf: URL(fileURLWithPath: faststart))
        let cut = try write("cut-samples.mp4", whole.prefix(whole.count * 2 / 3))
        expectError(.truncated, opening: cut)
    }

    func testUnsupportedCodec() throws {
        // Commodore 64 multicolour: libavcodec encodes it but has no decoder for it.
        try FFmpegCLI.requireTools()
        let path = try TestClips.clip("a64.mkv") {
            try FFmpegCLI.makeClip($0, source: "testsrc=size=64x48:rate=10", duration: 0.5,
                                   codec: ["-c:v", "a64multi", "-f", "matroska"])
        }
        expectError(.unsupportedCodec, opening: path)
        // It is still a video: the probe describes it.
        XCTAssertEqual(try VideoProbe.info(path: path).width, 64)
    }

    func testDirectoryIsUnreadable() {
        expectError(.unreadable, opening: TestClips.directory)
    }

    func testPreviewRefusesAnEmptyGrid() throws {
        try FFmpegCLI.requireTools()
        XCTAssertThrowsError(try FramePreview.cells(file: try TestClips.testsrcMPEG4MOV(), at: 0, columns: 0, rows: 5)) {
            XCTAssertEqual(($0 as? MediaError)?.kind, .invalidRequest)
        }
    }
}
