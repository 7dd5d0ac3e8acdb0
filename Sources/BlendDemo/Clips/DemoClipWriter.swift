import BlendMedia
import BlendCore

/// Writes the demo project's clips: a drawn face acting out each clip's label, encoded as
/// MPEG-4 part 2 in QuickTime, with a synthesised voice (`DemoVoice`) as its AAC sound track.
/// Safe to call from several threads at once (one writer per call).
public enum DemoClipWriter {
    /// Writes `spec`'s clip to `path` (a `.mov`).
    public static func write(_ spec: DemoClipSpec, to path: String) throws {
        // Quantiser 5 keeps the flat shapes clean at ~10 kB a second; a keyframe every 2 s.
        let writer = try VideoWriter(path: path, width: spec.size, height: spec.size, fps: spec.fps,
                                     codec: .mpeg4, quality: .constant(5), keyframeInterval: 2 * spec.fps,
                                     audioSampleRate: DemoVoice.sampleRate)
        let voice = DemoVoice.samples(spec)
        var index = 0
        // The sound goes in beside each picture, so the muxer interleaves them as it goes.
        try drawFrames(spec, width: spec.size, height: spec.size) { image in
            try writer.append(image)
            let start = voice.count * index / spec.frameCount, end = voice.count * (index + 1) / spec.frameCount
            try writer.appendAudio(Array(voice[start..<end]))
            index += 1
        }
        try writer.finish()
    }

    /// Draws `spec`'s face into each frame in turn of an image of any size, handing `each` the
    /// picture before the next frame is drawn. Public for BlendBench, whose benchmark clip is a
    /// demo face at 640×480 with film grain added before encoding.
    public static func drawFrames(_ spec: DemoClipSpec, width: Int, height: Int,
                                  _ each: (inout RGBImage) throws -> Void) rethrows {
        let timeline = FaceTimeline(spec: spec)
        var image = RGBImage(width: width, height: height)
        for index in 0..<spec.frameCount {
            draw(timeline, time: Double(index) / Double(spec.fps), into: &image)
            try each(&image)
        }
    }

    /// The picture of frame `index` (what `write` encodes, before compression).
    public static func frame(_ spec: DemoClipSpec, index: Int) -> RGBImage {
        var image = RGBImage(width: spec.size, height: spec.size)
        draw(FaceTimeline(spec: spec), time: Double(index) / Double(spec.fps), into: &image)
        return image
    }

    /// The expression shown `time` seconds into the clip.
    public static func pose(_ spec: DemoClipSpec, at time: Double) -> FacePose {
        FaceTimeline(spec: spec).pose(at: time)
    }

    private static func draw(_ timeline: FaceTimeline, time: Double, into image: inout RGBImage) {
        FacePainter.draw(timeline.pose(at: time), look: timeline.look, offset: timeline.headOffset(at: time),
                         into: &image)
    }
}
