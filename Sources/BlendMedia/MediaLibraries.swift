import CFFmpeg

/// The FFmpeg libraries blendscope is linked against, as `major.minor.micro`.
public enum MediaLibraries {
    public static var versions: [String: String] {
        func text(_ v: UInt32) -> String { "\(v >> 16).\((v >> 8) & 0xff).\(v & 0xff)" }
        return [
            "avformat": text(avformat_version()),
            "avcodec": text(avcodec_version()),
            "swscale": text(swscale_version()),
            "avutil": text(avutil_version()),
        ]
    }
}
