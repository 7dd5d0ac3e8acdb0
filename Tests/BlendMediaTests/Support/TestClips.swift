import Foundation

/// Clips made with the `ffmpeg` command line, once per test run, in a private temp folder.
enum TestClips {
    static let directory: String = {
        let path = NSTemporaryDirectory() + "blendmedia-tests-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        // The clips are only needed while this test process runs.
        atexit { try? FileManager.default.removeItem(atPath: TestClips.directory) }
        return path
    }()

    /// `path` inside the folder, made by `make` unless an earlier test already made it.
    static func clip(_ name: String, make: (String) throws -> Void) throws -> String {
        let path = directory + "/" + name
        if !FileManager.default.fileExists(atPath: path) {
            let partial = path + ".partial." + (name as NSString).pathExtension
            try make(partial)
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        }
        return path
    }

    /// testsrc 320×240 at 30 fps for 2 s, MPEG-4 part 2 in QuickTime.
    static func testsrcMPEG4MOV() throws -> String {
        try clip("testsrc-mpeg4.mov") {
            try FFmpegCLI.makeClip($0, source: "testsrc=size=320x240:rate=30", duration: 2,
                                   codec: ["-c:v", "mpeg4", "-q:v", "2"])
        }
    }

    /// testsrc 320×240 at 25 fps for 2 s, H.264 in MP4 (B-frames, an edit list).
    static func testsrcH264MP4() throws -> String {
        try clip("testsrc-h264.mp4") {
            try FFmpegCLI.makeClip($0, source: "testsrc=size=320x240:rate=25", duration: 2,
                                   codec: ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "12"])
        }
    }

    /// testsrc tagged as BT.709 (HD colour matrix), which changes the YCbCr → RGB conversion.
    static func testsrcBT709MP4() throws -> String {
        try clip("testsrc-bt709.mp4") {
            try FFmpegCLI.makeClip($0, source: "testsrc=size=320x240:rate=25", duration: 1.2,
                                   codec: ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "12",
                                           "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709"])
        }
    }

    /// testsrc 160×120 H.264 in QuickTime with a display matrix asking for a quarter turn.
    static func rotatedH264MOV() throws -> String {
        let plain = try clip("testsrc-small-h264.mov") {
            try FFmpegCLI.makeClip($0, source: "testsrc=size=160x120:rate=30", duration: 1,
                                   codec: ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "12"])
        }
        return try clip("testsrc-rotated-h264.mov") {
            try FFmpegCLI.run("ffmpeg", ["-v", "error", "-y", "-i", plain, "-c", "copy",
                                         "-metadata:s:v:0", "rotate=90", $0])
        }
    }

    /// One solid colour, 64×48, for 1 s at 10 fps: known cell colours.
    static func solid(_ hex: String, codec: [String], ext: String) throws -> String {
        try clip("solid-\(hex)-\(codec[1]).\(ext)") {
            try FFmpegCLI.makeClip($0, source: "color=c=0x\(hex):size=64x48:rate=10", duration: 1,
                                   codec: codec + ["-pix_fmt", "yuv420p"])
        }
    }

    /// 60 frames at 30 fps whose colour encodes the frame number (red = 4·n, green = 255 − 4·n),
    /// with a keyframe only every 12 frames, so a seek must decode forward to the right frame.
    static func numbered(codec: [String], ext: String) throws -> String {
        try clip("numbered-\(codec[1]).\(ext)") {
            try FFmpegCLI.makeClip($0, source: "color=c=black:size=64x64:rate=30,format=gbrp,"
                                   + "geq=r='4*N':g='255-4*N':b=128",
                                   duration: 2, codec: codec + ["-g", "12", "-pix_fmt", "yuv420p"])
        }
    }
}
